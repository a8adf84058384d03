package org.ndsw.app;

/**
 * Where a long operation reports progress and learns it should stop: a console bar, a GUI bar, or nothing.
 *
 * <p>Operations call {@link #update} now and then and check {@link #isCancelled} at the same points; on cancellation
 * they stop with an NdswException and leave stored data as it was.
 */
public interface ProgressSink {
    /** A sink that shows nothing and never cancels. */
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void update(String message, double fraction) {
            // Nothing to show.
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports what is happening and the fraction done in [0, 1] (negative when unknown). */
    void update(String message, double fraction);

    /** True once the user asked to stop. */
    boolean isCancelled();
}
