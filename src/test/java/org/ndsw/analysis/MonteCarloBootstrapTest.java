package org.ndsw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MonteCarloBootstrapTest {
    @Test
    void winnersFollowTheExactLaw() {
        int n = 200;
        int m = 50;
        double[] errors = new double[n];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            errors[i] = random.nextInt(150);
        }
        int b = 200_000;
        int[] winners = MonteCarloBootstrap.winners(errors, m, b, 7);
        // Ties: the Monte-Carlo version keeps the first drawn, the exact law the earlier in the source; the law of
        // the winning error is the same, so compare by error.
        double[] p = new ExactBootstrap(errors, m).modelProbabilities(n);
        double[] exactByError = new double[150];
        double[] seenByError = new double[150];
        for (int i = 0; i < n; i++) {
            exactByError[(int) errors[i]] += p[i];
        }
        for (int w : winners) {
            seenByError[(int) errors[w]] += 1.0 / b;
        }
        for (int e = 0; e < 150; e++) {
            double sd = Math.sqrt(exactByError[e] * (1 - exactByError[e]) / b);
            assertEquals(exactByError[e], seenByError[e], 5 * sd + 1e-9, "error " + e);
        }
    }

    @Test
    void theSameSeedGivesTheSameWinners() {
        double[] errors = {3, 1, 4, 1, 5, 9, 2, 6};
        assertArrayEquals(MonteCarloBootstrap.winners(errors, 2, 100, 11),
                MonteCarloBootstrap.winners(errors, 2, 100, 11));
    }

    @Test
    void percentilesInterpolateLinearlyAsNumpy() {
        // numpy.percentile([10, 20, 30, 40], [2.5, 50, 97.5]) = [10.75, 25.0, 39.25]
        double[] values = {10, 20, 30, 40};
        double[] q = MonteCarloBootstrap.percentiles(values, new int[] {0, 1, 2, 3}, new double[] {0.025, 0.5, 0.975});
        assertArrayEquals(new double[] {10.75, 25.0, 39.25}, q, 1e-12);
    }
}
