package org.ndsw.stats;

import java.util.SplittableRandom;

/**
 * Draws model indices with probability proportional to their weights in O(1) per draw, by Walker's alias method in
 * Vose's numerically stable form (Vose 1991, IEEE TSE 17(9)).
 */
final class WeightedSampler {
    private final double[] keep;
    private final int[] alias;

    /** Builds the alias table for non-negative weights with a positive sum. */
    WeightedSampler(double[] weights) {
        int n = weights.length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        keep = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            keep[large[--nl]] = 1;
        }
        while (ns > 0) {
            keep[small[--ns]] = 1;
        }
    }

    /** Returns index i with probability w_i/Σw: a uniform column, kept with its probability, else its alias. */
    int draw(SplittableRandom random) {
        int i = random.nextInt(keep.length);
        return random.nextDouble() < keep[i] ? i : alias[i];
    }
}
