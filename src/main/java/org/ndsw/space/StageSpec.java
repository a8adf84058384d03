package org.ndsw.space;

import java.util.List;
import org.ndsw.Domains;
import org.ndsw.NdswException;

/**
 * A stage-wise network (docs/reference/spaces.md#stage-wise-spaces): a block type and its stages, where stage 0 is the stem.
 *
 * <p>In the record form, stage i is {@code ds[i], ws[i], ss[i]} and for bottleneck blocks {@code bot_muls[i],
 * num_gs[i]}. For non-bottleneck block types the bottleneck fields carry the neutral values 1.0 and 1.
 */
public record StageSpec(BlockType blockType, List<Stage> stages) implements ModelSpec {

    /** One stage: `depth` blocks of width `width`, the first with stride `stride`. */
    public record Stage(int depth, int width, int stride, double botMul, int groups) {}

    /**
     * Validates the spec: a stem of depth 1 and at least one stage, every value within its {@link Domains} domain,
     * groups dividing w_b.
     */
    public StageSpec {
        stages = List.copyOf(stages);
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
