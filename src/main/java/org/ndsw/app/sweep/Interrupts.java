package org.ndsw.app.sweep;

import sun.misc.Signal;

/** SIGINT (Ctrl-C) as a callback instead of the JVM's immediate exit, so runs can stop at an epoch boundary. */
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
}
