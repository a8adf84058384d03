package org.ndsw.analysis;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * pycls's empirical bootstrap of the best model (get_filters in pycls/sweep/analysis.py): B samples of m models drawn
 * uniformly with replacement, the best of each (the first drawn among equal errors, as numpy's argmin), then numpy's
 * default percentiles of the winners' values. Random numbers come from the caller's seed, so a run repeats exactly,
 * though not numpy's own stream.
 */
public final class MonteCarloBootstrap {
    private MonteCarloBootstrap() {}

    /** The source index of the best model of each of {@code b} samples of {@code m} draws. */
    public static int[] winners(double[] errors, int m, int b, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = errors.length;
        int[] out = new int[b];
        for (int s = 0; s < b; s++) {
            int best = random.nextInt(n);
            for (int d = 1; d < m; d++) {
                int i = random.nextInt(n);
                if (errors[i] < errors[best]) {
                    best = i;
                }
            }
            out[s] = best;
        }
        return out;
    }

    /**
     * The percentiles of the winners' values at the given levels (fractions, not percent), with numpy's default
     * linear interpolation (Hyndman and Fan's definition 7, Commons Math's {@code EstimationType.R_7}).
     */
    public static double[] percentiles(double[] values, int[] winners, double[] levels) {
        double[] v = new double[winners.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[winners[i]];
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(v);
        double[] out = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = percentile.evaluate(100 * levels[i]);
        }
        return out;
    }
}
