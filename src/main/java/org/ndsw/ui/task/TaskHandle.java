package org.ndsw.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The outcome of one background task. Callbacks registered after completion run at once, so registration order never
 * loses an outcome; every failure reaches the failure callbacks (or the default handler if none was registered).
 */
public final class TaskHandle<T> {
    private final List<Consumer<T>> successes = new ArrayList<>();
    private final List<Consumer<Throwable>> failures = new ArrayList<>();
    private final List<Runnable> finals = new ArrayList<>();
    private final List<Progress> progress = new ArrayList<>();
    private final Consumer<Throwable> unhandled;
    private Runnable canceller = () -> {};
    private boolean done;
    private boolean failureHandled;
    private T value;
    private Throwable error;

    TaskHandle(Consumer<Throwable> unhandled) {
        this.unhandled = unhandled;
    }

    /** Runs `c` with the result when the task succeeds. */
    public synchronized TaskHandle<T> onSuccess(Consumer<T> c) {
        if (done && error == null) {
            c.accept(value);
        } else if (!done) {
            successes.add(c);
        }
        return this;
    }

    /** Runs `c` with the error when the task fails or is cancelled. */
    public synchronized TaskHandle<T> onFailure(Consumer<Throwable> c) {
        failureHandled = true;
        if (done && error != null) {
            c.accept(error);
        } else if (!done) {
            failures.add(c);
        }
        return this;
    }

    /** Runs `r` after success or failure. */
    public synchronized TaskHandle<T> andFinally(Runnable r) {
        if (done) {
            r.run();
        } else {
            finals.add(r);
        }
        return this;
    }

    /** Runs `p` with each progress report of the task (message and fraction, negative when unknown). */
    public synchronized TaskHandle<T> onProgress(Progress p) {
        progress.add(p);
        return this;
    }

    /** Receives a task's progress on the UI thread. */
    @FunctionalInterface
    public interface Progress {
        /** A report: what is happening and the fraction done in [0, 1], or negative when unknown. */
        void update(String message, double fraction);
    }

    /** Asks the task to stop; its work sees isCancelled() and its outcome becomes a failure. */
    public void cancel() {
        canceller.run();
    }

    /** True once an {@link #onFailure} callback is registered, before or after the outcome. */
    synchronized boolean failureHandled() {
        return failureHandled;
    }

    synchronized void setCanceller(Runnable r) {
        canceller = r;
    }

    synchronized void progress(String message, double fraction) {
        if (!done) {
            progress.forEach(p -> p.update(message, fraction));
        }
    }

    synchronized void succeed(T result) {
        done = true;
        value = result;
        successes.forEach(c -> c.accept(result));
        finals.forEach(Runnable::run);
    }

    synchronized void fail(Throwable t) {
        done = true;
        error = t;
        if (failures.isEmpty()) {
            unhandled.accept(t);
        }
        failures.forEach(c -> c.accept(t));
        finals.forEach(Runnable::run);
    }
}
