package org.ndsw.space;

import java.util.List;
import org.ndsw.Domains;
import org.ndsw.NdswException;

/**
 * A stage-wise network (docs/reference/spaces.md#stage-wise-spaces): a block type and its stages, where stage 0 is the stem.
 *
 * <p>In the record form, stage i is {@code ds[i], ws[i], ss[i]} and for bottleneck blocks {@code bot_muls[i],
 * num_gs[i]}. For non-bottleneck block types the bottleneck fields carry the neutral values 1.0 and 1.
 *
 * @param seRatio squeeze-and-excitation ratio of the bottleneck blocks, pycls's {@code se_r}: each block's SE width is
 *     round(block input width x seRatio); 0 means no SE. Only res_bottleneck_block nets may have SE, as in pycls,
 *     where only the bottleneck transform has it.
 * @param stemType the stem, pycls's {@code stem_type}: {@link StemType#CONV_3X3} (a 3x3 conv at stage 0's stride,
 *     the default) or {@link StemType#RES_STEM_IN} (7x7 conv at stage 0's stride, which must be 2, then a 3x3
 *     max-pool at stride 2)
 */
public record StageSpec(BlockType blockType, List<Stage> stages, double seRatio, StemType stemType)
        implements ModelSpec {

    /** One stage: `depth` blocks of width `width`, the first with stride `stride`. */
    public record Stage(int depth, int width, int stride, double botMul, int groups) {}

    /**
     * Validates the spec: a stem of depth 1 and at least one stage, every value within its {@link Domains} domain,
     * groups dividing w_b, an SE ratio in [0, 1] and only on res_bottleneck_block nets, res_stem_in only at stride 2.
     */
    public StageSpec {
        stages = List.copyOf(stages);
        java.util.Objects.requireNonNull(stemType, "stemType");
        seRatio = seRatio == 0 ? 0.0 : seRatio; // -0.0 is none too, and equal to it
        if (stages.size() < 2) {
            throw new NdswException("net.ds must list the stem and at least one stage, got " + stages.size() + " entries");
        }
        Domains.STAGES.check(stages.size() - 1L, "the number of stages after the stem (net.ds has "
                + stages.size() + " entries)");
        if (stages.get(0).depth() != 1) {
            throw new NdswException("net.ds[0] (the stem) must be 1, got " + stages.get(0).depth());
        }
        for (int i = 0; i < stages.size(); i++) {
            validateStage(blockType, i, stages.get(i));
        }
        if (!(seRatio >= 0 && seRatio <= 1)) {
            throw new NdswException("net.se_r must be in [0, 1] (0: no squeeze-and-excitation), got " + seRatio);
        }
        if (seRatio > 0 && blockType != BlockType.RES_BOTTLENECK) {
            throw new NdswException("net.se_r = " + seRatio + " needs block_type "
                    + BlockType.RES_BOTTLENECK.recordName() + " (squeeze-and-excitation sits in the bottleneck), got "
                    + blockType.recordName());
        }
        if (stemType == StemType.RES_STEM_IN && stages.get(0).stride() != 2) {
            throw new NdswException("net.stem_type " + StemType.RES_STEM_IN_NAME + " needs net.ss[0] = 2 (the 7x7"
                    + " conv's stride; its max-pool halves the map again), got " + stages.get(0).stride());
        }
    }

    /** A spec without squeeze-and-excitation, with the 3x3 conv stem. */
    public StageSpec(BlockType blockType, List<Stage> stages) {
        this(blockType, stages, 0);
    }

    /** A spec with squeeze-and-excitation of this ratio (0: none) and the 3x3 conv stem. */
    public StageSpec(BlockType blockType, List<Stage> stages, double seRatio) {
        this(blockType, stages, seRatio, StemType.CONV_3X3);
    }

    /** The same net with squeeze-and-excitation of this ratio (0: none). */
    public StageSpec withSeRatio(double ratio) {
        return new StageSpec(blockType, stages, ratio, stemType);
    }

    /** The same net with this stem. */
    public StageSpec withStemType(StemType stem) {
        return new StageSpec(blockType, stages, seRatio, stem);
    }

    private static void validateStage(BlockType type, int i, Stage s) {
        Domains.STAGE_DEPTH.check(s.depth(), "net.ds[" + i + "]");
        Domains.WIDTH.check(s.width(), "net.ws[" + i + "]");
        Domains.STRIDE.check(s.stride(), "net.ss[" + i + "]");
        Domains.GROUPS.check(s.groups(), "net.num_gs[" + i + "]");
        if (i == 0 || !type.isBottleneck()) {
            return;
        }
        Domains.BOT_MUL.check(s.botMul(), "net.bot_muls[" + i + "]");
        int wb = bottleneckWidth(s.width(), s.botMul());
        if (wb > Domains.WIDTH.max()) {
            throw new NdswException("net.bot_muls[" + i + "] = " + s.botMul() + " gives the bottleneck width round("
                    + s.width() + " * " + s.botMul() + ") = " + wb + ", above the largest width "
                    + Domains.WIDTH.max());
        }
        if (wb < 1 || wb % s.groups() != 0) {
            throw new NdswException("net.num_gs[" + i + "] = " + s.groups() + " must divide the bottleneck width round("
                    + s.width() + " * " + s.botMul() + ") = " + wb);
        }
    }

    /** The bottleneck width w_b = round(w · bot_mul), rounding half to even as Python's round() does. */
    public static int bottleneckWidth(int width, double botMul) {
        return (int) Math.rint(width * botMul);
    }

    @Override
    public String family() {
        return "stage";
    }
}
