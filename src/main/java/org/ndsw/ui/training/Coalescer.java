package org.ndsw.ui.training;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands events of a background thread to the UI thread without flooding it: however many events arrive, at most one
 * hand-over is pending, and it runs `flush` once, which reads whatever state the events left.
 */
final class Coalescer {
    private final Executor ui;
    private final Runnable flush;
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Runs `flush` on `ui` (Platform::runLater in the window). */
    Coalescer(Executor ui, Runnable flush) {
        this.ui = ui;
        this.flush = flush;
    }

    /** Notes that something changed; a flush follows soon. */
    void poke() {
        if (pending.compareAndSet(false, true)) {
            ui.execute(() -> {
                pending.set(false);
                flush.run();
            });
        }
    }
}
