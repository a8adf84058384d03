package org.ndsw.cli;

import java.io.PrintWriter;
import org.ndsw.app.ProgressSink;

/** A one-line progress display on stderr, redrawn at most every 200 ms; silent when stderr is not a terminal. */
final class ConsoleProgress implements ProgressSink {
    private static final long PERIOD_NS = 200_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long last;
    private int width;

    ConsoleProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** A display on `err` if this process has a console. */
    static ConsoleProgress on(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null);
    }

    @Override
    public void update(String message, double fraction) {
        long now = System.nanoTime();
        if (!enabled || now - last < PERIOD_NS) {
            return;
        }
        last = now;
        String line = (fraction >= 0 ? String.format("%3.0f%% ", fraction * 100) : "") + message;
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** Clears the line before normal output. */
    void clear() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
