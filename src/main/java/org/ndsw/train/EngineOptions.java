package org.ndsw.train;

import org.ndsw.Domains;

/**
 * How an engine should run: the device and, on CPU, the number of compute threads.
 *
 * @param device CPU or GPU
 * @param threads intra-op threads of the engine (CPU work)
 */
public record EngineOptions(Device device, int threads) {
    /** Validates the thread count. */
    public EngineOptions {
        Domains.THREADS.check(threads, "threads");
    }
}
