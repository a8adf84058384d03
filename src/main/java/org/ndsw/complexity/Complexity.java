package org.ndsw.complexity;

/**
 * The complexity of one network: flops (per the convention), trainable params, and activations.
 *
 * <p>acts is pycls's "activations": the output elements of every conv and of the fc layer.
 */
public record Complexity(long flops, long params, long acts) {
    /** The element-wise sum. */
    public Complexity plus(Complexity o) {
        return new Complexity(flops + o.flops, params + o.params, acts + o.acts);
    }

    /** This complexity repeated n times. */
    public Complexity times(long n) {
        return new Complexity(flops * n, params * n, acts * n);
    }

    /** Nothing. */
    public static final Complexity ZERO = new Complexity(0, 0, 0);
}
