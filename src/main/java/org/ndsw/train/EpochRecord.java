package org.ndsw.train;

/**
 * What one epoch gave. Errors are top-1 errors in percent, as in the NDS records.
 *
 * @param epoch 1-based epoch number
 * @param lr learning rate used throughout the epoch
 * @param trainLoss mean training loss over the epoch's batches (weights changing as it goes, as pycls reports it)
 * @param trainTop1 training top-1 error (%) over the epoch's batches
 * @param testLoss mean test loss after the epoch
 * @param testTop1 test top-1 error (%) after the epoch
 * @param trainSeconds time of the training loop (data waits included, evaluation excluded)
 * @param evalSeconds time of the evaluation
 * @param trainImages images trained on in the epoch
 */
public record EpochRecord(int epoch, double lr, double trainLoss, double trainTop1, double testLoss, double testTop1,
        double trainSeconds, double evalSeconds, long trainImages) {
    /** Training throughput of the epoch in images per second. */
    public double trainImagesPerSecond() {
        return trainImages / trainSeconds;
    }

    /** Wall time of the epoch: training and evaluation. */
    public double seconds() {
        return trainSeconds + evalSeconds;
    }
}
