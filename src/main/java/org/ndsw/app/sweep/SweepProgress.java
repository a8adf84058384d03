package org.ndsw.app.sweep;

import java.util.List;

/**
 * A snapshot of a running sweep.
 *
 * @param pending runs waiting in the queue
 * @param etaSeconds seconds left at the throughput measured since this scheduler started (epochs per second), or
 *     -1 while nothing has been measured
 * @param models progress of the models this scheduler's workers are training, by seq
 * @param stopping true once a stop was requested: workers finish their epoch and exit
 */
public record SweepProgress(String sweep, int total, int done, int running, int failed, int pending,
        double etaSeconds, List<RunProgress> models, boolean stopping) {
    /** Copies the list. */
    public SweepProgress {
        models = List.copyOf(models);
    }

    /** Fraction of the runs that reached an end (done or failed). */
    public double fraction() {
        return total == 0 ? 1 : (double) (done + failed) / total;
    }
}
