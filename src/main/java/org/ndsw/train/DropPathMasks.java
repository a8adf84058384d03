package org.ndsw.train;

import java.util.SplittableRandom;

/**
 * Drop-path masks drawn in Java, so every engine (and a PyTorch reference given the same numbers) drops the same
 * paths and a resumed run drops what the uninterrupted run would have.
 *
 * <p>DARTS' drop_path(x, p) keeps each sample's map with probability keep = 1 - p and divides the kept ones by keep:
 * x·Bernoulli(keep)/keep. Here the factor Bernoulli(keep)/keep is drawn per slot (one per drop-path node) and image.
 */
public final class DropPathMasks {
    private DropPathMasks() {}

    /**
     * Factors for `slots` drop-path nodes and n images, slot after slot (the {@link Batch#masks()} layout): 1/keep
     * with probability keep = 1 - p, else 0; null when there is nothing to drop (no slot, or p = 0).
     */
    public static float[] draw(int slots, int n, double p, SplittableRandom rng) {
        if (slots == 0 || p == 0) {
            return null;
        }
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("drop-path probability must be in [0, 1), got " + p);
        }
        double keep = 1 - p;
        float kept = (float) (1 / keep);
        float[] masks = new float[slots * n];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = rng.nextDouble() < keep ? kept : 0f;
        }
        return masks;
    }
}
