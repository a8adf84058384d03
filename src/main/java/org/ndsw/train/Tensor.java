package org.ndsw.train;

import java.util.Arrays;

/** A float32 tensor in row-major order: the engine-neutral form of one parameter or buffer. */
public record Tensor(int[] shape, float[] data) {
    /** Checks that the data fills the shape. */
    public Tensor {
        long n = elements(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + data.length);
        }
    }

    /** A tensor of this shape filled with a constant. */
    public static Tensor filled(int[] shape, float value) {
        float[] d = new float[Math.toIntExact(elements(shape))];
        Arrays.fill(d, value);
        return new Tensor(shape, d);
    }

    /** Number of elements of a shape. */
    public static long elements(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** The shape as text, e.g. "[16, 3, 3, 3]". */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
