package org.ndsw.ui.spaces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.ndsw.space.Constraints;

/**
 * One entry of a stage-wise space's `constraints` section as the editor lists it (docs/design-space-format.md,
 * constraints): a relation across stages (shared, non-decreasing) or a value rule (min, max, set, on some stages).
 *
 * @param param the hyperparameter
 * @param relation the relation, or null for a value rule
 * @param stages the stages (from 1) a value rule applies to; empty: all
 * @param min the smallest value a value rule keeps, or null
 * @param max the largest value a value rule keeps, or null
 * @param in the values a value rule keeps; empty: no set
 */
record ConstraintRow(Constraints.Param param, Constraints.Kind relation, List<Integer> stages, Integer min, Integer max,
        List<Integer> in) {
    /** Copies the lists. */
    ConstraintRow {
        stages = List.copyOf(stages);
        in = List.copyOf(in);
    }

    /** A relation of `param` across all stages. */
    static ConstraintRow relation(Constraints.Param param, Constraints.Kind kind) {
        return new ConstraintRow(param, kind, List.of(), null, null, List.of());
    }

    /** The rows of a space's constraints: value rules first, then relations, in file order. */
    static List<ConstraintRow> of(Constraints c) {
        List<ConstraintRow> rows = new ArrayList<>();
        for (Constraints.ValueRule r : c.values()) {
            rows.add(new ConstraintRow(r.param(), null, boxed(r.stages()), r.min(), r.max(), boxed(r.in())));
        }
        c.relations().forEach(r -> rows.add(relation(r.param(), r.kind())));
        return rows;
    }

    /** The `constraints` section of `rows`; `groupWidths` names the groups lists "group_width" (pycls spaces). */
    static ObjectNode toJson(List<ConstraintRow> rows, boolean groupWidths, ObjectNode o) {
        ArrayNode values = o.putArray("values");
        ArrayNode relations = o.putArray("relations");
        for (ConstraintRow r : rows) {
            String name = groupWidths && r.param() == Constraints.Param.GROUPS ? "group_width" : r.param().fileName();
            if (r.relation() != null) {
                relations.addObject().put("param", name).put("relation", r.relation().fileName());
                continue;
            }
            ObjectNode e = values.addObject().put("param", name);
            if (!r.stages().isEmpty()) {
                r.stages().forEach(e.putArray("stages")::add);
            }
            if (r.min() != null) {
                e.put("min", r.min());
            }
            if (r.max() != null) {
                e.put("max", r.max());
            }
            if (!r.in().isEmpty()) {
                r.in().forEach(e.putArray("in")::add);
            }
        }
        return o;
    }

    @Override
    public String toString() {
        return describe(false);
    }

    /**
     * The row in words: "Shared bottleneck ratio (…)", "Width of stages 1, 2: 16 to 64, in {16, 32}"; `groupWidths`
     * names the groups "Group width" (pycls spaces).
     */
    String describe(boolean groupWidths) {
        String p = groupWidths && param == Constraints.Param.GROUPS ? "Group width" : SpaceMessages.label(param.fileName());
        if (relation != null) {
            return (relation == Constraints.Kind.SHARED ? "Shared " : "Non-decreasing ") + p.toLowerCase(java.util.Locale.ROOT)
                    + (relation == Constraints.Kind.SHARED ? " (one value for all stages)" : " (stage i+1 >= stage i)");
        }
        List<String> parts = new ArrayList<>();
        if (min != null || max != null) {
            parts.add((min == null ? "any" : min) + " to " + (max == null ? "any" : max));
        }
        if (!in.isEmpty()) {
            parts.add("in {" + join(in) + "}");
        }
        return p + (stages.isEmpty() ? "" : " of stages " + join(stages)) + ": " + String.join(", ", parts);
    }

    private static String join(List<Integer> v) {
        return v.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
