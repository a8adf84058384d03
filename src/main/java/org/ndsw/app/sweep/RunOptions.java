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
 * @param gpus CUDA device indices, one per worker slot: worker slot k sees only {@code gpus[k mod N]} through
 *     {@code CUDA_VISIBLE_DEVICES} (round-robin when there are more workers than GPUs); empty leaves the variable as
 *     this process has it
 */
public record RunOptions(int workers, int threadsPerWorker, String heap, boolean retryFailed, int staleSeconds,
        int maxAttempts, List<String> jvmOptions, List<Integer> gpus) {
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
        gpus = List.copyOf(gpus);
        for (int i = 0; i < gpus.size(); i++) {
            int g = gpus.get(i);
            if (g < 0 || g > MAX_GPU) {
                throw new NdswException("--gpus: a CUDA device index is in [0, " + MAX_GPU + "], got " + g);
            }
            if (gpus.subList(0, i).contains(g)) {
                throw new NdswException("--gpus: device " + g + " is listed twice in " + gpus);
            }
        }
    }

    /** The highest CUDA device index accepted. */
    public static final int MAX_GPU = 255;

    /** Options without GPU pinning. */
    public RunOptions(int workers, int threadsPerWorker, String heap, boolean retryFailed, int staleSeconds,
            int maxAttempts, List<String> jvmOptions) {
        this(workers, threadsPerWorker, heap, retryFailed, staleSeconds, maxAttempts, jvmOptions, List.of());
    }

    /** K workers with the defaults: processors split evenly, 2 GB heap, 60 s stale claims, 3 attempts. */
    public static RunOptions of(int workers) {
        return new RunOptions(workers, 0, "2g", false, 60, 3, List.of());
    }

    /** The same options with failed runs retried or not. */
    public RunOptions withRetryFailed(boolean retry) {
        return new RunOptions(workers, threadsPerWorker, heap, retry, staleSeconds, maxAttempts, jvmOptions, gpus);
    }

    /** The same options with each worker slot pinned to one of these CUDA devices (round-robin). */
    public RunOptions withGpus(List<Integer> devices) {
        return new RunOptions(workers, threadsPerWorker, heap, retryFailed, staleSeconds, maxAttempts, jvmOptions,
                devices);
    }

    /** The CUDA device of worker slot `slot` (0-based), or -1 when workers are not pinned. */
    public int gpuOf(int slot) {
        return gpus.isEmpty() ? -1 : gpus.get(slot % gpus.size());
    }

    /** Parses a `--gpus` list such as "0,1,2,3" (blank: none). */
    public static List<Integer> parseGpus(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new NdswException("--gpus: expected CUDA device indices separated by commas such as 0,1,2,3, got "
                        + Quote.of(text));
            }
        }
        return List.copyOf(out);
    }

    /** Engine threads of each worker. */
    public int threads() {
        return threadsPerWorker > 0 ? threadsPerWorker
                : Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    }
}
