package org.ndsw.train;

/**
 * Loads a training engine's native code on a background thread while the caller reads its data, so that a run's
 * start-up costs the longer of the two instead of their sum.
 *
 * <p>A RuntimeException of the preload is dropped: {@link TrainingEngine#build} meets the same failure again and reports
 * it where it always does, in the run's record. An Error (a native library that cannot link) is rethrown by
 * {@link #await}, as it would have been thrown by the first use of the engine.
 */
public final class Preload {
    private final Thread thread;
    private volatile Error error;

    private Preload(TrainingEngine engine, EngineOptions options) {
        thread = new Thread(() -> {
            try {
                engine.preload(options);
            } catch (RuntimeException e) {
                // Reported again, with the run, when the engine is used.
            } catch (Error e) {
                error = e;
            }
        }, "ndsw-engine-preload");
        thread.setDaemon(true);
    }

    /** Starts loading the engine's native code for these options. */
    public static Preload start(TrainingEngine engine, EngineOptions options) {
        Preload p = new Preload(engine, options);
        p.thread.start();
        return p;
    }

    /** Waits until the engine is loaded (or failed to load). */
    public void await() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error != null) {
            throw error;
        }
    }
}
