package org.ndsw.stats;

import java.util.Arrays;
import org.ndsw.NdswException;

/**
 * An empirical distribution of errors whose models carry weights: the common form of the plain EDF (paper eq. 1,
 * every weight 1/n) and the complexity-normalized EDF (eq. 3-4, weight 1/(k·bin count)).
 *
 * <p>Invariants: at least one model; errors finite and ascending; weights finite, non-negative and summing to 1
 * (within 1e-9). {@link #of} sorts stably, so models with equal errors keep their input order. Arrays are copied on
 * the way in and out.
 *
 * @param errors the errors, ascending
 * @param weights the weight of each model, in the order of {@code errors}
 */
public record WeightedEdf(double[] errors, double[] weights) {
    /** Tolerance on the total weight, which is 1 up to rounding for every EDF the package builds. */
    static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    /** Checks the invariants and copies both arrays. */
    public WeightedEdf {
        errors = Checks.finiteCopy("errors", errors);
        weights = Checks.finiteCopy("weights", weights);
        if (errors.length != weights.length) {
            throw new NdswException("errors and weights must have the same length, got "
                    + errors.length + " and " + weights.length);
        }
        checkAscending(errors);
        checkWeights(weights);
    }

    /** Builds a weighted EDF from unsorted errors and their weights, sorting stably by error. */
    public static WeightedEdf of(double[] errors, double[] weights) {
        double[] e = Checks.finiteCopy("errors", errors);
        double[] w = Checks.finiteCopy("weights", weights);
        if (e.length != w.length) {
            throw new NdswException("errors and weights must have the same length, got " + e.length + " and " + w.length);
        }
        int[] order = StableOrder.of(e);
        return new WeightedEdf(StableOrder.gather(e, order), StableOrder.gather(w, order));
    }

    /** Builds the plain EDF of eq. 1 as a weighted EDF: every model weighs 1/n. */
    public static WeightedEdf uniform(double[] errors) {
        double[] e = Checks.finiteCopy("errors", errors);
        double[] w = new double[e.length];
        Arrays.fill(w, 1.0 / e.length);
        return of(e, w);
    }

    /** Returns the number of models. */
    public int n() {
        return errors.length;
    }

    /** Returns a copy of the errors, ascending. */
    @Override
    public double[] errors() {
        return errors.clone();
    }

    /** Returns a copy of the weights, in the order of {@link #errors()}. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Returns the error of the i-th model in ascending order, without copying. */
    public double error(int i) {
        return errors[i];
    }

    /** Returns the weight of the i-th model in ascending order, without copying. */
    public double weight(int i) {
        return weights[i];
    }

    /** Returns the cumulative weight after each model: the steps of F̂ (numpy's {@code cumsum(weights)}). */
    public double[] cumulative() {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    /** Returns F̂(e) = Σ w_i·1[e_i &lt; e], the weighted form of eq. 1 (strictly below e). */
    public double cdf(double e) {
        double sum = 0;
        for (int i = 0; i < errors.length && errors[i] < e; i++) {
            sum += weights[i];
        }
        return sum;
    }

    /** Returns the smallest error. */
    public double min() {
        return errors[0];
    }

    /** Returns the weighted mean error Σ w_i·e_i. */
    public double mean() {
        double sum = 0;
        for (int i = 0; i < errors.length; i++) {
            sum += weights[i] * errors[i];
        }
        return sum;
    }

    /** Returns the Kish effective sample size (Σw)²/Σw², which is n for equal weights. */
    public double effectiveSize() {
        double sum = 0;
        double squares = 0;
        for (double w : weights) {
            sum += w;
            squares += w * w;
        }
        return sum * sum / squares;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedEdf other
                && Arrays.equals(errors, other.errors)
                && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(errors) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "WeightedEdf[n=" + errors.length + ", min=" + errors[0] + ", max=" + errors[errors.length - 1] + "]";
    }

    private static void checkAscending(double[] errors) {
        for (int i = 1; i < errors.length; i++) {
            if (errors[i] < errors[i - 1]) {
                throw new NdswException("errors must be ascending (use WeightedEdf.of to sort), got "
                        + errors[i - 1] + " before " + errors[i] + " at index " + i);
            }
        }
    }

    private static void checkWeights(double[] weights) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new NdswException("weights must be non-negative, got " + weights[i] + " at index " + i);
            }
            sum += weights[i];
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new NdswException("weights must sum to 1, got " + sum);
        }
    }
}
