package org.ndsw.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random-search efficiency (paper §4, docs/reference/analysis.md): how the best error found by random search falls with the
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
        int[] minima = draws;
        for (int p = 0; p <= maxPower && (1 << p) <= n; p++) {
            if (p > 0) {
                minima = pairMinima(minima);
            }
            points.add(point(edf, minima, 1 << p));
        }
        return List.copyOf(points);
    }

    /** Returns min(a[2t], a[2t+1]) for t &lt; ⌊len/2⌋: the trials of 2m from those of m (an odd last trial drops). */
    private static int[] pairMinima(int[] a) {
        int[] out = new int[a.length / 2];
        for (int t = 0; t < out.length; t++) {
            out[t] = Math.min(a[2 * t], a[2 * t + 1]);
        }
        return out;
    }

    /** Returns the point for m from the smallest drawn index of each trial (errors are ascending, so its error). */
    private static Point point(WeightedEdf edf, int[] minIndex, int m) {
        double[] minima = new double[minIndex.length];
        for (int t = 0; t < minIndex.length; t++) {
            minima[t] = edf.error(minIndex[t]);
        }
        return new Point(m, Moments.mean(minima), Moments.populationStd(minima), minIndex.length);
    }
}
