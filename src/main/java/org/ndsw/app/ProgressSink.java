package org.ndsw.app;

/**
 * Where a long operation reports progress and learns that it should stop; shown by a console bar or a GUI bar.
 *
 * <p>Operations call {@link #update} as they go and check {@link #isCancelled} at safe points, stopping with
 * {@link java.util.concurrent.CancellationException} when it is true.
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

    /** Reports what is happening and how much is done, in [0, 1], or a negative value when unknown. */
    void update(String message, double fraction);

    /** True once the user asked to stop. */
    boolean isCancelled();
}
