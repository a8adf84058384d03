package org.ndsw.complexity;

import org.ndsw.net.Networks;
import org.ndsw.space.ModelSpec;

/** Complexity of model specs on CIFAR-10 (32x32 RGB, 10 classes), the setting of the released data. */
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
}
