package org.ndsw.app.sweep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.ndsw.NdswException;

/** A sweep running on a background thread of this process (the GUI's handle on it). */
public final class SweepHandle {
    private final SweepScheduler scheduler;
    private final CompletableFuture<SweepOutcome> outcome = new CompletableFuture<>();

    private SweepHandle(SweepScheduler scheduler) {
        this.scheduler = scheduler;
    }

    static SweepHandle start(SweepScheduler scheduler, String sweep) {
        SweepHandle h = new SweepHandle(scheduler);
        Thread t = new Thread(() -> {
            try {
                h.outcome.complete(scheduler.run());
            } catch (Throwable e) {
                h.outcome.completeExceptionally(e);
            }
        }, "sweep " + sweep);
        t.setDaemon(true);
        t.start();
        return h;
    }

    /** Asks the sweep to stop: workers finish their epoch and exit; returns at once (see {@link #await}). */
    public void stop() {
        scheduler.requestStop();
    }

    /** True while the scheduler runs. */
    public boolean isRunning() {
        return !outcome.isDone();
    }

    /** The outcome, as a future (completes exceptionally with the scheduler's error). */
    public CompletableFuture<SweepOutcome> outcome() {
        return outcome;
    }

    /** Waits for the scheduler to end and returns how it ended; rethrows its error. */
    public SweepOutcome await() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NdswException("interrupted while waiting for the sweep", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new NdswException("the sweep scheduler failed: " + e.getCause(), e.getCause());
        }
    }
}
