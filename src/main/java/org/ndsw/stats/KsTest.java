package org.ndsw.stats;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov test the paper uses to compare error distributions (docs/reference/analysis.md#ks-test), with D and
 * the two-sided p-value exactly as scipy.stats.ks_2samp(a, b, method="auto") computes them (scipy 1.10).
 *
 * <p>scipy's rule, reproduced here: D = max_x |F_a(x) − F_b(x)| over all observed x (ties handled by counting
 * values &lt;= x, numpy's searchsorted side="right"). When max(n_a, n_b) &lt;= 10,000 the exact distribution is
 * used: D is first rounded to the lattice, D = round(D·L)/L with L = lcm(n_a, n_b) (half-to-even), and the reported D
 * is that rounded value; equal sizes use Hodges' closed sum, unequal sizes the path-counting recursion. If the exact
 * value is not a probability (rounding), or the sizes are larger, p = kstwo.sf(D, round(n_a·n_b/(n_a + n_b))), the
 * finite-n two-sided Kolmogorov distribution at the "effective" size. Apache Commons Math 3.6.1's test differs from
 * this in its exact/asymptotic switch (n_a·n_b &lt; 10,000) and in breaking ties by random jitter, so it is not used.
 */
public final class KsTest {
    /** scipy's MAX_AUTO_N: the exact distribution is used when both sizes are at most this. */
    public static final int MAX_EXACT_N = 10_000;

    private KsTest() {}

    /** Returns D and the two-sided p-value as scipy.stats.ks_2samp(a, b) computes them. */
    public static KsResult twoSample(double[] a, double[] b) {
        double[] x = Checks.finiteCopy("first sample", a);
        double[] y = Checks.finiteCopy("second sample", b);
        Arrays.sort(x);
        Arrays.sort(y);
        return twoSampleSorted(x, y);
    }

    /** Returns D = sup |F_a − F_b| between two plain EDFs, and scipy's p-value. */
    public static KsResult twoSample(Edf a, Edf b) {
        return twoSampleSorted(a.values(), b.values());
    }

    /** Returns only the statistic D = sup |F_a − F_b| (no lattice rounding), as ks_2samp's statistic before p. */
    public static double statistic(double[] a, double[] b) {
        double[] x = Checks.finiteCopy("first sample", a);
        double[] y = Checks.finiteCopy("second sample", b);
        Arrays.sort(x);
        Arrays.sort(y);
        return statisticSorted(x, y);
    }

    /**
     * Returns D = sup_e |F̂_a(e) − F̂_b(e)| between two weighted (e.g. normalized) EDFs, with an approximate p-value.
     *
     * <p>The p-value is labelled {@link KsResult#NEFF_ASYMPTOTIC}: kstwo.sf(D, round(n_a·n_b/(n_a + n_b))) with each
     * n the Kish effective sample size (Σw)²/Σw². Weighting breaks the exact null distribution, so treat it as a
     * rough guide; D itself is exact.
     */
    public static KsResult weighted(WeightedEdf a, WeightedEdf b) {
        double d = weightedStatistic(a, b);
        double na = a.effectiveSize();
        double nb = b.effectiveSize();
        double en = Math.rint(na * nb / (na + nb));
        double p = en < 1 ? 1.0 : Kolmogorov.sf(en, d);
        return new KsResult(d, p, KsResult.NEFF_ASYMPTOTIC);
    }

    /** The scipy procedure on sorted, validated samples. */
    static KsResult twoSampleSorted(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        double d = statisticSorted(x, y);
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            int g = gcd(n1, n2);
            long lcm = (long) (n1 / g) * n2;
            long h = (long) Math.rint(d * lcm);
            d = (double) h / lcm;
            if (h == 0) {
                return new KsResult(d, 1.0, KsResult.EXACT);
            }
            double p = n1 == n2 ? KsExact.outsideSquare(n1, (int) h) : KsExact.outsideBand(n1, n2, g, h);
            if (0 <= p && p <= 1) {
                return new KsResult(d, p, KsResult.EXACT);
            }
        }
        return new KsResult(d, asymptoticP(n1, n2, d), KsResult.ASYMPTOTIC);
    }

    /** Returns kstwo.sf(d, round(m·n/(m + n))), clipped to [0, 1] (NaN stays NaN, as in scipy). */
    static double asymptoticP(int n1, int n2, double d) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = Math.rint(m * n / (m + n));
        double p = Kolmogorov.sf(en, d);
        return Double.isNaN(p) ? p : Math.max(0, Math.min(1, p));
    }

    /**
     * Returns max over observed x of |i/n1 − j/n2|, i and j the counts of values &lt;= x, as scipy evaluates it: the
     * differences are compared exactly as integers i·n2 − j·n1, and only candidates for the maximum are divided out,
     * taking the larger rounded value when two points tie exactly (scipy maximizes the rounded differences).
     */
    static double statisticSorted(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        double[] xs = withSentinel(x);
        double[] ys = withSentinel(y);
        long bestPlus = 0;
        long bestMinus = 0;
        double maxPlus = 0;
        double maxMinus = 0;
        int i = 0;
        int j = 0;
        for (int k = 0; k < n1 + n2; k++) {
            double a = xs[i];
            double b = ys[j];
            int takeX = a <= b ? 1 : 0;
            double v = Math.min(a, b);
            i += takeX;
            j += 1 - takeX;
            long num = (long) i * n2 - (long) j * n1;
            // Evaluated only at the end of a group of equal values (scipy's searchsorted side="right").
            if ((num >= bestPlus || -num >= bestMinus) && Math.min(xs[i], ys[j]) > v) {
                if (num >= bestPlus) {
                    double diff = (double) i / n1 - (double) j / n2;
                    maxPlus = num > bestPlus ? diff : Math.max(maxPlus, diff);
                    bestPlus = num;
                }
                if (-num >= bestMinus) {
                    double diff = (double) j / n2 - (double) i / n1;
                    maxMinus = -num > bestMinus ? diff : Math.max(maxMinus, diff);
                    bestMinus = -num;
                }
            }
        }
        return Math.max(maxPlus, maxMinus);
    }

    /** Returns only D = sup |F̂_a − F̂_b| between two weighted EDFs (cumulative weights after each group of ties). */
    public static double weightedStatistic(WeightedEdf a, WeightedEdf b) {
        double[] xs = withSentinel(a.errors());
        double[] ys = withSentinel(b.errors());
        double[] ca = prefixSums(a.weights());
        double[] cb = prefixSums(b.weights());
        int total = a.n() + b.n();
        double d = 0;
        int i = 0;
        int j = 0;
        for (int k = 0; k < total; k++) {
            double u = xs[i];
            double w = ys[j];
            int takeX = u <= w ? 1 : 0;
            double v = Math.min(u, w);
            i += takeX;
            j += 1 - takeX;
            double diff = Math.abs(ca[i] - cb[j]);
            if (diff > d && Math.min(xs[i], ys[j]) > v) {
                d = diff;
            }
        }
        return d;
    }

    /** Returns the sorted values followed by +∞, so merges need no bounds tests. */
    private static double[] withSentinel(double[] sorted) {
        double[] out = java.util.Arrays.copyOf(sorted, sorted.length + 1);
        out[sorted.length] = Double.POSITIVE_INFINITY;
        return out;
    }

    /** Returns {0, w_0, w_0 + w_1, ...}: the cumulative weight before each index, summed in order. */
    private static double[] prefixSums(double[] weights) {
        double[] out = new double[weights.length + 1];
        for (int i = 0; i < weights.length; i++) {
            out[i + 1] = out[i] + weights[i];
        }
        return out;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
