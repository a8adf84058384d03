package org.ndsw.complexity;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.net.Networks;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.RegNetSpace;
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
     * no SE) on the space's input size with its classes; for a RegNet space the same, with the space's SE ratio.
     */
    public static Complexity of(DesignSpace space, ModelSpec spec, Convention convention) {
        if (space instanceof RegNetSpace r && spec instanceof StageSpec st) {
            return AnyNetComplexity.of(anyNet(st, r.pycls().classes(), r.seRatio()), r.pycls().imageSize(),
                    convention);
        }
        if (space instanceof StageSpace s && s.pycls() != null && spec instanceof StageSpec st) {
            return AnyNetComplexity.of(anyNet(st, s.pycls().classes()), s.pycls().imageSize(), convention);
        }
        return cifar(spec, convention);
    }

    /** The pycls AnyNet of a stage-wise bottleneck spec whose stem is simple_stem_in. */
    public static AnyNet anyNet(StageSpec spec, int classes) {
        return anyNet(spec, classes, 0);
    }

    /** The pycls AnyNet of a stage-wise bottleneck spec whose stem is simple_stem_in, with SE of this ratio (0: none). */
    public static AnyNet anyNet(StageSpec spec, int classes, double seRatio) {
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
        return new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, stem.width(), AnyNet.Block.RES_BOTTLENECK_BLOCK, stages, 0,
                seRatio, classes);
    }
}
