package org.ndsw.app;

/**
 * Where a long operation reports progress and learns that it should stop.
 *
 * <p>The console shows it as a progress bar, the GUI as a progress bar of its own; tests use {@link #NONE}.
 */
public interface ProgressSink {
    /** A sink that shows nothing and never cancels. */
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void update(String message, double fraction) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports what is happening and the fraction done, in [0, 1]. */
    void update(String message, double fraction);

    /** True once the user asked to stop; the operation stops at its next check. */
    boolean isCancelled();
}
