package org.ndsw.analysis;

import java.util.Arrays;

/**
 * The law of the best of m models drawn uniformly with replacement from n: which model wins, exactly.
 *
 * <p>Rank the models by error, ties broken by their position in the source (rank 1 is the best). The best of the
 * sample has rank at least k exactly when all m draws have rank at least k, so P(rank &gt;= k) = ((n-k+1)/n)^m and
 * P(rank = r) = ((n-r+1)^m - (n-r)^m) / n^m. n^m overflows any double (n = 25,000, m = 6,250), so the
 * probabilities are computed in log space: with j = n - r models worse than rank r,
 * p_r = (j/n)^m · ((1 + 1/j)^m - 1) = exp(m·log(j/n)) · expm1(m·log1p(1/j)), and p_n = exp(-m·log n). Every
 * factor keeps its relative accuracy: p_r has a relative error of about |log p_r| ulps, a few ulps for every rank
 * with a mass that matters.
 */
public final class BestOfSample {
    private BestOfSample() {}

    /** The sample size m = max(1, floor(f n)) of pycls's get_filters for a fraction f of n models. */
    public static int sampleSize(int n, double fraction) {
        return Math.max(1, (int) Math.floor(fraction * n));
    }

    /** Model indexes from best to worst: by error, ties by position in the source. */
    public static int[] rankOrder(double[] errors) {
        Integer[] idx = new Integer[errors.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        // Arrays.sort on objects is stable, so equal errors keep their source order.
        Arrays.sort(idx, (a, b) -> Double.compare(errors[a], errors[b]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** P(the best of m draws from n has rank r), for r = 1..n at index r - 1. */
    public static double[] rankProbabilities(int n, int m) {
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("need n >= 1 and m >= 1, got n = " + n + ", m = " + m);
        }
        double[] p = new double[n];
        for (int r = 1; r <= n; r++) {
            p[r - 1] = rankProbability(n, m, r);
        }
        return p;
    }

    /** P(rank = r) = ((n-r+1)^m - (n-r)^m) / n^m, in log space. */
    static double rankProbability(int n, int m, int r) {
        int worse = n - r;
        if (worse == 0) {
            return Math.exp(-m * Math.log(n));
        }
        double logHead = m * logShare(worse, n);
        double x = m * Math.log1p(1.0 / worse);
        // log(expm1(x)) without overflow: for large x, expm1(x) = e^x (1 - e^-x).
        double logTail = x > 30 ? x + Math.log1p(-Math.exp(-x)) : Math.log(Math.expm1(x));
        return Math.exp(logHead + logTail);
    }

    /** P(rank &gt;= k) = ((n-k+1)/n)^m: the mass of ranks k..n. */
    public static double tailProbability(int n, int m, int k) {
        return k <= 1 ? 1.0 : Math.exp(m * logShare(n - k + 1, n));
    }

    /** log(j/n) to within an ulp or two: log1p of the small complement near 1, log of the ratio below 1/2. */
    private static double logShare(int j, int n) {
        return 2L * j >= n ? Math.log1p(-(double) (n - j) / n) : Math.log((double) j / n);
    }
}
