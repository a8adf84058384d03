package org.ndsw.complexity;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.net.Networks;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.StageSpace;
import org.ndsw.space.StageSpec;

/**
 * Complexity of model specs on CIFAR-10 (32x32 RGB, 10 classes), the setting of the released data, and of the nets of
 * pycls spaces (AnyNetX) on their own input size and classes.
 */
public final class Complexities {
    private Complexities() {}

    /** Closed-form complexity of a spec on CIFAR-10: the fast path for filtering candidates. */
    public static Complexity cifar(ModelSpec spec, Convention convention) {
        return ClosedFormComplexity.of(spec, convention, Networks.CIFAR_INPUT.height(), Networks.CIFAR_CLASSES);
    }

    /** Complexity counted on the built network graph of a spec on CIFAR-10: what the engines train. */
    public static Complexity cifarFromGraph(ModelSpec spec, Convention convention) {
        return GraphComplexity.of(Networks.cifar(spec), convention);
    }

    /**
     * The complexity of a spec drawn from `space`: on CIFAR-10 for the paper's spaces; for a pycls space (AnyNetX) the
     * pycls AnyNet it is (simple_stem_in, res_bottleneck_block, group width = bottleneck width / groups, no head conv,
     * SE of the spec's net.se_r) on the space's input size with its classes; RegNet spaces likewise.
     */
    public static Complexity of(DesignSpace space, ModelSpec spec, Convention convention) {
        StageSpace.Pycls p = space.pyclsInput();
        if (p != null && spec instanceof StageSpec st) {
            return AnyNetComplexity.of(anyNet(st, p.classes()), p.imageSize(), convention);
        }
        return cifar(spec, convention);
    }

    /** The input size of the ImageNet (`_in`) records of the NDS release. */
    public static final int IMAGENET_SIZE = 224;
    /** The classes of the ImageNet (`_in`) records of the NDS release. */
    public static final int IMAGENET_CLASSES = 1000;

    /**
     * The complexity of a stage-wise spec of an ImageNet (`_in`) record of the NDS release: the same stages and blocks
     * on a 224x224 input with 1,000 classes, after pycls's res_stem_in (7x7 conv at stride 2, BN, ReLU, 3x3 max-pool at
     * stride 2) of width ws[0]; ss[0] is not used (docs/reference/complexity.md, "ImageNet records").
     */
    public static Complexity imagenet(StageSpec spec, Convention convention) {
        if (!isImagenetModelled(spec)) {
            throw new org.ndsw.NdswException("ImageNet complexity of " + spec.blockType().recordName()
                    + " nets is not modelled");
        }
        AnyNet.Block block = AnyNet.Block.parse(spec.blockType().recordName(), "net.block_type");
        List<AnyNet.Stage> stages = new ArrayList<>();
        for (StageSpec.Stage st : spec.stages().subList(1, spec.stages().size())) {
            int wb = StageSpec.bottleneckWidth(st.width(), st.botMul());
            int gw = block.isBottleneck() ? wb / st.groups() : 1;
            stages.add(new AnyNet.Stage(st.depth(), st.width(), st.stride(), block.isBottleneck() ? st.botMul() : 1.0,
                    gw));
        }
        AnyNet net = new AnyNet(AnyNet.Stem.RES_STEM_IN, spec.stages().get(0).width(), block, stages, 0,
                spec.seRatio(), IMAGENET_CLASSES);
        return AnyNetComplexity.of(net, IMAGENET_SIZE, convention);
    }

    /** True for the stage-wise block types {@link #imagenet} counts (those of pycls's AnyNet). */
    public static boolean isImagenetModelled(StageSpec spec) {
        return java.util.Arrays.stream(AnyNet.Block.values())
                .anyMatch(b -> b.pyclsName().equals(spec.blockType().recordName()));
    }

    /**
     * The pycls AnyNet of a stage-wise bottleneck spec whose stem is simple_stem_in (or res_stem_in, its net.stem_type),
     * with SE of its net.se_r.
     */
    public static AnyNet anyNet(StageSpec spec, int classes) {
        List<AnyNet.Stage> stages = new ArrayList<>();
        for (StageSpec.Stage st : spec.stages().subList(1, spec.stages().size())) {
            int wb = StageSpec.bottleneckWidth(st.width(), st.botMul());
            stages.add(new AnyNet.Stage(st.depth(), st.width(), st.stride(), st.botMul(), wb / st.groups()));
        }
        StageSpec.Stage stem = spec.stages().get(0);
        if (stem.stride() != 2) {
            throw new org.ndsw.NdswException("pycls's simple_stem_in has stride 2, got a stem of stride "
                    + stem.stride());
        }
        AnyNet.Stem s = spec.stemType() == org.ndsw.space.StemType.RES_STEM_IN ? AnyNet.Stem.RES_STEM_IN
                : AnyNet.Stem.SIMPLE_STEM_IN;
        return new AnyNet(s, stem.width(), AnyNet.Block.RES_BOTTLENECK_BLOCK, stages, 0, spec.seRatio(), classes);
    }
}
