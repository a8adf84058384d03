package org.ndsw.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random-search efficiency (paper §4, NDS-SPEC.md §6): how the best error found by random search falls with the
 * number m of models tried, sampling models with the (normalized) EDF's weights.
 */
public final class RandomSearch {
    private RandomSearch() {}

    /**
     * One point of the curve.
     *
     * @param m the number of models per trial
     * @param mean the mean over trials of the minimum error
     * @param std the population standard deviation (ddof = 0) of the minimum error; the paper plots mean ± 2σ
     * @param trials the number of trials, ⌊N/m⌋
     */
    public record Point(int m, double mean, double std, int trials) {}

    /**
     * Returns the curve for m = 2^0 .. 2^maxPower: ⌊N/m⌋ trials each, every trial drawing m models with replacement
     * with probability w_i and keeping the minimum error. Powers with m &gt; N (no trial) are left out.
     */
    public static List<Point> efficiency(WeightedEdf edf, int maxPower, long seed) {
        Checks.power("maxPower", maxPower);
        SplittableRandom random = new SplittableRandom(seed);
        WeightedSampler sampler = new WeightedSampler(edf.weights());
        List<Point> points = new ArrayList<>();
        for (int p = 0; p <= maxPower; p++) {
            int m = 1 << p;
            int trials = edf.n() / m;
            if (trials == 0) {
                break;
            }
            double[] minima = new double[trials];
            for (int t = 0; t < trials; t++) {
                minima[t] = edf.error(minIndex(sampler, m, random));
            }
            points.add(new Point(m, Moments.mean(minima), Moments.populationStd(minima), trials));
        }
        return List.copyOf(points);
    }

    /** Returns the smallest of m drawn indices: errors are sorted, so it marks the trial's minimum error. */
    private static int minIndex(WeightedSampler sampler, int m, SplittableRandom random) {
        int best = Integer.MAX_VALUE;
        for (int k = 0; k < m; k++) {
            best = Math.min(best, sampler.draw(random));
        }
        return best;
    }
}
