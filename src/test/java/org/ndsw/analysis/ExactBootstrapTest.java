package org.ndsw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactBootstrapTest {
    private static final double[] LEVELS = {0.025, 0.5, 0.975};

    @Test
    void quantilesMatchEnumerationOfEverySample() {
        SplittableRandom random = new SplittableRandom(18);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(6);
            int m = 1 + random.nextInt(4);
            double[] errors = new double[n];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                errors[i] = random.nextInt(4);
                values[i] = random.nextInt(3);
            }
            double[] levels = {random.nextDouble(), 0.5, 1 - 1e-9};
            java.util.Arrays.sort(levels);
            assertArrayEquals(bruteForce(errors, values, m, levels),
                    new ExactBootstrap(errors, m).quantiles(values, levels), "trial " + trial);
        }
    }

    @Test
    void anExactTieWithTheLevelIsReached() {
        // n = 4, m = 1: every model wins with 1/4; P(V <= 2) = 1/2 exactly, so the median is 2, not 3.
        double[] errors = {4, 3, 2, 1};
        double[] values = {1, 2, 3, 4};
        assertArrayEquals(new double[] {1, 2, 4}, new ExactBootstrap(errors, 1).quantiles(values, LEVELS));
    }

    @Test
    void tiedErrorsGoToTheEarlierModel() {
        // Both models have the same error; with m = 1 each wins with 1/2, and with ties the best of m >= 2 is the
        // earlier one in the source unless both draws hit the later one.
        double[] p = new ExactBootstrap(new double[] {1, 1}, 2).modelProbabilities(2);
        assertEquals(0.75, p[0], 1e-15);
        assertEquals(0.25, p[1], 1e-15);
    }

    @Test
    void aLargeSetConcentratesOnItsBestModels() {
        int n = 25_000;
        double[] errors = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            errors[i] = n - i;
            values[i] = i;
        }
        double[] q = new ExactBootstrap(errors, n / 4).quantiles(values, LEVELS);
        // Rank r wins with about e^{-(r-1)/4} (1 - e^{-1/4}): 0.221, 0.172, 0.134, so the median is the third best;
        // P(rank >= k) = e^{-(k-1)/4} >= 0.025 up to k = 15.
        assertArrayEquals(new double[] {n - 15, n - 3, n - 1}, q);
    }

    /** The quantiles by enumerating all n^m samples, with exact integer counts. */
    static double[] bruteForce(double[] errors, double[] values, int m, double[] levels) {
        int n = errors.length;
        long total = 1;
        for (int d = 0; d < m; d++) {
            total *= n;
        }
        long[] wins = new long[n];
        for (long code = 0; code < total; code++) {
            int best = -1;
            long c = code;
            for (int d = 0; d < m; d++, c /= n) {
                int i = (int) (c % n);
                if (best < 0 || errors[i] < errors[best] || errors[i] == errors[best] && i < best) {
                    best = i;
                }
            }
            wins[best]++;
        }
        double[] distinct = Analyzer.distinct(values);
        double[] out = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            long cum = 0;
            for (double v : distinct) {
                for (int i = 0; i < n; i++) {
                    cum += values[i] == v ? wins[i] : 0;
                }
                if (cum >= levels[l] * total - 1e-9) {
                    out[l] = v;
                    break;
                }
            }
        }
        return out;
    }
}
