package org.ndsw.bench.wholerun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.bench.Stopwatch;

/**
 * Runs one child process to its end, timing it from start to exit; its output goes to files. A child still running
 * when this JVM exits (Ctrl-C, a kill) is ended with it.
 */
final class ChildProcess {
    private static final long POLL_MILLIS = 100;

    private ChildProcess() {}

    /**
     * How a process ended.
     *
     * @param exitCode its exit code
     * @param started the wall-clock instant just before it was started
     * @param wallSeconds from just before starting it until its exit was seen (within 0.1 s)
     * @param cpuSeconds its CPU time (all threads), the last sample before it exited
     */
    record Ended(int exitCode, Instant started, double wallSeconds, double cpuSeconds) {
        /** Seconds from the start of the process to an instant the process reported. */
        double secondsUntil(Instant reported) {
            return Duration.between(started, reported).toNanos() / 1e9;
        }
    }

    /** Runs `command` with these extra environment variables; stdout and stderr go to the two files. */
    static Ended run(List<String> command, Map<String, String> env, Path stdout, Path stderr, ProgressSink cancel) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Instant started = Instant.now();
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new NdswException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Thread reaper = new Thread(p::destroy, "whole-run child reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        Duration cpu = Duration.ZERO;
        try {
            while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                cpu = p.info().totalCpuDuration().orElse(cpu);
                if (cancel.isCancelled()) {
                    p.destroy();
                    throw new NdswException("benchmark cancelled");
                }
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new NdswException("benchmark interrupted", e);
        } finally {
            removeHook(reaper);
        }
        return new Ended(p.exitValue(), started, Stopwatch.since(start), cpu.toNanos() / 1e9);
    }

    /** Drops the hook that ends the child with this JVM (impossible, and unneeded, once the JVM is shutting down). */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is exiting: the hook runs and ends the child, which is what it is for.
        }
    }

    /** The last `lines` lines of a log, for error messages. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())).strip();
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
