package org.ndsw.complexity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * The JSON form of a pycls config (its YAML keys as nested objects), for the AnyNet and RegNet models: MODEL.TYPE,
 * MODEL.NUM_CLASSES, TRAIN.IM_SIZE and the ANYNET or REGNET section (docs/complexity.md). Missing keys take pycls's
 * defaults; other sections (OPTIM, BN, ...) are ignored; an unknown key in ANYNET or REGNET is an error naming it.
 *
 * @param net the network the config builds
 * @param imageSize TRAIN.IM_SIZE, the side of the square training input
 */
public record PyclsConfig(AnyNet net, int imageSize) {
    private static final Set<String> REGNET_KEYS = Set.of("STEM_TYPE", "STEM_W", "BLOCK_TYPE", "STRIDE", "SE_ON",
            "SE_R", "DEPTH", "W0", "WA", "WM", "GROUP_W", "BOT_MUL", "HEAD_W");
    private static final Set<String> ANYNET_KEYS = Set.of("STEM_TYPE", "STEM_W", "BLOCK_TYPE", "DEPTHS", "WIDTHS",
            "STRIDES", "BOT_MULS", "GROUP_WS", "HEAD_W", "SE_ON", "SE_R");

    /** Reads a config; errors name the key (e.g. "REGNET.WA") and quote the bad value. */
    public static PyclsConfig parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new NdswException("a pycls config must be a JSON object with a MODEL section");
        }
        JsonNode model = section(root, "MODEL");
        String type = text(model, "MODEL", "TYPE", "");
        int classes = integer(model, "MODEL", "NUM_CLASSES", 10);
        int size = integer(section(root, "TRAIN"), "TRAIN", "IM_SIZE", 224);
        if (size < 1) {
            throw new NdswException("TRAIN.IM_SIZE must be at least 1, got " + size);
        }
        try {
            AnyNet net = switch (type) {
                case "regnet" -> regnet(section(root, "REGNET"), classes);
                case "anynet" -> anynet(section(root, "ANYNET"), classes);
                default -> throw new NdswException("MODEL.TYPE must be \"anynet\" or \"regnet\" (the other pycls"
                        + " models are not supported), got " + Quote.of(type));
            };
            return new PyclsConfig(net, size);
        } catch (NdswException e) {
            String m = e.getMessage();
            boolean named = m.startsWith("MODEL.") || m.startsWith("REGNET") || m.startsWith("ANYNET");
            throw named ? e : new NdswException(type.toUpperCase() + ": " + m, e);
        }
    }

    private static AnyNet regnet(JsonNode s, int classes) {
        known(s, "REGNET", REGNET_KEYS);
        RegNet r = new RegNet(integer(s, "REGNET", "DEPTH", 10), integer(s, "REGNET", "W0", 32),
                number(s, "REGNET", "WA", 5.0), number(s, "REGNET", "WM", 2.5),
                integer(s, "REGNET", "GROUP_W", 16), number(s, "REGNET", "BOT_MUL", 1.0));
        return new AnyNet(AnyNet.Stem.parse(text(s, "REGNET", "STEM_TYPE", "simple_stem_in"), "REGNET.STEM_TYPE"),
                integer(s, "REGNET", "STEM_W", 32),
                AnyNet.Block.parse(text(s, "REGNET", "BLOCK_TYPE", "res_bottleneck_block"), "REGNET.BLOCK_TYPE"),
                r.stages(integer(s, "REGNET", "STRIDE", 2)), integer(s, "REGNET", "HEAD_W", 0), se(s, "REGNET"),
                classes);
    }

    private static AnyNet anynet(JsonNode s, int classes) {
        known(s, "ANYNET", ANYNET_KEYS);
        AnyNet.Block block = AnyNet.Block.parse(text(s, "ANYNET", "BLOCK_TYPE", "res_bottleneck_block"),
                "ANYNET.BLOCK_TYPE");
        List<JsonNode> ds = list(s, "DEPTHS");
        List<JsonNode> ws = list(s, "WIDTHS");
        List<JsonNode> ss = list(s, "STRIDES");
        List<JsonNode> bs = list(s, "BOT_MULS");
        List<JsonNode> gs = list(s, "GROUP_WS");
        sameLength("WIDTHS", ws, ds.size());
        sameLength("STRIDES", ss, ds.size());
        if (block.isBottleneck()) {
            sameLength("BOT_MULS", bs, ds.size());
            sameLength("GROUP_WS", gs, ds.size());
        }
        List<AnyNet.Stage> stages = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            double b = bs.isEmpty() ? 1.0 : number(bs.get(i), "ANYNET.BOT_MULS[" + i + "]");
            int g = gs.isEmpty() ? 1 : integer(gs.get(i), "ANYNET.GROUP_WS[" + i + "]");
            stages.add(new AnyNet.Stage(integer(ds.get(i), "ANYNET.DEPTHS[" + i + "]"),
                    integer(ws.get(i), "ANYNET.WIDTHS[" + i + "]"), integer(ss.get(i), "ANYNET.STRIDES[" + i + "]"),
                    b, g));
        }
        return new AnyNet(AnyNet.Stem.parse(text(s, "ANYNET", "STEM_TYPE", "simple_stem_in"), "ANYNET.STEM_TYPE"),
                integer(s, "ANYNET", "STEM_W", 32), block, stages, integer(s, "ANYNET", "HEAD_W", 0),
                se(s, "ANYNET"), classes);
    }

    private static double se(JsonNode s, String section) {
        JsonNode on = s.get("SE_ON");
        if (on != null && !on.isBoolean()) {
            throw new NdswException(section + ".SE_ON must be true or false, got " + Quote.cut(on.toString()));
        }
        return on != null && on.booleanValue() ? number(s, section, "SE_R", 0.25) : 0;
    }

    private static JsonNode section(JsonNode root, String name) {
        JsonNode s = root.get(name);
        if (s == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!s.isObject()) {
            throw new NdswException(name + " must be an object of keys, got " + Quote.cut(s.toString()));
        }
        return s;
    }

    private static void known(JsonNode s, String section, Set<String> keys) {
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                throw new NdswException(section + "." + Quote.cut(key) + " is not a key of pycls's " + section
                        + " section (keys: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode s, String section, String key, String fallback) {
        JsonNode v = s.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new NdswException(section + "." + key + " must be a string, got " + Quote.cut(v.toString()));
        }
        return v.textValue();
    }

    private static int integer(JsonNode s, String section, String key, int fallback) {
        JsonNode v = s.get(key);
        return v == null ? fallback : integer(v, section + "." + key);
    }

    private static int integer(JsonNode v, String key) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new NdswException(key + " must be an integer, got " + Quote.cut(v.toString()));
        }
        return v.intValue();
    }

    private static double number(JsonNode s, String section, String key, double fallback) {
        JsonNode v = s.get(key);
        return v == null ? fallback : number(v, section + "." + key);
    }

    private static double number(JsonNode v, String key) {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new NdswException(key + " must be a number, got " + Quote.cut(v.toString()));
        }
        return v.doubleValue();
    }

    private static List<JsonNode> list(JsonNode s, String key) {
        JsonNode v = s.get(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new NdswException("ANYNET." + key + " must be a list, got " + Quote.cut(v.toString()));
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static void sameLength(String key, List<JsonNode> values, int depths) {
        if (values.size() != depths) {
            throw new NdswException("ANYNET." + key + " must have one value per stage (" + depths
                    + ", as ANYNET.DEPTHS), got " + values.size());
        }
    }
}
