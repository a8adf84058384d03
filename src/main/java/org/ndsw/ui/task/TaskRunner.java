package org.ndsw.ui.task;

import org.ndsw.app.ProgressSink;

/**
 * Runs service calls off the FX thread and delivers their outcome on it (STYLE: "one background-task wrapper").
 *
 * <pre>tasks.run("Comparing EDFs", progress -> analysis.compare(a, b, options, progress))
 *      .onSuccess(result::set).onFailure(errors::show).andFinally(() -> busy.set(false));</pre>
 */
public interface TaskRunner {
    /** Starts `work` in the background; callbacks registered on the handle run on the UI thread. */
    <T> TaskHandle<T> run(String title, Work<T> work);

    /** A unit of background work that reports progress. */
    @FunctionalInterface
    interface Work<T> {
        /** Does the work; may throw anything, which reaches onFailure. */
        T call(ProgressSink progress) throws Exception;
    }
}
