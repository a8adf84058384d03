package org.ndsw.ui.task;

import java.util.function.Consumer;
import org.ndsw.app.ProgressSink;

/** Runs tasks synchronously on the calling thread: the test version of {@link FxTaskRunner}. */
public final class DirectTaskRunner implements TaskRunner {
    private final Consumer<Throwable> unhandled;

    /** A runner whose failures without a handler are rethrown as unchecked exceptions. */
    public DirectTaskRunner() {
        this(t -> {
            throw new IllegalStateException("unhandled task failure", t);
        });
    }

    /** A runner whose failures without a handler go to `unhandled`. */
    public DirectTaskRunner(Consumer<Throwable> unhandled) {
        this.unhandled = unhandled;
    }

    @Override
    public <T> TaskHandle<T> run(String title, Work<T> work) {
        TaskHandle<T> handle = new TaskHandle<>(unhandled);
        try {
            handle.succeed(work.call(ProgressSink.NONE));
        } catch (Exception e) {
            handle.fail(e);
        }
        return handle;
    }
}
