package org.ndsw.stats;

import java.util.Arrays;

/**
 * The empirical distribution function of a set of model errors, F(e) = (1/n) Σ 1[e_i &lt; e] (paper eq. 1).
 *
 * <p>Built from errors in any order; keeps them sorted ascending. Arrays are copied on the way in and out.
 *
 * @param values the errors, sorted ascending by the constructor
 */
public record Edf(double[] values) {
    /** Copies and sorts the errors, which must be finite and non-empty. */
    public Edf {
        values = Checks.finiteCopy("errors", values);
        Arrays.sort(values);
    }

    /** Builds the EDF of the given errors. */
    public static Edf of(double[] errors) {
        return new Edf(errors);
    }

    /** Returns a copy of the errors, ascending. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Returns the number of models n. */
    public int n() {
        return values.length;
    }

    /** Returns F(e) = (1/n) Σ 1[e_i &lt; e] (eq. 1): the fraction of models with error strictly below e. */
    public double cdf(double e) {
        return (double) countBelow(e) / values.length;
    }

    /** Returns the smallest error. */
    public double min() {
        return values[0];
    }

    /** Returns the largest error. */
    public double max() {
        return values[values.length - 1];
    }

    /** Returns the mean error. */
    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Returns the median error, the mean of the two middle values when n is even (as numpy.median). */
    public double median() {
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** Returns this EDF as a weighted EDF with every weight 1/n. */
    public WeightedEdf weighted() {
        return WeightedEdf.uniform(values);
    }

    /** Returns the number of values strictly below e (binary search). */
    private int countBelow(double e) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < e) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Edf other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Edf[n=" + values.length + ", min=" + min() + ", max=" + max() + "]";
    }
}
