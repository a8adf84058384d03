package org.ndsw.space;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.ndsw.AtomicWrite;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * Reads and writes design space files (format "ndsw-space/1", documented in docs/design-space-format.md).
 *
 * <p>Every field is validated when the file is read, against its {@link Domains} domain; errors name the file, the
 * field and the bad value.
 */
public final class SpaceFiles {
    /** The format tag of files without constraints; still read and still written for such spaces. */
    public static final String FORMAT = "ndsw-space/1";
    /** The format tag of files with a `parent` or a `constraints` section (stage-wise spaces only). */
    public static final String FORMAT_2 = "ndsw-space/2";
    /** The format tag of RegNet spaces (family "regnet", a `regnet` section); versions 1 and 2 still read. */
    public static final String FORMAT_3 = "ndsw-space/3";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth((int) Domains.JSON_DEPTH.max())
                    .maxStringLength((int) Domains.SPACE_FILE_BYTES.max())
                    .build())
            .build()).enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> COMMON_KEYS = Set.of("format", "name", "description", "family");
    private static final Set<String> STAGE_KEYS = union(COMMON_KEYS, Set.of("block_type", "stem", "stages"));
    private static final Set<String> STAGE_KEYS_2 = union(STAGE_KEYS, Set.of("parent", "constraints", "pycls"));
    private static final Set<String> PYCLS_KEYS = Set.of("im_size", "num_classes");
    private static final Set<String> PYCLS_STAGE_KEYS = Set.of("stride", "depth", "width", "bottleneck_ratio",
            "group_width");
    private static final Set<String> STAGE_ENTRY_KEYS = Set.of("stride", "depth", "width", "bottleneck_ratio", "groups");
    private static final Set<String> STEM_KEYS = Set.of("width", "stride");
    private static final Set<String> CELL_KEYS = union(COMMON_KEYS, Set.of("ops", "nodes", "output", "width", "depth"));

    private SpaceFiles() {}

    /** Reads and validates a design space file. */
    public static DesignSpace read(Path file) {
        String text;
        try {
            long bytes = Files.size(file);
            if (!Domains.SPACE_FILE_BYTES.contains(bytes)) {
                throw new NdswException(file + ": a design space file must have at most "
                        + Domains.SPACE_FILE_BYTES.max() + " bytes (" + Domains.SPACE_FILE_BYTES.reason() + "), got "
                        + bytes);
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NdswException(file + ": no such design space file");
        } catch (CharacterCodingException e) {
            throw new NdswException(file + ": a design space file must be UTF-8 text, and this one is not", e);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read design space file: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses and validates a design space from JSON text; `source` names it in error messages. */
    public static DesignSpace parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NdswException(source + ": not valid JSON" + at(e.getLocation()) + ": "
                    + Quote.cut(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new NdswException(source + ": empty file, expected a design space object");
        }
        try {
            return parse(root);
        } catch (NdswException e) {
            throw new NdswException(source + ": " + e.getMessage(), e);
        }
    }

    private static String at(JsonLocation where) {
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /** Writes a design space as a pretty-printed file of this format, atomically (never half-written). */
    public static void write(DesignSpace space, Path file) {
        AtomicWrite.text(file, toText(space));
    }

    /** The pretty-printed JSON text of a design space. */
    public static String toText(DesignSpace space) {
        try {
            return MAPPER.writeValueAsString(toJson(space)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The JSON tree of a design space, in this file format. */
    public static ObjectNode toJson(DesignSpace space) {
        ObjectNode o = NODES.objectNode();
        boolean v2 = space instanceof StageSpace s
                && (!s.parent().isEmpty() || !s.constraints().isEmpty() || s.pycls() != null);
        o.put("format", space instanceof RegNetSpace ? FORMAT_3 : v2 ? FORMAT_2 : FORMAT);
        o.put("name", space.name());
        if (!space.description().isEmpty()) {
            o.put("description", space.description()); // optional; an empty one would not read back
        }
        o.put("family", space.family());
        if (space instanceof RegNetSpace r) {
            RegNetSpaceJson.write(r, o);
        } else if (space instanceof StageSpace s) {
            stageJson(s, o);
        } else {
            cellJson((CellSpace) space, o);
        }
        return o;
    }

    private static void stageJson(StageSpace s, ObjectNode o) {
        o.put("block_type", s.blockType().recordName());
        o.putObject("stem").put("width", s.stemWidth()).put("stride", s.stemStride());
        ArrayNode stages = o.putArray("stages");
        for (StageSpace.StageChoices c : s.stages()) {
            ObjectNode st = stages.addObject();
            st.put("stride", c.stride());
            st.set("depth", ints(c.depths()));
            st.set("width", ints(c.widths()));
            if (s.blockType().isBottleneck()) {
                st.set("bottleneck_ratio", ints(c.ratios()));
                st.set(s.pycls() == null ? "groups" : "group_width", ints(c.groups()));
            }
        }
        if (s.pycls() != null) {
            o.putObject("pycls").put("im_size", s.pycls().imageSize()).put("num_classes", s.pycls().classes());
        }
        if (!s.parent().isEmpty()) {
            o.put("parent", s.parent());
        }
        if (!s.constraints().isEmpty()) {
            o.set("constraints", ConstraintsJson.toJson(s.constraints(), s.pycls() != null));
        }
    }

    private static void cellJson(CellSpace c, ObjectNode o) {
        ArrayNode ops = o.putArray("ops");
        c.ops().forEach(op -> ops.add(op.recordName()));
        o.put("nodes", c.nodes());
        o.put("output", c.output().fileName());
        o.set("width", ints(c.widths()));
        o.set("depth", ints(c.depths()));
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = NODES.arrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static DesignSpace parse(JsonNode root) {
        if (!root.isObject()) {
            throw new NdswException("a design space file must hold a JSON object, got " + SpecJson.describe(root));
        }
        String format = text(root, "format");
        if (!FORMAT.equals(format) && !FORMAT_2.equals(format) && !FORMAT_3.equals(format)) {
            throw new NdswException("format must be \"" + FORMAT + "\", \"" + FORMAT_2 + "\" or \"" + FORMAT_3
                    + "\", got " + Quote.of(format));
        }
        String family = text(root, "family");
        if (FORMAT_3.equals(format) != "regnet".equals(family)) {
            throw new NdswException("family \"regnet\" goes with format \"" + FORMAT_3 + "\" and only with it, got"
                    + " family " + Quote.of(family) + " in format " + Quote.of(format));
        }
        if ("regnet".equals(family)) {
            return RegNetSpaceJson.parse(root, name(root), description(root));
        }
        if (FORMAT.equals(format) && (root.has("parent") || root.has("constraints") || root.has("pycls"))) {
            throw new NdswException("parent, constraints and pycls need format \"" + FORMAT_2 + "\", got \"" + FORMAT
                    + "\"");
        }
        return switch (family) {
            case "stage" -> parseStage(root, FORMAT_2.equals(format));
            case "cell" -> parseCell(root);
            default -> throw new NdswException("family must be \"stage\" or \"cell\", got " + Quote.of(family));
        };
    }

    private static StageSpace parseStage(JsonNode root, boolean v2) {
        checkKeys(root, v2 ? STAGE_KEYS_2 : STAGE_KEYS, "");
        BlockType type = BlockType.fromRecordName(text(root, "block_type"), "block_type");
        JsonNode stem = object(root, "stem");
        checkKeys(stem, STEM_KEYS, "stem.");
        int stemWidth = integer(stem.get("width"), "stem.width", Domains.WIDTH);
        int stemStride = integer(stem.get("stride"), "stem.stride", Domains.STRIDE);
        JsonNode stages = root.get("stages");
        if (stages == null || !stages.isArray() || stages.isEmpty()) {
            throw new NdswException("stages must be a non-empty list, got " + SpecJson.describe(stages));
        }
        Domains.STAGES.check(stages.size(), "the number of stages");
        StageSpace.Pycls pycls = root.has("pycls") ? pycls(root.get("pycls"), type) : null;
        List<StageSpace.StageChoices> choices = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            choices.add(parseStageChoices(stages.get(i), "stages[" + i + "].", type, pycls != null));
        }
        String parent = root.has("parent")
                ? Domains.text(text(root, "parent"), Domains.NAME_LENGTH, "parent") : "";
        Constraints constraints = root.has("constraints")
                ? ConstraintsJson.parse(root.get("constraints"), choices.size()) : Constraints.NONE;
        return new StageSpace(name(root), description(root), type, stemWidth, stemStride, choices, parent,
                constraints, pycls);
    }

    private static StageSpace.Pycls pycls(JsonNode node, BlockType type) {
        JsonNode p = object(node == null ? null : node, "pycls", node);
        checkKeys(p, PYCLS_KEYS, "pycls.");
        if (!type.isBottleneck()) {
            throw new NdswException("pycls applies only to res_bottleneck_block, not to " + type.recordName());
        }
        return new StageSpace.Pycls(integer(p.get("im_size"), "pycls.im_size", Domains.IMAGE_SIZE),
                integer(p.get("num_classes"), "pycls.num_classes", Domains.CLASSES));
    }

    private static StageSpace.StageChoices parseStageChoices(JsonNode st, String prefix, BlockType type,
            boolean groupWidths) {
        if (!st.isObject()) {
            throw new NdswException(prefix.substring(0, prefix.length() - 1) + " must be an object, got "
                    + SpecJson.describe(st));
        }
        checkKeys(st, groupWidths ? PYCLS_STAGE_KEYS : STAGE_ENTRY_KEYS, prefix);
        int stride = integer(st.get("stride"), prefix + "stride", Domains.STRIDE);
        int[] depths = choices(st.get("depth"), prefix + "depth", Domains.STAGE_DEPTH);
        int[] widths = choices(st.get("width"), prefix + "width", Domains.WIDTH);
        int[] ratios = {1};
        int[] groups = {1};
        if (type.isBottleneck()) {
            ratios = choices(st.get("bottleneck_ratio"), prefix + "bottleneck_ratio", Domains.BOTTLENECK_RATIO);
            if (groupWidths) {
                groups = choices(st.get("group_width"), prefix + "group_width", Domains.GROUPS);
            } else {
                groups = choices(st.get("groups"), prefix + "groups", Domains.GROUPS);
                checkGroupsDivide(widths, ratios, groups, prefix);
            }
        } else if (st.has("bottleneck_ratio") || st.has("groups")) {
            throw new NdswException(prefix + "bottleneck_ratio and groups apply only to res_bottleneck_block, not to "
                    + type.recordName());
        }
        return new StageSpace.StageChoices(stride, depths, widths, ratios, groups);
    }

    /** Every (width, ratio, groups) combination must give a bottleneck width that the groups divide. */
    private static void checkGroupsDivide(int[] widths, int[] ratios, int[] groups, String prefix) {
        for (int w : widths) {
            for (int b : ratios) {
                int wb = StageSpec.bottleneckWidth(w, 1.0 / b);
                for (int g : groups) {
                    if (wb < 1 || wb % g != 0) {
                        throw new NdswException(prefix + "groups " + g + " does not divide the bottleneck width "
                                + wb + " of width " + w + " with bottleneck_ratio " + b);
                    }
                }
            }
        }
    }

    private static CellSpace parseCell(JsonNode root) {
        checkKeys(root, CELL_KEYS, "");
        JsonNode opsNode = root.get("ops");
        if (opsNode == null || !opsNode.isArray() || opsNode.isEmpty()) {
            throw new NdswException("ops must be a non-empty list of op names, got " + SpecJson.describe(opsNode));
        }
        List<CellOp> ops = new ArrayList<>();
        for (int i = 0; i < opsNode.size(); i++) {
            String field = "ops[" + i + "]";
            JsonNode n = opsNode.get(i);
            if (!n.isTextual()) {
                throw new NdswException(field + " must be an op name, got " + SpecJson.describe(n));
            }
            CellOp op = CellOp.fromRecordName(n.textValue(), field);
            if (ops.contains(op)) {
                throw new NdswException(field + " repeats \"" + op.recordName() + "\"");
            }
            ops.add(op);
        }
        int nodes = integer(root.get("nodes"), "nodes", Domains.CELL_NODES);
        String out = text(root, "output");
        OutputRule rule = switch (out) {
            case "all" -> OutputRule.ALL;
            case "loose" -> OutputRule.LOOSE;
            default -> throw new NdswException("output must be \"all\" or \"loose\", got " + Quote.of(out));
        };
        int[] widths = choices(root.get("width"), "width", Domains.WIDTH);
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] % 2 != 0) {
                throw new NdswException("width[" + i + "] must be even (FactorizedReduce halves it), got " + widths[i]);
            }
        }
        int[] depths = choices(root.get("depth"), "depth", Domains.CELL_DEPTH);
        return new CellSpace(name(root), description(root), ops, nodes, rule, widths, depths);
    }

    /** A non-empty list of distinct integers of a domain. */
    static int[] choices(JsonNode node, String field, Domains.IntDomain domain) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new NdswException(field + " must be a non-empty list of positive integers, got "
                    + SpecJson.describe(node));
        }
        Domains.CHOICES.check(node.size(), "the number of entries of " + field);
        int[] out = new int[node.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(node.get(i), field + "[" + i + "]", domain);
            if (!seen.add(out[i])) {
                throw new NdswException(field + "[" + i + "] repeats the value " + out[i]);
            }
        }
        return out;
    }

    /** An integer of a domain; a non-integer or an integer outside it is an error naming the field and value. */
    static int integer(JsonNode node, String field, Domains.IntDomain domain) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new NdswException(field + " must be " + domain.range() + ", got " + SpecJson.describe(node));
        }
        return domain.check(node.longValue(), field);
    }

    private static JsonNode object(JsonNode root, String field) {
        return object(root, field, root.get(field));
    }

    private static JsonNode object(JsonNode root, String field, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new NdswException(field + " must be an object, got " + SpecJson.describe(n));
        }
        return n;
    }

    static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw new NdswException(field + " must be a non-empty string, got " + SpecJson.describe(n));
        }
        return n.textValue();
    }

    private static String name(JsonNode root) {
        return Domains.text(text(root, "name"), Domains.NAME_LENGTH, "name");
    }

    private static String description(JsonNode root) {
        return root.has("description")
                ? Domains.text(text(root, "description"), Domains.DESCRIPTION_LENGTH, "description") : "";
    }

    static void checkKeys(JsonNode obj, Set<String> allowed, String prefix) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new NdswException(Quote.cut(prefix + k) + " is not a known field (known: "
                        + allowed.stream().sorted().map(a -> prefix + a).toList() + ")");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
