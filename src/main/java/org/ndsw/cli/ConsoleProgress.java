package org.ndsw.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.ndsw.app.ProgressSink;

/**
 * A progress bar on the console's error stream.
 *
 * <p>On a terminal the bar redraws in place a few times a second; otherwise (a log file, a test) it prints a plain
 * line at most every `quietSeconds`. Permanent lines go through {@link #println}.
 */
public final class ConsoleProgress implements ProgressSink {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final long quietNanos;
    private long last = Long.MIN_VALUE;
    private int drawn;

    public ConsoleProgress(PrintWriter err, boolean terminal, double quietSeconds) {
        this.err = err;
        this.terminal = terminal;
        this.quietNanos = (long) (quietSeconds * 1e9);
    }

    /** A bar on `err` that draws only when this process has a console; silent in logs and tests. */
    public static ConsoleProgress on(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null, Double.POSITIVE_INFINITY);
    }

    @Override
    public void update(String message, double fraction) {
        if (!terminal && quietNanos == Long.MAX_VALUE) {
            return;
        }
        long now = System.nanoTime();
        if (last != Long.MIN_VALUE && now - last < (terminal ? REDRAW_NANOS : quietNanos)) {
            return;
        }
        last = now;
        String line = (fraction < 0 ? "" : bar(fraction) + " ") + message;
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
            drawn = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Erases the bar before normal output. */
    public void clear() {
        if (terminal && drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }

    /** Prints a permanent line, clearing the bar first. */
    public void println(String line) {
        clear();
        err.println(line);
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    static String bar(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        int full = (int) Math.round(f * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%", "#".repeat(full), ".".repeat(WIDTH - full), 100 * f);
    }
}
