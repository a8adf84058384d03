package org.ndsw.net;

import org.ndsw.space.CellSpec;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.StageSpec;

/** Builds the network graph of any model spec for an input size and class count. */
public final class Networks {
    /** CIFAR input: 3 x 32 x 32. */
    public static final Shape CIFAR_INPUT = new Shape(3, 32, 32);
    /** CIFAR-10 classes. */
    public static final int CIFAR_CLASSES = 10;

    private Networks() {}

    /** The network of a spec on CIFAR-10 (32x32 RGB, 10 classes). */
    public static Graph cifar(ModelSpec spec) {
        return build(spec, CIFAR_INPUT, CIFAR_CLASSES);
    }

    /**
     * The network of a spec for the given input shape and number of classes; a stage-wise spec's bottleneck blocks
     * have squeeze-and-excitation of its own ratio ({@link StageSpec#seRatio}, net.se_r; 0: none).
     */
    public static Graph build(ModelSpec spec, Shape input, int classes) {
        if (spec instanceof StageSpec s) {
            return StageNetwork.build(s, input, classes);
        }
        return CellNetwork.build((CellSpec) spec, input, classes);
    }
}
