package org.ndsw.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ndsw.Domains;
import org.ndsw.NdswException;

/** Reads and writes the `constraints` section of a design space file (docs/design-space-format.md#constraints). */
final class ConstraintsJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> KEYS = Set.of("values", "relations");
    private static final Set<String> VALUE_KEYS = Set.of("param", "stages", "min", "max", "in");
    private static final Set<String> RELATION_KEYS = Set.of("param", "relation");

    private ConstraintsJson() {}

    /** Parses a constraints object of a space with `stages` stages; errors name the field and the value. */
    static Constraints parse(JsonNode node, int stages) {
        if (node == null || !node.isObject()) {
            throw new NdswException("constraints must be an object, got " + SpecJson.describe(node));
        }
        SpaceFiles.checkKeys(node, KEYS, "constraints.");
        List<Constraints.ValueRule> values = new ArrayList<>();
        JsonNode v = list(node, "values");
        for (int i = 0; i < v.size(); i++) {
            values.add(valueRule(v.get(i), "constraints.values[" + i + "]", stages));
        }
        List<Constraints.Relation> relations = new ArrayList<>();
        Set<Constraints.Relation> seen = new HashSet<>();
        JsonNode r = list(node, "relations");
        for (int i = 0; i < r.size(); i++) {
            String f = "constraints.relations[" + i + "]";
            JsonNode e = object(r.get(i), f);
            SpaceFiles.checkKeys(e, RELATION_KEYS, f + ".");
            Constraints.Relation rel = new Constraints.Relation(
                    Constraints.Param.parse(SpaceFiles.text(e, "param"), f + ".param"),
                    Constraints.Kind.parse(SpaceFiles.text(e, "relation"), f + ".relation"));
            if (!seen.add(rel)) {
                throw new NdswException(f + " repeats " + rel.kind().fileName() + " " + rel.param().fileName());
            }
            relations.add(rel);
        }
        return new Constraints(values, relations);
    }

    private static Constraints.ValueRule valueRule(JsonNode node, String f, int stages) {
        JsonNode e = object(node, f);
        SpaceFiles.checkKeys(e, VALUE_KEYS, f + ".");
        Constraints.Param param = Constraints.Param.parse(SpaceFiles.text(e, "param"), f + ".param");
        Domains.IntDomain domain = switch (param) {
            case DEPTH -> Domains.STAGE_DEPTH;
            case WIDTH -> Domains.WIDTH;
            case BOTTLENECK_RATIO -> Domains.BOTTLENECK_RATIO;
            case GROUPS -> Domains.GROUPS;
        };
        int[] on = e.has("stages") ? SpaceFiles.choices(e.get("stages"), f + ".stages", Domains.STAGES) : new int[0];
        for (int i = 0; i < on.length; i++) {
            if (on[i] > stages) {
                throw new NdswException(f + ".stages[" + i + "] must name a stage in [1, " + stages + "], got "
                        + on[i]);
            }
        }
        Integer min = e.has("min") ? SpaceFiles.integer(e.get("min"), f + ".min", domain) : null;
        Integer max = e.has("max") ? SpaceFiles.integer(e.get("max"), f + ".max", domain) : null;
        int[] in = e.has("in") ? SpaceFiles.choices(e.get("in"), f + ".in", domain) : new int[0];
        if (min == null && max == null && in.length == 0) {
            throw new NdswException(f + " must give min, max or in");
        }
        if (min != null && max != null && min > max) {
            throw new NdswException(f + ".min " + min + " is above " + f + ".max " + max);
        }
        return new Constraints.ValueRule(param, on, min, max, in);
    }

    /** The JSON of a constraints section. */
    static ObjectNode toJson(Constraints c, boolean groupWidths) {
        ObjectNode o = NODES.objectNode();
        ArrayNode values = o.putArray("values");
        for (Constraints.ValueRule r : c.values()) {
            ObjectNode e = values.addObject();
            e.put("param", name(r.param(), groupWidths));
            if (r.stages().length > 0) {
                e.set("stages", ints(r.stages()));
            }
            if (r.min() != null) {
                e.put("min", r.min());
            }
            if (r.max() != null) {
                e.put("max", r.max());
            }
            if (r.in().length > 0) {
                e.set("in", ints(r.in()));
            }
        }
        ArrayNode relations = o.putArray("relations");
        for (Constraints.Relation r : c.relations()) {
            relations.addObject().put("param", name(r.param(), groupWidths)).put("relation", r.kind().fileName());
        }
        return o;
    }

    /** The file name of a parameter; in pycls spaces the groups lists are group widths, `group_width`. */
    private static String name(Constraints.Param p, boolean groupWidths) {
        return groupWidths && p == Constraints.Param.GROUPS ? "group_width" : p.fileName();
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = NODES.arrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static JsonNode list(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null) {
            return NODES.arrayNode();
        }
        if (!n.isArray()) {
            throw new NdswException("constraints." + field + " must be a list, got " + SpecJson.describe(n));
        }
        if (!n.isEmpty()) {
            Domains.CHOICES.check(n.size(), "the number of entries of constraints." + field);
        }
        return n;
    }

    private static JsonNode object(JsonNode n, String field) {
        if (n == null || !n.isObject()) {
            throw new NdswException(field + " must be an object, got " + SpecJson.describe(n));
        }
        return n;
    }
}
