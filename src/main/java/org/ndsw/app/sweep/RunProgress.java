package org.ndsw.app.sweep;

/**
 * Where a running model is: the worker's latest report, as the CLI bar and the GUI show it.
 *
 * @param seq the run's position in the sweep
 * @param model the model hash
 * @param epoch 1-based epoch in progress
 * @param epochs epochs of the run
 * @param phase "train" or "test"
 * @param fraction fraction of the run done, in [0, 1]
 * @param error top-1 error (%) so far in the phase
 * @param imagesPerSecond throughput so far in the phase
 * @param etaSeconds estimated seconds left for this run, or -1 while unknown
 */
public record RunProgress(int seq, String model, long seed, int epoch, int epochs, String phase, double fraction,
        double error, double imagesPerSecond, double etaSeconds) {}
