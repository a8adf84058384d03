package org.ndsw.stats;

import java.util.SplittableRandom;

/** Draws model indices with probability proportional to their weights, by binary search on cumulative weights. */
final class WeightedSampler {
    private final double[] cumulative;
    private final double total;

    /** Prepares sampling for the given weights. */
    WeightedSampler(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        total = sum;
    }

    /** Returns index i with probability w_i/Σw: the first i whose cumulative weight exceeds u·Σw. */
    int draw(SplittableRandom random) {
        double target = random.nextDouble() * total;
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
