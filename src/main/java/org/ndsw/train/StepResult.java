package org.ndsw.train;

/**
 * What one batch gave: the summed cross-entropy loss and the number of correct top-1 predictions.
 *
 * @param lossSum loss summed over the batch (mean loss times size)
 * @param correct images whose largest logit is their label
 * @param size images in the batch
 */
public record StepResult(double lossSum, long correct, int size) {
    /** The mean loss of the batch. */
    public double meanLoss() {
        return lossSum / size;
    }
}
