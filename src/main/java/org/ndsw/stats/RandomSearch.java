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
     *
     * <p>The draws are common random numbers: one sequence of N weighted draws is cut into consecutive blocks of m,
     * block t being trial t. Each trial is still m independent weighted draws and trials of one m are independent, as
     * the procedure asks; sharing the sequence across m makes a 2m-trial the union of two m-trials, so the curve is
     * smooth (its mean falls with m up to the effect of an odd trial left over) and the whole curve costs N draws.
     */
    public static List<Point> efficiency(WeightedEdf edf, int maxPower, long seed) {
        Checks.power("maxPower", maxPower);
        SplittableRandom random = new SplittableRandom(seed);
        WeightedSampler sampler = new WeightedSampler(edf.weights());
        int n = edf.n();
        int[] draws = new int[n];
        for (int i = 0; i < n; i++) {
            draws[i] = sampler.draw(random);
        }
        List<Point> points = new ArrayList<>();
        for (int p = 0; p <= maxPower && (1 << p) <= n; p++) {
            points.add(point(edf, draws, 1 << p));
        }
        return List.copyOf(points);
    }

    /** Returns the point for m: trial t keeps the smallest error among draws[t·m .. (t+1)·m). */
    private static Point point(WeightedEdf edf, int[] draws, int m) {
        int trials = draws.length / m;
        double[] minima = new double[trials];
        for (int t = 0; t < trials; t++) {
            int best = Integer.MAX_VALUE;
            for (int k = t * m; k < (t + 1) * m; k++) {
                best = Math.min(best, draws[k]);
            }
            minima[t] = edf.error(best);
        }
        return new Point(m, Moments.mean(minima), Moments.populationStd(minima), trials);
    }
}
