package org.ndsw.app.sweep;

import org.ndsw.catalog.SweepRun;

/**
 * Receives what a running sweep does, on the scheduler's thread (a GUI hands it over to its own thread). Every method
 * has an empty default, so a listener overrides only what it shows.
 */
public interface SweepListener {
    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {};

    /** About twice a second: counts, ETA and every running model's progress. */
    default void onProgress(SweepProgress progress) {}

    /**
     * A run reached done or failed (by any process working on the sweep), or went back to the queue while the sweep
     * stops; {@link RunEnds#line} says so in words.
     */
    default void onRunEnded(SweepRun run) {}

    /** A line worth showing: stale runs released, workers started, stopped or died. */
    default void onMessage(String line) {}
}
