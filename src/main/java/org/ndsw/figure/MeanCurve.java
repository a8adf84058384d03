package org.ndsw.figure;

import java.util.Objects;

/** Input of a curve figure: mean of a repeated experiment at each x, with its population std (null when not shown). */
public record MeanCurve(String label, double[] x, double[] mean, double[] std) {
    /** Validates and copies the arrays. */
    public MeanCurve {
        Objects.requireNonNull(label, "label");
        if (x.length == 0 || x.length != mean.length || (std != null && std.length != x.length)) {
            throw new IllegalArgumentException("curve " + label + " needs matching non-empty x, mean (and std) arrays");
        }
        x = x.clone();
        mean = mean.clone();
        std = std == null ? null : std.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std == null ? null : std.clone();
    }
}
