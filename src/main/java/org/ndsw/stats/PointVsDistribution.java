package org.ndsw.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ndsw.NdswException;

/**
 * The point-vs-distribution experiment (paper Fig. 2, docs/reference/analysis.md): comparing the best of a small random set of
 * models with the best of a large one, both from the same design space, shows how noisy single-point comparisons are.
 */
public final class PointVsDistribution {
    private PointVsDistribution() {}

    /**
     * The outcome.
     *
     * @param differences per trial, min(small set) − min(large set); positive when the large set found a better model
     * @param largeWinsFraction the fraction of trials with a positive difference (ties count as no win)
     * @param small the size of the small set
     * @param large the size of the large set
     */
    public record Result(double[] differences, double largeWinsFraction, int small, int large) {
        /** Copies the differences. */
        public Result {
            differences = differences.clone();
        }

        /** Returns a copy of the per-trial differences. */
        @Override
        public double[] differences() {
            return differences.clone();
        }

        /** Returns the histogram of the differences in the given number of equal-width bins. */
        public Histogram histogram(int bins) {
            return Histogram.of(differences, bins);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result other && Arrays.equals(differences, other.differences)
                    && largeWinsFraction == other.largeWinsFraction && small == other.small && large == other.large;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(differences) * 31 + Double.hashCode(largeWinsFraction);
        }

        @Override
        public String toString() {
            return "PointVsDistribution.Result[trials=" + differences.length + ", largeWinsFraction="
                    + largeWinsFraction + ", small=" + small + ", large=" + large + "]";
        }
    }

    /**
     * Runs the experiment: each trial draws a small and a large set of distinct models (each without replacement,
     * independently of the other) and records min(small) − min(large). The paper uses 5,000 trials of 100 vs 1,000.
     */
    public static Result run(double[] errors, int trials, int small, int large, long seed) {
        double[] sorted = Checks.finiteCopy("errors", errors);
        Arrays.sort(sorted);
        Checks.atLeast("trials", trials, 1);
        Checks.atLeast("small", small, 1);
        Checks.atLeast("large", large, 1);
        if (Math.max(small, large) > sorted.length) {
            throw new NdswException("point vs distribution needs at least " + Math.max(small, large)
                    + " models, got " + sorted.length);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Subsets subsets = new Subsets(sorted.length);
        double[] differences = new double[trials];
        int wins = 0;
        for (int t = 0; t < trials; t++) {
            double bestSmall = sorted[subsets.minOf(small, random)];
            double bestLarge = sorted[subsets.minOf(large, random)];
            differences[t] = bestSmall - bestLarge;
            if (differences[t] > 0) {
                wins++;
            }
        }
        return new Result(differences, (double) wins / trials, small, large);
    }
}
