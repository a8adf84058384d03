package org.ndsw.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stage-wise design space (paper Table 2): per-stage choices of depth, width, bottleneck ratio and groups.
 *
 * <p>Each stage's values are drawn independently and uniformly, in the order depth, width, ratio, groups, stage by
 * stage. A ratio b is stored in specs as bot_mul = 1/b.
 *
 * <p>With {@link Constraints} (format "ndsw-space/2"), the value rules first narrow each stage's lists; the relations
 * then restrict the sequences across stages. Size and sampling are exact and uniform over the constrained space
 * ({@link ConstrainedCounts}). Without relations, sampling draws exactly as a format-1 space does, so old seeds give
 * the same models.
 *
 * @param parent the name of the space this one was refined from, or "" for none
 */
public record StageSpace(String name, String description, BlockType blockType, int stemWidth, int stemStride,
        List<StageChoices> stages, String parent, Constraints constraints, Pycls pycls) implements DesignSpace {

    /**
     * Marks an ImageNet-style space of pycls's AnyNet (Radosavovic et al., CVPR 2020, §3): the stem is pycls's
     * simple_stem_in (3x3 conv at the stem stride, BN, ReLU, the same layers as this family's stem), the `groups` lists
     * hold group widths g (pycls's GROUP_WS), and every drawn setting (d, w, b, g) is made buildable by pycls's
     * adjust_block_compatibility: g = min(g, w/b), then the bottleneck width w/b is rounded (half to even) to a multiple
     * of g and w follows. Complexity is counted on an `imageSize` input with `classes` outputs.
     */
    public record Pycls(int imageSize, int classes) {}

    /** The choices of one stage; `ratios` and `groups` are {1} for non-bottleneck blocks. */
    public record StageChoices(int stride, int[] depths, int[] widths, int[] ratios, int[] groups) {
        /** Copies the arrays so the space stays immutable. */
        public StageChoices {
            depths = depths.clone();
            widths = widths.clone();
            ratios = ratios.clone();
            groups = groups.clone();
        }

        @Override
        public int[] depths() {
            return depths.clone();
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }

        @Override
        public int[] ratios() {
            return ratios.clone();
        }

        @Override
        public int[] groups() {
            return groups.clone();
        }

        /** Number of distinct settings of this stage. */
        long count() {
            return (long) depths.length * widths.length * ratios.length * groups.length;
        }

        StageSpec.Stage sample(SplittableRandom rng) {
            int d = DesignSpace.pick(rng, depths);
            int w = DesignSpace.pick(rng, widths);
            int b = DesignSpace.pick(rng, ratios);
            int g = DesignSpace.pick(rng, groups);
            return new StageSpec.Stage(d, w, stride, 1.0 / b, g);
        }
    }

    /** Copies the stage list; refuses constraints that leave no model. */
    public StageSpace {
        stages = List.copyOf(stages);
        parent = parent == null ? "" : parent;
        constraints = constraints == null ? Constraints.NONE : constraints;
        if (pycls != null && !blockType.isBottleneck()) {
            throw new org.ndsw.NdswException("pycls group widths need res_bottleneck_block, not "
                    + blockType.recordName());
        }
        for (Constraints.Param p : Constraints.Param.values()) {
            for (int i = 0; i < stages.size(); i++) {
                if (constraints.filter(p, i + 1, choicesOf(stages.get(i), p)).length == 0) {
                    throw new org.ndsw.NdswException("constraints leave stage " + (i + 1) + " no "
                            + p.fileName() + " value");
                }
            }
        }
    }

    /** An unconstrained space without a parent (format 1). */
    public StageSpace(String name, String description, BlockType blockType, int stemWidth, int stemStride,
            List<StageChoices> stages) {
        this(name, description, blockType, stemWidth, stemStride, stages, "", Constraints.NONE, null);
    }

    /** A space of this family's CIFAR networks (format 1, or format 2 with a parent and constraints). */
    public StageSpace(String name, String description, BlockType blockType, int stemWidth, int stemStride,
            List<StageChoices> stages, String parent, Constraints constraints) {
        this(name, description, blockType, stemWidth, stemStride, stages, parent, constraints, null);
    }

    /** The choices of `param` at stage `stage` (from 1) after the value rules. */
    public int[] allowed(Constraints.Param param, int stage) {
        return constraints.filter(param, stage, choicesOf(stages.get(stage - 1), param));
    }

    private static int[] choicesOf(StageChoices c, Constraints.Param p) {
        return switch (p) {
            case DEPTH -> c.depths;
            case WIDTH -> c.widths;
            case BOTTLENECK_RATIO -> c.ratios;
            case GROUPS -> c.groups;
        };
    }

    /** The counts of each constrained space, computed once per instance (a record holds no other state). */
    private static final Map<StageSpace, ConstrainedCounts[]> COUNTS =
            Collections.synchronizedMap(new IdentityHashMap<>());

    private ConstrainedCounts counts(Constraints.Param p) {
        return COUNTS.computeIfAbsent(this, s -> {
            if (COUNTS.size() > 1_000) {
                COUNTS.clear(); // spaces are few; this only bounds a program that builds many
            }
            ConstrainedCounts[] all = new ConstrainedCounts[Constraints.Param.values().length];
            for (Constraints.Param q : Constraints.Param.values()) {
                all[q.ordinal()] = s.computeCounts(q);
            }
            return all;
        })[p.ordinal()];
    }

    private ConstrainedCounts computeCounts(Constraints.Param p) {
        int[][] lists = new int[stages.size()][];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = allowed(p, i + 1);
        }
        return new ConstrainedCounts(lists, constraints.relationOf(p));
    }

    @Override
    public String family() {
        return "stage";
    }

    @Override
    public Pycls pyclsInput() {
        return pycls;
    }

    @Override
    public BigInteger size() {
        if (constraints.isEmpty()) {
            BigInteger n = BigInteger.ONE;
            for (StageChoices s : stages) {
                n = n.multiply(BigInteger.valueOf(s.count()));
            }
            return n;
        }
        BigInteger n = BigInteger.ONE;
        for (Constraints.Param p : Constraints.Param.values()) {
            n = n.multiply(counts(p).size());
        }
        return n;
    }

    @Override
    public StageSpec sample(SplittableRandom rng) {
        List<StageSpec.Stage> out = new ArrayList<>(stages.size() + 1);
        out.add(stem());
        for (StageSpec.Stage st : sampleSettings(rng)) {
            out.add(pycls == null ? st : adjust(st));
        }
        return new StageSpec(blockType, out);
    }

    /**
     * pycls's adjust_block_compatibility for one stage whose `groups` holds the group width: v = max(1, int(w · b)),
     * g = min(g, v), v = max(g, round(v / g) · g), w = int(v / b); the spec stores v / g groups.
     */
    static StageSpec.Stage adjust(StageSpec.Stage st) {
        int v = Math.max(1, (int) (st.width() * st.botMul()));
        int g = Math.min(st.groups(), v);
        v = Math.max(g, (int) Math.rint((double) v / g) * g);
        int w = (int) (v / st.botMul());
        return new StageSpec.Stage(st.depth(), w, st.stride(), st.botMul(), v / g);
    }

    /**
     * Draws one setting uniformly, one entry per stage (no stem): the values as listed, before pycls's compatibility
     * adjustment (for pycls spaces `groups` holds the group width). The space's size counts these settings.
     */
    public List<StageSpec.Stage> sampleSettings(SplittableRandom rng) {
        List<StageSpec.Stage> out = new ArrayList<>(stages.size());
        if (constraints.relations().isEmpty()) {
            for (int i = 0; i < stages.size(); i++) {
                out.add(filtered(i).sample(rng));
            }
            return out;
        }
        int[][] v = new int[4][];
        for (Constraints.Param p : Constraints.Param.values()) {
            ConstrainedCounts c = counts(p);
            if (c.size().signum() == 0) {
                throw new org.ndsw.NdswException("space " + name + " is empty: its constraints leave no "
                        + p.fileName() + " sequence across the stages");
            }
            v[p.ordinal()] = c.sample(rng);
        }
        int[] d = v[0];
        int[] w = v[1];
        int[] b = v[2];
        int[] g = v[3];
        for (int i = 0; i < stages.size(); i++) {
            out.add(new StageSpec.Stage(d[i], w[i], stages.get(i).stride(), 1.0 / b[i], g[i]));
        }
        return out;
    }

    /** Stage i's choices (from 0) after the value rules. */
    private StageChoices filtered(int i) {
        if (constraints.values().isEmpty()) {
            return stages.get(i);
        }
        int stage = i + 1;
        return new StageChoices(stages.get(i).stride(), allowed(Constraints.Param.DEPTH, stage),
                allowed(Constraints.Param.WIDTH, stage), allowed(Constraints.Param.BOTTLENECK_RATIO, stage),
                allowed(Constraints.Param.GROUPS, stage));
    }

    /** The stem as stage 0 of a spec; its bottleneck fields hold the record-form placeholders 0.0 and 1. */
    private StageSpec.Stage stem() {
        double botMul = blockType.isBottleneck() ? 0.0 : 1.0;
        return new StageSpec.Stage(1, stemWidth, stemStride, botMul, 1);
    }
}
