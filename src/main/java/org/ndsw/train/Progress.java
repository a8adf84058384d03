package org.ndsw.train;

/**
 * Progress inside an epoch, reported after every batch.
 *
 * @param phase training or test
 * @param epoch 1-based epoch
 * @param epochs epochs of the run
 * @param batch 1-based batch of the phase
 * @param batches batches of the phase
 * @param loss mean loss so far in the phase
 * @param top1 top-1 error (%) so far in the phase
 * @param imagesPerSecond throughput so far in the phase
 */
public record Progress(Phase phase, int epoch, int epochs, int batch, int batches, double loss, double top1,
        double imagesPerSecond) {
    /** The two phases of an epoch. */
    public enum Phase { TRAIN, TEST }
}
