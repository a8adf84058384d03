package org.ndsw.ui.task;

import org.ndsw.app.ProgressSink;

/**
 * Runs tasks synchronously on the calling thread: the test version of {@link FxTaskRunner}. The outcome is known
 * before any callback is registered, so it reaches callbacks as they are registered (see {@link TaskHandle}).
 */
public final class DirectTaskRunner implements TaskRunner {
    @Override
    public <T> TaskHandle<T> run(String title, Work<T> work) {
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
        }
        return handle;
    }
}
