package org.ndsw.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.ndsw.app.ProgressSink;

/**
 * Runs tasks on a small pool of daemon threads through {@link javafx.concurrent.Task} — the only place the GUI uses
 * it — and delivers outcomes on the FX thread. Exposes the latest task's message and the number of running tasks for
 * the status bar.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool;
    private final Consumer<Throwable> unhandled;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** A runner with `threads` background threads; failures without a handler go to `unhandled` on the FX thread. */
    public FxTaskRunner(int threads, Consumer<Throwable> unhandled) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ndsw-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.unhandled = unhandled;
    }

    /** Number of tasks not yet finished. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The latest progress message of any task. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public <T> TaskHandle<T> run(String title, Work<T> work) {
        TaskHandle<T> handle = new TaskHandle<>(unhandled);
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title);
                return work.call(new ProgressSink() {
                    @Override
                    public void update(String msg, double fraction) {
                        updateMessage(title + ": " + msg);
                        updateProgress(fraction < 0 ? -1 : Math.min(fraction, 1), 1);
                    }

                    @Override
                    public boolean isCancelled() {
                        return Thread.currentThread().isInterrupted() || isCancelledTask();
                    }
                });
            }

            private boolean isCancelledTask() {
                return super.isCancelled();
            }
        };
        task.messageProperty().addListener((o, a, b) -> message.set(b));
        task.progressProperty().addListener((o, a, b) -> handle.progress(task.getMessage(), b.doubleValue()));
        task.setOnSucceeded(e -> finish(() -> handle.succeed(task.getValue())));
        task.setOnFailed(e -> finish(() -> handle.fail(task.getException())));
        task.setOnCancelled(e -> finish(() -> handle.fail(new java.util.concurrent.CancellationException(title
                + " cancelled"))));
        handle.setCanceller(() -> task.cancel(false));
        running.set(running.get() + 1);
        pool.execute(task);
        return handle;
    }

    private void finish(Runnable deliver) {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            message.set("");
        }
        deliver.run();
    }

    /** Stops accepting tasks; running ones finish on their daemon threads. */
    public void shutdown() {
        pool.shutdownNow();
    }
}
