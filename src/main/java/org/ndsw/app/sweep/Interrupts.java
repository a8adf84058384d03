package org.ndsw.app.sweep;

import sun.misc.Signal;

/**
 * SIGINT (Ctrl-C) and SIGTERM as callbacks instead of the JVM's immediate exit, so runs can stop at an epoch boundary.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported, kept exported for exactly this use) is the only way in Java 17 to
 * handle a signal without exiting; the compiler warns about it. A process started with SIGINT ignored (a background job
 * of a non-interactive shell) keeps ignoring it.
 */
public final class Interrupts {
    private Interrupts() {}

    /** Calls `action` on every SIGINT; where signals cannot be handled, leaves the JVM's default. */
    public static void onInterrupt(Runnable action) {
        try {
            Signal.handle(new Signal("INT"), s -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT here (or the JVM reserves it, e.g. with -Xrs): Ctrl-C keeps its default behaviour.
        }
    }

    /**
     * Calls `action` on SIGTERM instead of exiting (a cluster scheduler sends it before preemption and time limits);
     * where signals cannot be handled, leaves the JVM's default (shutdown hooks, then exit).
     */
    public static void onTerminate(Runnable action) {
        try {
            Signal.handle(new Signal("TERM"), s -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // SIGTERM reserved (e.g. -Xrs): the JVM exits as usual and the run resumes from its last checkpoint.
        }
    }
}
