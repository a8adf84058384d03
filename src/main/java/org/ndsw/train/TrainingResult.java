package org.ndsw.train;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ndsw.complexity.Complexity;

/**
 * The outcome of a run: the job's identity, per-epoch curves and how it ended.
 *
 * @param job what was asked
 * @param complexity flops, params and acts (NDS convention)
 * @param engine the engine used
 * @param engineParams trainable parameters as the engine counted them (-1 if the model was never built)
 * @param status done, diverged or failed
 * @param error why it failed, or null
 * @param failure the exception behind a failure (not written to files), or null
 * @param divergence where it diverged, or null
 * @param epochs finished epochs, including those of a resumed checkpoint
 * @param resumedEpochs epochs taken over from a checkpoint
 * @param started start of this process's part of the run
 * @param finished end of the run
 * @param wallSeconds wall time of this process's part of the run
 * @param host machine facts: name, os, arch, cpus, java
 */
public record TrainingResult(TrainingJob job, Complexity complexity, EngineInfo engine, long engineParams,
        Status status, String error, RuntimeException failure, Divergence divergence, List<EpochRecord> epochs,
        int resumedEpochs, Instant started, Instant finished, double wallSeconds, Map<String, String> host) {
    /** Copies the lists. */
    public TrainingResult {
        epochs = List.copyOf(epochs);
        host = Map.copyOf(host);
    }

    /** The best test top-1 error (%) over finished epochs: the NDS min_test_top1. */
    public OptionalDouble minTestTop1() {
        return epochs.stream().mapToDouble(EpochRecord::testTop1).min();
    }

    /** The test top-1 error (%) of the last finished epoch. */
    public OptionalDouble finalTestTop1() {
        return epochs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(epochs.get(epochs.size() - 1).testTop1());
    }

    /** Training images per second over the epochs this process trained (evaluation excluded). */
    public OptionalDouble trainImagesPerSecond() {
        List<EpochRecord> own = epochs.subList(resumedEpochs, epochs.size());
        double seconds = own.stream().mapToDouble(EpochRecord::trainSeconds).sum();
        long images = own.stream().mapToLong(EpochRecord::trainImages).sum();
        return seconds > 0 ? OptionalDouble.of(images / seconds) : OptionalDouble.empty();
    }
}
