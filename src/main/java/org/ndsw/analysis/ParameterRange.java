package org.ndsw.analysis;

import java.util.Objects;

/**
 * Where the best models of a set lie along one parameter.
 *
 * @param name the parameter, e.g. {@code net.ds[1]} or {@code params}
 * @param good the quantiles alpha/2, 0.5 and 1 - alpha/2 of the best model's value: [lo, best, hi]
 * @param values the distinct values the parameter takes in the set, increasing
 */
public record ParameterRange(String name, double[] good, double[] values) {
    /** Checks the shape and copies the arrays. */
    public ParameterRange {
        Objects.requireNonNull(name, "name");
        if (good.length != 3) {
            throw new IllegalArgumentException("good needs [lo, best, hi], got " + good.length + " numbers");
        }
        good = good.clone();
        values = values.clone();
    }

    @Override
    public double[] good() {
        return good.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** True if the parameter takes a single value in the set. */
    public boolean constant() {
        return values.length == 1;
    }
}
