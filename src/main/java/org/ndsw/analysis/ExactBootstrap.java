package org.ndsw.analysis;

import java.util.Arrays;

/**
 * The exact empirical bootstrap of the best model: the lower quantiles of the best model's value of a parameter under
 * the law of {@link BestOfSample}, i.e. the smallest v with P(V &lt;= v) &gt;= q.
 *
 * <p>This is what pycls's get_filters estimates with B resamples, in the limit B → ∞ (apart from its interpolation
 * between order statistics, which vanishes as B grows). Ranks whose total mass is below {@link #NEGLIGIBLE} are left
 * out (for f = 0.25 that is every rank past about 170, whatever n), which makes one parameter cost O(K log K).
 */
public final class ExactBootstrap {
    /** Tail mass left out: far below the tolerance of the comparison with q. */
    static final double NEGLIGIBLE = 1e-20;
    /**
     * A cumulative probability within this of q counts as reaching it. Exact ties are common for small sets (n = 4,
     * m = 1: P = 2/4 = q = 0.5) and rounding, a few ulps here, must not decide them.
     */
    static final double TOLERANCE = 1e-12;

    private final int[] top;
    private final double[] mass;

    /** Prepares the law for a set with these errors (in source order) and sample size m. */
    public ExactBootstrap(double[] errors, int m) {
        int n = errors.length;
        if (n == 0) {
            throw new IllegalArgumentException("a set needs at least one model");
        }
        int[] order = BestOfSample.rankOrder(errors);
        int k = 1;
        while (k < n && BestOfSample.tailProbability(n, m, k + 1) > NEGLIGIBLE) {
            k++;
        }
        top = Arrays.copyOf(order, k);
        mass = new double[k];
        for (int r = 1; r <= k; r++) {
            mass[r - 1] = BestOfSample.rankProbability(n, m, r);
        }
    }

    /** Probability that each model of the set is the best of the sample (0 for ranks left out), by source index. */
    public double[] modelProbabilities(int n) {
        double[] p = new double[n];
        for (int i = 0; i < top.length; i++) {
            p[top[i]] = mass[i];
        }
        return p;
    }

    /** The lower quantiles, at the given increasing levels, of the best model's value ({@code values} by model). */
    public double[] quantiles(double[] values, double[] levels) {
        double[] v = new double[top.length];
        for (int i = 0; i < top.length; i++) {
            v[i] = values[top[i]];
        }
        Integer[] idx = new Integer[top.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] out = new double[levels.length];
        int level = 0;
        double sum = 0;
        double compensation = 0;
        for (int i = 0; i < idx.length && level < levels.length; i++) {
            // Neumaier summation of the mass, one group of equal values at a time.
            double p = mass[idx[i]];
            double t = sum + p;
            compensation += Math.abs(sum) >= Math.abs(p) ? (sum - t) + p : (p - t) + sum;
            sum = t;
            boolean groupEnds = i + 1 == idx.length || v[idx[i + 1]] != v[idx[i]];
            while (groupEnds && level < levels.length && sum + compensation >= levels[level] - TOLERANCE) {
                out[level++] = v[idx[i]];
            }
        }
        while (level < levels.length) {
            out[level++] = v[idx[idx.length - 1]];
        }
        return out;
    }
}
