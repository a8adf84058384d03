package org.ndsw.complexity;

/**
 * The complexity of one network: flops (per the convention), trainable params, and activations.
 *
 * <p>acts is pycls's "activations": the output elements of every conv and of the fc layer.
 */
public record Complexity(long flops, long params, long acts) {
    /** The element-wise sum; ArithmeticException if a count overflows a long. */
    public Complexity plus(Complexity o) {
        return new Complexity(Math.addExact(flops, o.flops), Math.addExact(params, o.params),
                Math.addExact(acts, o.acts));
    }

    /** This complexity repeated n times; ArithmeticException if a count overflows a long. */
    public Complexity times(long n) {
        return new Complexity(Math.multiplyExact(flops, n), Math.multiplyExact(params, n),
                Math.multiplyExact(acts, n));
    }

    /** Nothing. */
    public static final Complexity ZERO = new Complexity(0, 0, 0);
}
