package org.ndsw.ui.training;

import java.util.Locale;
import org.ndsw.app.sweep.RunProgress;
import org.ndsw.catalog.SweepRun;

/**
 * A row of the runs table: the stored state of a run, with the live progress of its worker while it trains.
 *
 * @param live the worker's latest report, or null when no worker of this window trains it
 */
public record RunItem(SweepRun run, RunProgress live) {
    /** The run's position in the sweep. */
    public int seq() {
        return run.seq();
    }

    /** Short model hash. */
    public String model() {
        return run.model().substring(0, Math.min(10, run.model().length()));
    }

    /** Training seed. */
    public String seed() {
        return run.seed() == null ? "" : run.seed().toString();
    }

    /** Status, with the phase while a worker reports. */
    public String status() {
        String s = run.status().label();
        return live != null ? s + " (" + live.phase() + ")" : s;
    }

    /** "epoch / epochs": finished epochs, or the epoch in progress while live. */
    public String epoch() {
        Integer max = live != null ? Integer.valueOf(live.epochs()) : run.maxEpochs();
        int e = live != null ? live.epoch() : run.epochs();
        return e + " / " + (max == null ? "?" : max);
    }

    /** Best test error so far in %, or "". */
    public String bestError() {
        return run.error() == null ? "" : String.format(Locale.ROOT, "%.2f", run.error());
    }

    /** Images per second of the phase in progress, or "". */
    public String imagesPerSecond() {
        return live == null || live.imagesPerSecond() <= 0 ? "" : String.format(Locale.ROOT, "%.0f",
                live.imagesPerSecond());
    }
}
