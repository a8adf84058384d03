package org.ndsw.complexity;

import java.util.Arrays;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * A network of pycls's AnyNet family (Radosavovic et al., "Designing Network Design Spaces", CVPR 2020): a stem, any
 * number of stages of one block type, and a head (docs/complexity.md, "pycls convention: AnyNet and RegNet").
 *
 * <p>The constructor refuses nets that cannot be built, e.g. a grouped conv whose channels its groups do not divide.
 *
 * @param stem the stem
 * @param stemWidth output channels of the stem
 * @param block the block type of every stage
 * @param stages the stages, input to output
 * @param headWidth channels of the head's optional 1x1 conv; 0 means no conv
 * @param seRatio squeeze-and-excitation ratio of bottleneck blocks (SE width = round(block input width x ratio));
 *     0 means no SE; other blocks ignore it, as pycls does
 * @param classes outputs of the final fc layer
 */
public record AnyNet(Stem stem, int stemWidth, Block block, List<Stage> stages, int headWidth, double seRatio,
        int classes) {

    /** A stem, named as in pycls. */
    public enum Stem {
        /** 3x3 conv at stride 1, BN, ReLU. */
        RES_STEM_CIFAR("res_stem_cifar"),
        /** 7x7 conv at stride 2, BN, ReLU, 3x3 max-pool at stride 2. */
        RES_STEM_IN("res_stem_in"),
        /** 3x3 conv at stride 2, BN, ReLU. */
        SIMPLE_STEM_IN("simple_stem_in");

        private final String pyclsName;

        Stem(String pyclsName) {
            this.pyclsName = pyclsName;
        }

        /** The name pycls configs use. */
        public String pyclsName() {
            return pyclsName;
        }

        /** The stem named `name`; the error names `key` and the accepted names. */
        public static Stem parse(String name, String key) {
            return Arrays.stream(values()).filter(s -> s.pyclsName.equals(name)).findFirst()
                    .orElseThrow(() -> new NdswException(key + " must be one of " + names(values()) + ", got "
                            + Quote.of(name)));
        }
    }

    /** A block type, named as in pycls. */
    public enum Block {
        /** [3x3 conv, BN, ReLU] x 2, no shortcut. */
        VANILLA_BLOCK("vanilla_block"),
        /** x + f(x), f = [3x3 conv, BN, ReLU, 3x3 conv, BN]; 1x1 conv + BN projection if the shape changes. */
        RES_BASIC_BLOCK("res_basic_block"),
        /** x + f(x), f = 1x1, 3x3 grouped (stride here), optional SE, 1x1; projection as the basic block. */
        RES_BOTTLENECK_BLOCK("res_bottleneck_block"),
        /** The bottleneck transform, plus x only where the shape is unchanged: no projection, no final ReLU. */
        RES_BOTTLENECK_LINEAR_BLOCK("res_bottleneck_linear_block");

        private final String pyclsName;

        Block(String pyclsName) {
            this.pyclsName = pyclsName;
        }

        /** The name pycls configs use. */
        public String pyclsName() {
            return pyclsName;
        }

        /** True for the blocks with a bottleneck multiplier and a group width. */
        public boolean isBottleneck() {
            return this == RES_BOTTLENECK_BLOCK || this == RES_BOTTLENECK_LINEAR_BLOCK;
        }

        /** The block named `name`; the error names `key` and the accepted names. */
        public static Block parse(String name, String key) {
            return Arrays.stream(values()).filter(b -> b.pyclsName.equals(name)).findFirst()
                    .orElseThrow(() -> new NdswException(key + " must be one of " + names(values()) + ", got "
                            + Quote.of(name)));
        }
    }

    /**
     * One stage: `depth` blocks of output width `width`, the first with stride `stride`.
     *
     * @param botMul bottleneck multiplier (bottleneck width = round(width x botMul)); ignored by non-bottleneck blocks
     * @param groupWidth channels per group of the 3x3 conv (groups = bottleneck width / groupWidth, floored);
     *     ignored by non-bottleneck blocks
     */
    public record Stage(int depth, int width, int stride, double botMul, int groupWidth) {
        /** The bottleneck width: round(width x botMul), half to even as numpy and Python round. */
        public int bottleneckWidth() {
            return (int) Math.rint(width * botMul);
        }
    }

    /** Validates the net: positive sizes, and grouped convs that can be built. */
    public AnyNet {
        if (stem == null || block == null || stages == null) {
            throw new NdswException("an AnyNet needs a stem, a block type and stages");
        }
        stages = List.copyOf(stages);
        positive("stem width", stemWidth);
        positive("number of classes", classes);
        if (headWidth < 0) {
            throw new NdswException("the head width must be 0 (no head conv) or positive, got " + headWidth);
        }
        if (!(seRatio >= 0) || Double.isInfinite(seRatio)) {
            throw new NdswException("the SE ratio must be 0 (no SE) or positive, got " + seRatio);
        }
        if (stages.isEmpty()) {
            throw new NdswException("an AnyNet needs at least one stage");
        }
        for (int i = 0; i < stages.size(); i++) {
            check(stages.get(i), i + 1, block);
        }
    }

    private static void check(Stage s, int number, Block block) {
        String where = "stage " + number + ": ";
        positive(where + "depth", s.depth());
        positive(where + "width", s.width());
        positive(where + "stride", s.stride());
        if (!block.isBottleneck()) {
            return;
        }
        if (!(s.botMul() > 0) || Double.isInfinite(s.botMul())) {
            throw new NdswException(where + "the bottleneck multiplier must be positive, got " + s.botMul());
        }
        positive(where + "group width", s.groupWidth());
        int wb = s.bottleneckWidth();
        if (wb < s.groupWidth()) {
            throw new NdswException(where + "bottleneck width " + wb + " (round(" + s.width() + " x " + s.botMul()
                    + ")) is smaller than the group width " + s.groupWidth() + ": the 3x3 conv would have no group");
        }
        int groups = wb / s.groupWidth();
        if (wb % groups != 0) {
            throw new NdswException(where + "bottleneck width " + wb + " is not divisible by its " + groups
                    + " groups (group width " + s.groupWidth() + "): the 3x3 conv cannot be built");
        }
    }

    private static void positive(String what, long value) {
        if (value < 1) {
            throw new NdswException(what + " must be at least 1, got " + value);
        }
    }

    private static String names(Enum<?>[] values) {
        StringBuilder b = new StringBuilder();
        for (Enum<?> v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(v.name().toLowerCase());
        }
        return b.toString();
    }
}
