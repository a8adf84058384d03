package org.ndsw.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stage-wise design space (paper Table 2): per-stage choices of depth, width, bottleneck ratio and groups.
 *
 * <p>Each stage's values are drawn independently and uniformly, in the order depth, width, ratio, groups, stage by
 * stage. A ratio b is stored in specs as bot_mul = 1/b.
 */
public record StageSpace(String name, String description, BlockType blockType, int stemWidth, int stemStride,
        List<StageChoices> stages) implements DesignSpace {

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

    /** Copies the stage list. */
    public StageSpace {
        stages = List.copyOf(stages);
    }

    @Override
    public String family() {
        return "stage";
    }

    @Override
    public BigInteger size() {
        BigInteger n = BigInteger.ONE;
        for (StageChoices s : stages) {
            n = n.multiply(BigInteger.valueOf(s.count()));
        }
        return n;
    }

    @Override
    public StageSpec sample(SplittableRandom rng) {
        List<StageSpec.Stage> out = new ArrayList<>(stages.size() + 1);
        out.add(stem());
        for (StageChoices s : stages) {
            out.add(s.sample(rng));
        }
        return new StageSpec(blockType, out);
    }

    /** The stem as stage 0 of a spec; its bottleneck fields hold the record-form placeholders 0.0 and 1. */
    private StageSpec.Stage stem() {
        double botMul = blockType.isBottleneck() ? 0.0 : 1.0;
        return new StageSpec.Stage(1, stemWidth, stemStride, botMul, 1);
    }
}
