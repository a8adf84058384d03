package org.ndsw.ui.task;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.app.ProgressSink;

/**
 * Runs tasks synchronously on the calling thread: the test version of {@link FxTaskRunner}. The outcome is known
 * before any callback is registered, so it reaches callbacks as they are registered (see {@link TaskHandle}).
 *
 * <p>It fails loudly where the workbench would only show a default error dialog: a task that failed and has no
 * {@code onFailure} callback is an {@link AssertionError} naming the task, raised by the next {@link #run} (the caller
 * registers its callbacks right after {@code run} returns) or by {@link #assertFailuresHandled()}, which view-model
 * tests call after each test. So a view model that forgets {@code onFailure} cannot pass its tests.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final List<Failed> failed = new ArrayList<>();

    @Override
    public <T> TaskHandle<T> run(String title, Work<T> work) {
        assertFailuresHandled();
        TaskHandle<T> handle = new TaskHandle<>(t -> { });
        try {
            handle.succeed(work.call(new ProgressSink() {
                @Override
                public void update(String message, double fraction) {
                    handle.progress(title + ": " + message, fraction);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            }));
        } catch (Exception e) {
            handle.fail(e);
            failed.add(new Failed(title, handle, e));
        }
        return handle;
    }

    /**
     * Throws if a task failed and no {@code onFailure} callback took its failure.
     *
     * @throws AssertionError naming the first such task, with its failure as the cause
     */
    public void assertFailuresHandled() {
        List<Failed> open = failed.stream().filter(f -> !f.handle().failureHandled()).toList();
        failed.clear();
        if (!open.isEmpty()) {
            Failed f = open.get(0);
            throw new AssertionError("task \"" + f.title() + "\" failed and nothing handled it (no onFailure): "
                    + f.error(), f.error());
        }
    }

    private record Failed(String title, TaskHandle<?> handle, Throwable error) {}
}
