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

    /** The phase a worker reports before its first progress line. */
    static final String STARTING = "starting";

    /** Status, with the phase (and the epoch in flight) while a worker reports. */
    public String status() {
        String s = run.status().label();
        if (live == null) {
            return s;
        }
        return STARTING.equals(live.phase()) ? s + " (" + STARTING + ")"
                : s + " (" + live.phase() + ", epoch " + live.epoch() + ")";
    }

    /**
     * "finished / epochs": the epochs finished, so "0 / 100" while a worker is starting or in its first epoch (the
     * epoch in flight is in {@link #status}).
     */
    public String epoch() {
        boolean reporting = live != null && !STARTING.equals(live.phase());
        Integer max = reporting ? Integer.valueOf(live.epochs()) : run.maxEpochs();
        int e = reporting ? Math.max(run.epochs(), live.epoch() - 1) : run.epochs();
        return e + " / " + (max == null ? "?" : max);
    }

    /** Best test error so far in %, or "". */
    public String bestError() {
        return run.error() == null ? "" : String.format(Locale.ROOT, "%.2f", run.error());
    }

    /**
     * Images per second: of the phase in progress while a worker reports, else of the run's last recorded epoch
     * (training), or "" before one was recorded.
     */
    public String imagesPerSecond() {
        if (live != null && live.imagesPerSecond() > 0) {
            return String.format(Locale.ROOT, "%.0f", live.imagesPerSecond());
        }
        Double ips = run.imagesPerSecond();
        return ips == null || !(ips > 0) ? "" : String.format(Locale.ROOT, "%.0f", ips);
    }
}
