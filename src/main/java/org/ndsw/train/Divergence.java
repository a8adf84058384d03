package org.ndsw.train;

/**
 * Where a run diverged.
 *
 * @param epoch 1-based epoch
 * @param batch 1-based batch within the epoch
 * @param loss the batch's mean loss (NaN, infinite, or above the recipe's threshold)
 */
public record Divergence(int epoch, int batch, double loss) {
    /** True if a batch's mean loss counts as diverged under a threshold. */
    public static boolean isDiverged(double loss, double threshold) {
        return !Double.isFinite(loss) || loss > threshold;
    }
}
