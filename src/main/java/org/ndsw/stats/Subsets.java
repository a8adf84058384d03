package org.ndsw.stats;

import java.util.SplittableRandom;

/** Uniform random subsets of 0..N−1, drawn without replacement by a partial Fisher-Yates shuffle. */
final class Subsets {
    private final int[] pool;

    /** Prepares subsets of 0..n−1. */
    Subsets(int n) {
        pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
    }

    /**
     * Returns k distinct indices, uniformly among all k-subsets, in the first k slots of the internal pool (valid
     * until the next call). Shuffling the pool's current arrangement keeps every subset equally likely.
     */
    int[] draw(int k, SplittableRandom random) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        return pool;
    }

    /** Returns the smallest of k distinct random indices. */
    int minOf(int k, SplittableRandom random) {
        int[] drawn = draw(k, random);
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < k; i++) {
            min = Math.min(min, drawn[i]);
        }
        return min;
    }
}
