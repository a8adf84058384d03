package org.ndsw.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ndsw.app.sweep.Interrupts;
import org.ndsw.app.sweep.RunEnds;
import org.ndsw.app.sweep.RunOptions;
import org.ndsw.app.sweep.RunProgress;
import org.ndsw.app.sweep.SweepHandle;
import org.ndsw.app.sweep.SweepListener;
import org.ndsw.app.sweep.SweepOutcome;
import org.ndsw.app.sweep.SweepProgress;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.catalog.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw sweep run NAME`: trains the queued runs with K worker processes, with a progress bar. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the sweep's queued runs, each in its own worker process, K at a time.",
            "Interrupted runs (a killed worker or scheduler) resume from their last checkpoint. Ctrl-C or `ndsw sweep stop NAME`:",
            "workers finish their epoch and exit; run again to continue."})
final class SweepRunCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Parameters(paramLabel = "NAME", description = "The sweep.") String name;
    @Option(names = "--workers", paramLabel = "K", description = "Parallel workers. Default: one per --gpus device,"
            + " else 1.") Integer workers;
    @Option(names = "--gpus", paramLabel = "I,J,...", description = "Pin worker slot k to CUDA device"
            + " I,J,...[k mod N] through CUDA_VISIBLE_DEVICES (round-robin when --workers exceeds the list).")
    String gpus;
    @Option(names = "--retry-failed", description = "Put failed runs back in the queue first.") boolean retryFailed;
    @Option(names = "--threads-per-worker", defaultValue = "0", description = "Engine threads per worker;"
            + " 0 splits the processors evenly. Default: ${DEFAULT-VALUE}.") int threads;
    @Option(names = "--worker-heap", defaultValue = "2g", description = "Java heap of each worker. Default: ${DEFAULT-VALUE}.") String heap;
    @Option(names = "--max-attempts", defaultValue = "3", description = "Fail a run whose worker died this often."
            + " Default: ${DEFAULT-VALUE}.") int maxAttempts;
    @Option(names = "--stale-seconds", defaultValue = "60", description = "A claim without heartbeat for this long"
            + " is dead. Default: ${DEFAULT-VALUE}.") int staleSeconds;
    @Option(names = "--quiet", description = "No progress bar (messages and a line every minute).") boolean quiet;

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null && !quiet;
        ConsoleProgress bar = new ConsoleProgress(err, terminal, quiet ? 60 : 15);
        RunOptions options = options(workers, threads, heap, retryFailed, staleSeconds, maxAttempts, gpus);
        SweepHandle h = new SweepService(catalog.path()).start(name, options, new Listener(bar));
        Interrupts.onInterrupt(() -> {
            bar.println("stopping: workers finish their current epoch and exit (Ctrl-C again does nothing more)");
            h.stop();
        });
        SweepOutcome o = h.await();
        bar.println(String.format(Locale.ROOT, "sweep %s %s after %s: %d done, %d failed, %d left of %d%s", o.sweep(),
                o.stopped() ? "stopped" : "finished", duration(o.seconds()), o.done(), o.failed(), o.pending(),
                o.total(), o.stopped() || o.pending() > 0 ? "; continue with `ndsw sweep run " + name + "`"
                        : o.failed() > 0 ? "; retry with `ndsw sweep run " + name + " --retry-failed`" : ""));
    }

    /** The run options of the flags: without --workers, one worker per listed GPU (else one). */
    static RunOptions options(Integer workers, int threads, String heap, boolean retryFailed, int staleSeconds,
            int maxAttempts, String gpus) {
        List<Integer> devices = RunOptions.parseGpus(gpus);
        int k = workers != null ? workers : Math.max(1, devices.size());
        return new RunOptions(k, threads, heap, retryFailed, staleSeconds, maxAttempts, List.of(), devices);
    }

    /** One line: counts and ETA of the sweep, then each running model. */
    static String line(SweepProgress p) {
        String models = p.models().stream().map(m -> String.format(Locale.ROOT, "#%d e%d/%d %.0f%%%s%s", m.seq(),
                m.epoch(), m.epochs(), 100 * m.fraction(), m.imagesPerSecond() > 0
                        ? String.format(Locale.ROOT, " %.0f img/s", m.imagesPerSecond()) : "",
                m.etaSeconds() >= 0 ? " ETA " + duration(m.etaSeconds()) : "")).collect(Collectors.joining(" | "));
        return String.format(Locale.ROOT, "done %d running %d failed %d pending %d ETA %s%s%s", p.done(), p.running(),
                p.failed(), p.pending(), p.etaSeconds() >= 0 ? duration(p.etaSeconds()) : "?",
                p.stopping() ? " (stopping)" : "", models.isEmpty() ? "" : " | " + models);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /** Draws the bar and prints messages and finished runs. */
    private record Listener(ConsoleProgress bar) implements SweepListener {
        @Override
        public void onProgress(SweepProgress p) {
            bar.update(line(p), p.fraction());
        }

        @Override
        public void onRunEnded(SweepRun r) {
            bar.println(RunEnds.line(r));
        }

        @Override
        public void onMessage(String line) {
            bar.println(line);
        }
    }
}
