package org.ndsw.bench.wholerun;

import java.util.Arrays;
import java.util.List;

/**
 * One whole training process as the benchmark saw it: an `ndsw train` child or the PyTorch reference.
 *
 * @param side "djl", "dl4j" (ndsw train --engine ...) or "pytorch"
 * @param position 1 if it ran first in its round, 2 if second, ...
 * @param wallSeconds wall time of the process, from starting it to its exit, measured by the benchmark
 * @param cpuSeconds CPU time of the process (all threads), sampled every 0.1 s, so a lower bound
 * @param startupSeconds from starting the process until its run began: JVM or interpreter start, imports, reading and
 *     decoding the data, subsets
 * @param runSeconds the process's own time from building the model to the end (`ndsw train`'s wall_time)
 * @param trainEpochSeconds training seconds per epoch, as the process reports them
 * @param testEpochSeconds evaluation seconds per epoch
 * @param trainImagesPerEpoch images trained per epoch (the last incomplete batch is dropped)
 * @param testImages images evaluated per epoch
 * @param params trainable parameters of the model
 * @param device how it ran, e.g. "cpu (2 threads, channels-last)"
 * @param version the engine and its natives, e.g. "djl 0.36.0, pytorch 2.7.1"
 * @param finalTestTop1 test error after the last epoch, in percent
 */
public record SideRun(String side, int position, double wallSeconds, double cpuSeconds, double startupSeconds,
        double runSeconds,
        double[] trainEpochSeconds, double[] testEpochSeconds, long trainImagesPerEpoch, long testImages, long params,
        String device, String version, double finalTestTop1) {

    /** Epochs run. */
    public int epochs() {
        return trainEpochSeconds.length;
    }

    /** Training seconds of all epochs (the training phase as the process reports it). */
    public double trainSeconds() {
        return Arrays.stream(trainEpochSeconds).sum();
    }

    /** Evaluation seconds of all epochs. */
    public double testSeconds() {
        return Arrays.stream(testEpochSeconds).sum();
    }

    /** Images trained in all epochs. */
    public long trainImages() {
        return trainImagesPerEpoch * epochs();
    }

    /** Training throughput as the user sees it: images over training seconds. */
    public double trainImagesPerSecond() {
        return trainImages() / trainSeconds();
    }

    /** Whole-run throughput: images trained over the wall time of the whole process. */
    public double wholeImagesPerSecond() {
        return trainImages() / wallSeconds;
    }

    /** Seconds after the run until the process had exited: writing the record, shutting down. */
    public double exitSeconds() {
        return wallSeconds - startupSeconds - runSeconds;
    }

    /** Seconds of the run outside training and evaluation: building the model, initial weights, checkpoints. */
    public double otherSeconds() {
        return runSeconds - trainSeconds() - testSeconds();
    }

    /** Training images per second of each epoch. */
    public List<Double> epochImagesPerSecond() {
        return Arrays.stream(trainEpochSeconds).mapToObj(s -> trainImagesPerEpoch / s).toList();
    }
}
