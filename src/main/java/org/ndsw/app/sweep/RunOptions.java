package org.ndsw.app.sweep;

import java.util.List;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * How a sweep is run on this machine.
 *
 * @param workers parallel worker processes K
 * @param threadsPerWorker engine threads per worker; 0 splits the machine's processors evenly (at least 1)
 * @param heap -Xmx of each worker, e.g. "2g"
 * @param retryFailed put failed runs back in the queue first
 * @param staleSeconds a claim without heartbeat for this long is dead (on another host, or a reused pid)
 * @param maxAttempts a run whose worker died this many times is marked failed instead of resumed again
 * @param jvmOptions further JVM options of the workers
 */
public record RunOptions(int workers, int threadsPerWorker, String heap, boolean retryFailed, int staleSeconds,
        int maxAttempts, List<String> jvmOptions) {
    /** Validates the counts. */
    public RunOptions {
        Domains.THREADS.check(workers, "--workers");
        if (threadsPerWorker < 0 || threadsPerWorker > Domains.THREADS.max()) {
            throw new NdswException("--threads-per-worker must be 0 (split the processors) or in [1, "
                    + Domains.THREADS.max() + "], got " + threadsPerWorker);
        }
        if (heap == null || !heap.matches("[0-9]+[kKmMgG]?")) {
            throw new NdswException("--worker-heap must look like 512m or 2g, got " + Quote.of(heap));
        }
        if (staleSeconds < 1 || maxAttempts < 1) {
            throw new NdswException("stale seconds and max attempts must be positive, got " + staleSeconds + " and "
                    + maxAttempts);
        }
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** K workers with the defaults: processors split evenly, 2 GB heap, 60 s stale claims, 3 attempts. */
    public static RunOptions of(int workers) {
        return new RunOptions(workers, 0, "2g", false, 60, 3, List.of());
    }

    /** The same options with failed runs retried or not. */
    public RunOptions withRetryFailed(boolean retry) {
        return new RunOptions(workers, threadsPerWorker, heap, retry, staleSeconds, maxAttempts, jvmOptions);
    }

    /** Engine threads of each worker. */
    public int threads() {
        return threadsPerWorker > 0 ? threadsPerWorker
                : Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    }
}
