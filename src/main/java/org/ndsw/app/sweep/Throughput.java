package org.ndsw.app.sweep;

import java.util.List;
import java.util.Map;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;

/**
 * The sweep's ETA from its measured throughput: epochs trained (fractions of running epochs included) per second
 * since this scheduler started, applied to the epochs left in queued and running runs. Failed runs count as neither.
 */
final class Throughput {
    private double startWork = -1;
    private long startNanos;

    /** Seconds left, or -1 until some work has been measured. */
    double eta(List<SweepRun> runs, Map<Long, Double> fractions) {
        double total = 0;
        double done = 0;
        for (SweepRun r : runs) {
            int maxEp = r.maxEpochs() == null ? 1 : r.maxEpochs();
            if (r.status() == RunStatus.FAILED) {
                continue;
            }
            total += maxEp;
            Double f = fractions.get(r.id());
            done += r.status() == RunStatus.DONE ? maxEp : f != null ? Math.max(f * maxEp, r.epochs()) : r.epochs();
        }
        long now = System.nanoTime();
        if (startWork < 0) {
            startWork = done;
            startNanos = now;
            return -1;
        }
        double rate = (done - startWork) / ((now - startNanos) / 1e9);
        return rate > 0 ? (total - done) / rate : -1;
    }
}
