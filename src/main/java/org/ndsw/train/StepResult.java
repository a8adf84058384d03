package org.ndsw.train;

/**
 * What one batch gave: the summed cross-entropy loss and the number of correct top-1 predictions of the main output,
 * and the summed loss of the auxiliary head (0 without one, and in evaluation).
 *
 * @param lossSum loss summed over the batch (mean loss times size)
 * @param correct images whose largest logit is their label
 * @param size images in the batch
 * @param auxLossSum the auxiliary head's cross-entropy summed over the batch
 */
public record StepResult(double lossSum, long correct, int size, double auxLossSum) {
    /** A result without an auxiliary loss. */
    public StepResult(double lossSum, long correct, int size) {
        this(lossSum, correct, size, 0);
    }

    /** The mean loss of the batch. */
    public double meanLoss() {
        return lossSum / size;
    }

    /** The mean auxiliary loss of the batch. */
    public double meanAuxLoss() {
        return auxLossSum / size;
    }
}
