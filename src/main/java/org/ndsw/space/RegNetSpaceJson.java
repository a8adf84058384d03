package org.ndsw.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Set;
import org.ndsw.Domains;
import org.ndsw.NdswException;

/**
 * The `regnet` section of design space files of format "ndsw-space/3" (docs/design-space-format.md): the ranges of a
 * {@link RegNetSpace}, in the units of pycls's regnet_sampler.
 */
final class RegNetSpaceJson {
    static final Set<String> KEYS = Set.of("format", "name", "description", "family", "regnet", "pycls");
    private static final Set<String> REGNET_KEYS = Set.of("depth", "w0", "wa", "wm", "group_width", "bot_mul",
            "se_ratio", "stem_width", "num_stages");
    private static final Set<String> PYCLS_KEYS = Set.of("im_size", "num_classes");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RegNetSpaceJson() {}

    /** Parses a version-3 file whose family is "regnet" (format and family already checked). */
    static RegNetSpace parse(JsonNode root, String name, String description) {
        SpaceFiles.checkKeys(root, KEYS, "");
        JsonNode r = object(root.get("regnet"), "regnet");
        SpaceFiles.checkKeys(r, REGNET_KEYS, "regnet.");
        JsonNode p = object(root.get("pycls"), "pycls");
        SpaceFiles.checkKeys(p, PYCLS_KEYS, "pycls.");
        StageSpace.Pycls pycls = new StageSpace.Pycls(
                SpaceFiles.integer(p.get("im_size"), "pycls.im_size", Domains.IMAGE_SIZE),
                SpaceFiles.integer(p.get("num_classes"), "pycls.num_classes", Domains.CLASSES));
        JsonNode se = r.get("se_ratio");
        if (se == null || !se.isNumber()) {
            throw new NdswException("regnet.se_ratio must be a number (0: no SE), got " + SpecJson.describe(se));
        }
        return new RegNetSpace(name, description, ints(r, "depth", Domains.STAGE_DEPTH),
                ints(r, "w0", Domains.WIDTH), decimals(r, "wa"), decimals(r, "wm"),
                ints(r, "group_width", Domains.WIDTH), decimals(r, "bot_mul"), se.doubleValue(),
                SpaceFiles.integer(r.get("stem_width"), "regnet.stem_width", Domains.WIDTH),
                SpaceFiles.integer(r.get("num_stages"), "regnet.num_stages", Domains.STAGES), pycls);
    }

    /** Writes the fields after format, name, description and family. */
    static void write(RegNetSpace s, ObjectNode o) {
        ObjectNode r = o.putObject("regnet");
        r.putArray("depth").add(s.depth().min()).add(s.depth().max());
        r.putArray("w0").add(s.w0().min()).add(s.w0().max());
        r.putArray("wa").add(s.wa().min()).add(s.wa().max());
        r.putArray("wm").add(s.wm().min()).add(s.wm().max());
        r.putArray("group_width").add(s.groupWidth().min()).add(s.groupWidth().max());
        r.putArray("bot_mul").add(s.botMul().min()).add(s.botMul().max());
        r.put("se_ratio", s.seRatio());
        r.put("stem_width", s.stemWidth());
        r.put("num_stages", s.numStages());
        o.putObject("pycls").put("im_size", s.pycls().imageSize()).put("num_classes", s.pycls().classes());
    }

    private static JsonNode object(JsonNode n, String field) {
        if (n == null || !n.isObject()) {
            throw new NdswException(field + " must be an object, got " + SpecJson.describe(n));
        }
        return n;
    }

    private static JsonNode pair(JsonNode r, String key) {
        JsonNode n = r.get(key);
        if (n == null || !n.isArray() || n.size() != 2) {
            throw new NdswException("regnet." + key + " must be a [min, max] pair, got " + SpecJson.describe(n));
        }
        return n;
    }

    private static RegNetSpace.IntRange ints(JsonNode r, String key, Domains.IntDomain domain) {
        JsonNode n = pair(r, key);
        return new RegNetSpace.IntRange(SpaceFiles.integer(n.get(0), "regnet." + key + "[0]", domain),
                SpaceFiles.integer(n.get(1), "regnet." + key + "[1]", domain));
    }

    private static RegNetSpace.DecRange decimals(JsonNode r, String key) {
        JsonNode n = pair(r, key);
        return new RegNetSpace.DecRange(decimal(n.get(0), "regnet." + key + "[0]"),
                decimal(n.get(1), "regnet." + key + "[1]"));
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw new NdswException(field + " must be a number, got " + SpecJson.describe(n));
        }
        return n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue())
                : new BigDecimal(Double.toString(n.doubleValue())).stripTrailingZeros();
    }
}
