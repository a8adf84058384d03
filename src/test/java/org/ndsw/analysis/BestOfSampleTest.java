package org.ndsw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class BestOfSampleTest {
    @Test
    void rankProbabilitiesMatchExactIntegerArithmetic() {
        for (int n : new int[] {1, 2, 3, 7, 40, 101, 400}) {
            for (int m : new int[] {1, 2, 5, n / 4 + 1, n}) {
                double[] p = BestOfSample.rankProbabilities(n, m);
                for (int r = 1; r <= n; r++) {
                    double exact = exact(n, m, r);
                    assertEquals(exact, p[r - 1], 1e-12 * exact + 1e-300,
                            "n = " + n + ", m = " + m + ", r = " + r);
                }
            }
        }
    }

    @Test
    void rankProbabilitiesOfALargeSetSumToOneWithoutOverflow() {
        int n = 25_000;
        int m = BestOfSample.sampleSize(n, 0.25);
        assertEquals(6250, m);
        double[] p = BestOfSample.rankProbabilities(n, m);
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(-Math.expm1(m * Math.log1p(-1.0 / n)), p[0], 1e-15);
    }

    @Test
    void rankProbabilitiesMatchEnumerationOfEverySample() {
        int n = 5;
        int m = 3;
        double[] counts = new double[n];
        int total = (int) Math.pow(n, m);
        for (int code = 0; code < total; code++) {
            int best = n;
            for (int d = 0, c = code; d < m; d++, c /= n) {
                best = Math.min(best, c % n);
            }
            counts[best]++;
        }
        double[] p = BestOfSample.rankProbabilities(n, m);
        for (int r = 0; r < n; r++) {
            assertEquals(counts[r] / total, p[r], 1e-15);
        }
    }

    @Test
    void sampleSizeFollowsPyclsFloorWithAtLeastOne() {
        assertEquals(1, BestOfSample.sampleSize(3, 0.25));
        assertEquals(25, BestOfSample.sampleSize(100, 0.25));
        assertEquals(25, BestOfSample.sampleSize(103, 0.25));
        assertEquals(10, BestOfSample.sampleSize(10, 1.0));
    }

    @Test
    void rankOrderBreaksTiesBySourcePosition() {
        assertArrayEquals(new int[] {3, 1, 4, 0, 2}, BestOfSample.rankOrder(new double[] {5, 2, 7, 1, 2}));
    }

    /** ((n-r+1)^m - (n-r)^m) / n^m with BigInteger, rounded to 30 digits. */
    static double exact(int n, int m, int r) {
        BigInteger num = BigInteger.valueOf(n - r + 1).pow(m).subtract(BigInteger.valueOf(n - r).pow(m));
        return new BigDecimal(num).divide(new BigDecimal(BigInteger.valueOf(n).pow(m)), new MathContext(30))
                .doubleValue();
    }
}
