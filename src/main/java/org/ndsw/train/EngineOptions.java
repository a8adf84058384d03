package org.ndsw.train;

import org.ndsw.NdswException;

/**
 * How an engine should run: the device and, on CPU, the number of compute threads.
 *
 * @param device CPU or GPU
 * @param threads intra-op threads of the engine (CPU work)
 */
public record EngineOptions(Device device, int threads) {
    /** Validates the thread count. */
    public EngineOptions {
        if (threads < 1) {
            throw new NdswException("threads must be a positive integer, got " + threads);
        }
    }
}
