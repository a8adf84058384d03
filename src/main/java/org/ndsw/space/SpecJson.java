package org.ndsw.space;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * Converts model specs to and from the NDS record form of `net`, with a canonical JSON text and content hash.
 *
 * <p>Canonical JSON has keys in alphabetical order, no whitespace, and bottleneck fields only for bottleneck blocks,
 * so equal networks have equal text and {@link #hash} is a stable model identity. Unknown keys are rejected: a field we
 * do not understand might change the network, and a wrong complexity is worse than a clear error. The optional
 * {@code se_r} (squeeze-and-excitation ratio, pycls's name) is written only when above 0, so nets without SE keep the
 * text and hash they had before the field existed. Likewise {@code stem_type} (pycls's name) is written only when it
 * is {@code res_stem_in}; the 3x3 conv stem is the default, and its pycls names res_stem_cifar (net.ss[0] = 1) and
 * simple_stem_in (net.ss[0] = 2) are read as it.
 */
public final class SpecJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth((int) Domains.JSON_DEPTH.max()).build())
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> STAGE_KEYS = Set.of("block_type", "ds", "ws", "ss", "bot_muls", "num_gs", "se_r",
            "stem_type");
    private static final Set<String> CELL_KEYS = Set.of("genotype", "width", "depth", "aux", "drop_prob");
    private static final Set<String> GENOTYPE_KEYS = Set.of("normal", "normal_concat", "reduce", "reduce_concat");

    private SpecJson() {}

    /** Parses a `net` object of either family (stage-wise if it has `block_type`, cell if it has `genotype`). */
    public static ModelSpec parseNet(JsonNode net) {
        if (net == null || !net.isObject()) {
            throw new NdswException("net must be a JSON object, got " + describe(net));
        }
        if (net.has("block_type")) {
            return parseStage(net);
        }
        if (net.has("genotype")) {
            return parseCell(net);
        }
        throw new NdswException("net must have either block_type (stage-wise) or genotype (NAS cell), got keys "
                + fieldNames(net));
    }

    /** Parses a `net` object given as JSON text. */
    public static ModelSpec parseNet(String json) {
        try {
            return parseNet(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new NdswException("net is not valid JSON: " + Quote.cut(e.getOriginalMessage()), e);
        }
    }

    /** The canonical `net` object of a spec (alphabetical keys). */
    public static ObjectNode toJson(ModelSpec spec) {
        if (spec instanceof StageSpec s) {
            return stageJson(s);
        }
        return cellJson((CellSpec) spec);
    }

    /** The canonical compact JSON text of a spec. */
    public static String canonical(ModelSpec spec) {
        return toJson(spec).toString();
    }

    /** The SHA-256 of the canonical text, in lower-case hex: the model's identity. */
    public static String hash(ModelSpec spec) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical(spec).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static StageSpec parseStage(JsonNode net) {
        checkKeys(net, STAGE_KEYS, "net");
        BlockType type = BlockType.fromRecordName(text(net.get("block_type"), "net.block_type"), "net.block_type");
        int[] ds = intArray(net.get("ds"), "net.ds");
        int[] ws = intArray(net.get("ws"), "net.ws");
        int[] ss = intArray(net.get("ss"), "net.ss");
        sameLength(ds.length, ws.length, "net.ws");
        sameLength(ds.length, ss.length, "net.ss");
        double[] bot = null;
        int[] gs = null;
        if (type.isBottleneck()) {
            bot = doubleArray(net.get("bot_muls"), "net.bot_muls");
            gs = intArray(net.get("num_gs"), "net.num_gs");
            sameLength(ds.length, bot.length, "net.bot_muls");
            sameLength(ds.length, gs.length, "net.num_gs");
        }
        List<StageSpec.Stage> stages = new ArrayList<>(ds.length);
        for (int i = 0; i < ds.length; i++) {
            double b = bot == null ? 1.0 : bot[i];
            int g = gs == null ? 1 : gs[i];
            stages.add(new StageSpec.Stage(ds[i], ws[i], ss[i], b, g));
        }
        double se = net.has("se_r") ? number(net.get("se_r"), "net.se_r") : 0.0;
        StageSpec spec = new StageSpec(type, stages, se);
        if (!net.has("stem_type")) {
            return spec;
        }
        return spec.withStemType(StemType.fromRecordName(text(net.get("stem_type"), "net.stem_type"), ss[0],
                "net.stem_type"));
    }

    private static CellSpec parseCell(JsonNode net) {
        checkKeys(net, CELL_KEYS, "net");
        JsonNode g = net.get("genotype");
        if (!g.isObject()) {
            throw new NdswException("net.genotype must be an object, got " + describe(g));
        }
        checkKeys(g, GENOTYPE_KEYS, "net.genotype");
        Genotype genotype = new Genotype(
                edges(g.get("normal"), "net.genotype.normal"),
                intList(g.get("normal_concat"), "net.genotype.normal_concat"),
                edges(g.get("reduce"), "net.genotype.reduce"),
                intList(g.get("reduce_concat"), "net.genotype.reduce_concat"));
        int width = integer(net.get("width"), "net.width");
        int depth = integer(net.get("depth"), "net.depth");
        boolean aux = net.has("aux") && bool(net.get("aux"), "net.aux");
        double drop = net.has("drop_prob") ? number(net.get("drop_prob"), "net.drop_prob") : 0.0;
        return new CellSpec(genotype, width, depth, aux, drop);
    }

    private static ObjectNode stageJson(StageSpec s) {
        ObjectNode o = NODES.objectNode();
        o.put("block_type", s.blockType().recordName());
        if (s.blockType().isBottleneck()) {
            ArrayNode bot = o.putArray("bot_muls");
            s.stages().forEach(st -> bot.add(st.botMul()));
        }
        ArrayNode ds = o.putArray("ds");
        s.stages().forEach(st -> ds.add(st.depth()));
        if (s.blockType().isBottleneck()) {
            ArrayNode gs = o.putArray("num_gs");
            s.stages().forEach(st -> gs.add(st.groups()));
        }
        if (s.seRatio() > 0) {
            o.put("se_r", s.seRatio());
        }
        ArrayNode ss = o.putArray("ss");
        s.stages().forEach(st -> ss.add(st.stride()));
        if (s.stemType() == StemType.RES_STEM_IN) {
            o.put("stem_type", StemType.RES_STEM_IN_NAME);
        }
        ArrayNode ws = o.putArray("ws");
        s.stages().forEach(st -> ws.add(st.width()));
        return o;
    }

    private static ObjectNode cellJson(CellSpec c) {
        ObjectNode o = NODES.objectNode();
        o.put("aux", c.aux());
        o.put("depth", c.depth());
        o.put("drop_prob", c.dropProb());
        ObjectNode g = o.putObject("genotype");
        g.set("normal", edgesJson(c.genotype().normal()));
        g.set("normal_concat", intsJson(c.genotype().normalConcat()));
        g.set("reduce", edgesJson(c.genotype().reduce()));
        g.set("reduce_concat", intsJson(c.genotype().reduceConcat()));
        o.put("width", c.width());
        return o;
    }

    private static ArrayNode edgesJson(List<Genotype.Edge> edges) {
        ArrayNode a = NODES.arrayNode();
        for (Genotype.Edge e : edges) {
            a.addArray().add(e.op().recordName()).add(e.input());
        }
        return a;
    }

    private static ArrayNode intsJson(List<Integer> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static List<Genotype.Edge> edges(JsonNode node, String field) {
        array(node, field);
        List<Genotype.Edge> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            String f = field + "[" + i + "]";
            if (!e.isArray() || e.size() != 2) {
                throw new NdswException(f + " must be a pair [op, input], got " + describe(e));
            }
            CellOp op = CellOp.fromRecordName(text(e.get(0), f + "[0]"), f + "[0]");
            out.add(new Genotype.Edge(op, integer(e.get(1), f + "[1]")));
        }
        return out;
    }

    private static void checkKeys(JsonNode obj, Set<String> allowed, String field) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new NdswException(field + " has unknown field " + Quote.of(k) + " (known: " + sorted(allowed) + ")");
            }
        }
    }

    private static void sameLength(int expected, int actual, String field) {
        if (expected != actual) {
            throw new NdswException(field + " must have one entry per stage like net.ds (" + expected + "), got " + actual);
        }
    }

    private static JsonNode array(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new NdswException(field + " must be a JSON array, got " + describe(node));
        }
        return node;
    }

    private static int[] intArray(JsonNode node, String field) {
        array(node, field);
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(node.get(i), field + "[" + i + "]");
        }
        return out;
    }

    private static List<Integer> intList(JsonNode node, String field) {
        int[] a = intArray(node, field);
        List<Integer> out = new ArrayList<>(a.length);
        for (int v : a) {
            out.add(v);
        }
        return out;
    }

    private static double[] doubleArray(JsonNode node, String field) {
        array(node, field);
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(node.get(i), field + "[" + i + "]");
        }
        return out;
    }

    private static int integer(JsonNode node, String field) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new NdswException(field + " must be an integer, got " + describe(node));
        }
        return node.intValue();
    }

    private static double number(JsonNode node, String field) {
        if (node == null || !node.isNumber()) {
            throw new NdswException(field + " must be a number, got " + describe(node));
        }
        return node.doubleValue();
    }

    private static boolean bool(JsonNode node, String field) {
        if (!node.isBoolean()) {
            throw new NdswException(field + " must be true or false, got " + describe(node));
        }
        return node.booleanValue();
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new NdswException(field + " must be a string, got " + describe(node));
        }
        return node.textValue();
    }

    /** A short description of a JSON value for error messages ("missing", or the value itself, truncated). */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        return Quote.cut(node.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
