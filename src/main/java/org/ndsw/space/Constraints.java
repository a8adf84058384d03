package org.ndsw.space;

import java.util.Arrays;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * The `constraints` section of a stage-wise design space (format "ndsw-space/2", docs/design-space-format.md#constraints):
 * value restrictions per hyperparameter and relations across stages, the steps that refine AnyNetX_A into AnyNetX_E
 * (Radosavovic et al., "Designing Network Design Spaces", CVPR 2020, §3).
 *
 * @param values value restrictions, applied to the per-stage choice lists before anything is counted or drawn
 * @param relations relations across stages; each names one hyperparameter
 */
public record Constraints(List<ValueRule> values, List<Relation> relations) {
    /** No constraints: the space of a format-1 file. */
    public static final Constraints NONE = new Constraints(List.of(), List.of());

    /** A constrained hyperparameter of a stage, named as the stage fields of a space file. */
    public enum Param {
        /** Blocks per stage. */
        DEPTH("depth"),
        /** Stage width. */
        WIDTH("width"),
        /** Bottleneck ratio b. */
        BOTTLENECK_RATIO("bottleneck_ratio"),
        /** Groups of the 3x3 conv. */
        GROUPS("groups");

        private final String fileName;

        Param(String fileName) {
            this.fileName = fileName;
        }

        /** The name used in space files. */
        public String fileName() {
            return fileName;
        }

        /** The parameter of this file name; `field` names the field for the error message. */
        public static Param parse(String name, String field) {
            if ("group_width".equals(name)) {
                return GROUPS; // the groups lists of a pycls space hold group widths
            }
            return Arrays.stream(values()).filter(p -> p.fileName.equals(name)).findFirst()
                    .orElseThrow(() -> new NdswException(field + " must be one of [depth, width, bottleneck_ratio, "
                            + "groups, group_width], got " + Quote.of(name)));
        }
    }

    /** A relation across stages. */
    public enum Kind {
        /** Every stage takes the same value (the paper's shared b_i and g_i). */
        SHARED("shared"),
        /** The value of stage i+1 is at least that of stage i (the paper's w_{i+1} >= w_i, d_{i+1} >= d_i). */
        NON_DECREASING("non_decreasing");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        /** The name used in space files. */
        public String fileName() {
            return fileName;
        }

        /** The relation of this file name; `field` names the field for the error message. */
        public static Kind parse(String name, String field) {
            return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst()
                    .orElseThrow(() -> new NdswException(field + " must be \"shared\" or \"non_decreasing\", got "
                            + Quote.of(name)));
        }
    }

    /**
     * Keeps only the values v of `param` with min <= v <= max and, if `in` is non-empty, v in `in`.
     *
     * @param stages the stages it applies to, numbered from 1 as in net.ds (stage 0 is the stem); empty means all
     * @param min the smallest value kept, or null
     * @param max the largest value kept, or null
     * @param in the values kept, or empty for no set restriction
     */
    public record ValueRule(Param param, int[] stages, Integer min, Integer max, int[] in) {
        /** Copies the arrays. */
        public ValueRule {
            stages = stages.clone();
            in = in.clone();
        }

        @Override
        public int[] stages() {
            return stages.clone();
        }

        @Override
        public int[] in() {
            return in.clone();
        }

        /** True if the rule applies to stage `stage` (numbered from 1). */
        boolean appliesTo(int stage) {
            return stages.length == 0 || Arrays.stream(stages).anyMatch(s -> s == stage);
        }

        /** True if the rule keeps value `v`. */
        boolean keeps(int v) {
            return (min == null || v >= min) && (max == null || v <= max)
                    && (in.length == 0 || Arrays.stream(in).anyMatch(x -> x == v));
        }
    }

    /** A relation of one hyperparameter across all stages. */
    public record Relation(Param param, Kind kind) {}

    /** Copies the lists. */
    public Constraints {
        values = List.copyOf(values);
        relations = List.copyOf(relations);
    }

    /** True if there are no constraints at all. */
    public boolean isEmpty() {
        return values.isEmpty() && relations.isEmpty();
    }

    /** The relation on `param`: SHARED if shared (it implies non-decreasing), else NON_DECREASING, else null. */
    public Kind relationOf(Param param) {
        Kind k = null;
        for (Relation r : relations) {
            if (r.param() == param) {
                if (r.kind() == Kind.SHARED) {
                    return Kind.SHARED;
                }
                k = r.kind();
            }
        }
        return k;
    }

    /** The choices of `param` at stage `stage` (from 1) that every value rule keeps, in their original order. */
    int[] filter(Param param, int stage, int[] choices) {
        return Arrays.stream(choices).filter(v -> values.stream()
                .allMatch(r -> r.param() != param || !r.appliesTo(stage) || r.keeps(v))).toArray();
    }
}
