package org.ndsw.app.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.Owner;
import org.ndsw.catalog.RunClaim;
import org.ndsw.catalog.RunQueue;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;

/**
 * Runs the queued runs of a sweep with K worker processes until none is left or a stop is requested.
 *
 * <p>Each tick (half a second) it reaps workers that exited, claims queued runs for free slots, tails the workers'
 * logs for progress and publishes a {@link SweepProgress}. At start it puts dead claims back in the queue (a run of a
 * killed scheduler or worker resumes from its checkpoint); a worker that died is resumed up to
 * {@link RunOptions#maxAttempts} times, then its run is failed with the exit code and log tail. A worker that found no
 * usable device (a GPU sweep on a machine without CUDA) has recorded its run as failed; the scheduler then claims no
 * more runs and ends once its other workers did, leaving the rest queued for a machine with the device. Several
 * schedulers (processes) may run the same sweep: they share the queue. Not thread-safe: {@link #requestStop} is the
 * only method for other threads.
 */
final class SweepScheduler {
    private static final long TICK_MILLIS = 500;
    private static final long STALE_CHECK_MILLIS = 5_000;

    private final Path catalogFile;
    private final String sweep;
    private final RunOptions options;
    private final SweepListener listener;
    private final String host = Hosts.name();
    private final long pid = ProcessHandle.current().pid();
    private final Map<Long, Worker> workers = new LinkedHashMap<>();
    private final Map<Long, RunStatus> lastStatus = new HashMap<>();
    private volatile boolean stop;
    private boolean stopWritten;
    private boolean noDevice;

    SweepScheduler(Path catalogFile, String sweep, RunOptions options, SweepListener listener) {
        this.catalogFile = catalogFile;
        this.sweep = sweep;
        this.options = options;
        this.listener = listener;
    }

    /** Asks the scheduler (from any thread) to stop: workers finish their epoch, the runs go back to the queue. */
    void requestStop() {
        stop = true;
    }

    /** Runs until the queue is empty (and no process works on the sweep) or a stop is requested. */
    SweepOutcome run() {
        long t0 = System.nanoTime();
        try (Catalog catalog = Catalog.open(catalogFile)) {
            RunQueue q = catalog.runQueue();
            String engine = SweepService.definition(catalog, sweep).engine();
            q.requestStop(sweep, false);
            if (options.retryFailed()) {
                listener.onMessage(q.retryFailed(sweep) + " failed runs put back in the queue");
            }
            releaseStale(q);
            Throughput throughput = new Throughput();
            long lastStale = System.currentTimeMillis();
            boolean stopped;
            while (true) {
                reap(q);
                boolean stopping = stop || q.stopRequested(sweep);
                if (stopping && !stopWritten) {
                    q.requestStop(sweep, true); // tells the workers, here and in other schedulers
                    stopWritten = true;
                    listener.onMessage("stopping: running workers finish their epoch and exit");
                }
                if (!stopping && !noDevice) {
                    fill(q, engine);
                }
                List<SweepRun> runs = q.runs(sweep);
                publish(runs, throughput, stopping);
                if (workers.isEmpty()) {
                    if (stopping || noDevice) {
                        stopped = true;
                        break;
                    }
                    if (runs.stream().noneMatch(r -> r.status() == RunStatus.QUEUED)) {
                        if (runs.stream().noneMatch(r -> r.status() == RunStatus.RUNNING)) {
                            stopped = false;
                            break;
                        }
                        if (System.currentTimeMillis() - lastStale > STALE_CHECK_MILLIS) {
                            releaseStale(q); // runs of other processes: wait for them, or take them over when dead
                            lastStale = System.currentTimeMillis();
                        }
                    }
                }
                sleep();
            }
            List<SweepRun> runs = q.runs(sweep);
            return new SweepOutcome(sweep, runs.size(), count(runs, RunStatus.DONE), count(runs, RunStatus.FAILED),
                    count(runs, RunStatus.QUEUED) + count(runs, RunStatus.RUNNING), stopped,
                    (System.nanoTime() - t0) / 1e9);
        } finally {
            for (Worker w : workers.values()) {
                w.process.destroy(); // only after an error here: normally no worker is left
            }
        }
    }

    private void releaseStale(RunQueue q) {
        List<Integer> seqs = q.releaseStale(sweep, host, p -> ProcessHandle.of(p).map(ProcessHandle::isAlive)
                .orElse(false), options.staleSeconds() * 1000L, options.maxAttempts());
        if (!seqs.isEmpty()) {
            listener.onMessage("interrupted runs " + seqs + " go back in the queue (resumed from their checkpoints)");
        }
    }

    /** Claims queued runs while a worker slot is free. */
    private void fill(RunQueue q, String engine) {
        while (workers.size() < options.workers()) {
            Optional<RunClaim> claim = q.claimNext(sweep, new Owner(UUID.randomUUID().toString(), host, pid));
            if (claim.isEmpty()) {
                return;
            }
            Path dir = Path.of(q.ticket(claim.get().runId()).checkpointDir());
            Launcher.Settings s = new Launcher.Settings(options.threads(), options.heap(), options.jvmOptions());
            LogFollower follower = new LogFollower(Launcher.logFile(dir));
            int slot = freeSlot();
            int gpu = options.gpuOf(slot);
            Process p;
            try {
                p = Launcher.start(Launcher.command(catalogFile, claim.get(), pid, engine, s), dir, s.threads(), gpu);
            } catch (NdswException e) {
                q.fail(claim.get().runId(), claim.get().token(), e.getMessage(), "");
                throw e;
            }
            workers.put(claim.get().runId(), new Worker(claim.get(), p, follower, slot));
            listener.onMessage(String.format(Locale.ROOT, "run %d: worker pid %d started%s", claim.get().seq(),
                    p.pid(), gpu >= 0 ? " on GPU " + gpu : ""));
        }
    }

    /** The lowest worker slot no running worker holds; slot k uses GPU {@code gpus[k mod N]}. */
    private int freeSlot() {
        int slot = 0;
        while (true) {
            final int k = slot;
            if (workers.values().stream().noneMatch(w -> w.slot == k)) {
                return slot;
            }
            slot++;
        }
    }

    /** Handles workers that exited: a worker that died without recording its run is resumed or failed. */
    private void reap(RunQueue q) {
        for (Iterator<Worker> it = workers.values().iterator(); it.hasNext();) {
            Worker w = it.next();
            if (w.process.isAlive()) {
                continue;
            }
            it.remove();
            int code = w.process.exitValue();
            if (code == SweepWorker.EXIT_NO_DEVICE) {
                noDevice(w);
                continue;
            }
            if (code == SweepWorker.EXIT_OK || code == SweepWorker.EXIT_CLAIM_LOST) {
                continue;
            }
            Path log = w.log.file();
            String tail = LogTail.of(log);
            SweepRun run = q.runs(sweep).stream().filter(r -> r.id() == w.claim.runId()).findFirst().orElseThrow();
            String why = Deaths.reason(code, tail);
            if (Deaths.isOutOfMemory(tail) || run.attempts() >= options.maxAttempts()) {
                String reason = run.attempts() > 1 ? why + " (attempt " + run.attempts() + ")" : why;
                if (q.fail(w.claim.runId(), w.claim.token(), reason, tail)) {
                    listener.onMessage("run " + w.claim.seq() + " failed: " + reason);
                }
            } else if (q.release(w.claim.runId(), w.claim.token(), true)) {
                listener.onMessage("run " + w.claim.seq() + ": " + why + "; back in the queue (attempt "
                        + run.attempts() + " of " + options.maxAttempts() + ")");
            }
        }
    }

    /** Stops claiming after a worker found no usable device; its run is already recorded as failed. */
    private void noDevice(Worker w) {
        if (!noDevice) {
            noDevice = true;
            listener.onMessage("run " + w.claim.seq() + " found no usable device on this machine (see its failure);"
                    + " no more runs are started here, the queued ones wait for a machine with the device");
        }
    }

    private void publish(List<SweepRun> runs, Throughput throughput, boolean stopping) {
        List<RunProgress> models = new ArrayList<>();
        Map<Long, Double> fractions = new HashMap<>();
        for (SweepRun r : runs) {
            Worker w = workers.get(r.id());
            if (w != null) {
                RunProgress p = w.progress(r);
                models.add(p);
                fractions.put(r.id(), p.fraction());
            }
            RunStatus before = lastStatus.put(r.id(), r.status());
            if (before != null && before != r.status() && (r.status() == RunStatus.DONE
                    || r.status() == RunStatus.FAILED || stopping && before == RunStatus.RUNNING
                    && r.status() == RunStatus.QUEUED)) {
                listener.onRunEnded(r);
            }
        }
        double eta = throughput.eta(runs, fractions);
        listener.onProgress(new SweepProgress(sweep, runs.size(), count(runs, RunStatus.DONE),
                count(runs, RunStatus.RUNNING), count(runs, RunStatus.FAILED), count(runs, RunStatus.QUEUED), eta,
                models, stopping));
    }

    private static int count(List<SweepRun> runs, RunStatus s) {
        return (int) runs.stream().filter(r -> r.status() == s).count();
    }

    private static void sleep() {
        try {
            Thread.sleep(TICK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NdswException("the sweep scheduler was interrupted");
        }
    }

    /** A worker process of this scheduler and what it last reported. */
    private static final class Worker {
        final RunClaim claim;
        final Process process;
        final LogFollower log;
        final int slot;
        double firstFraction = -1;
        long firstNanos;

        Worker(RunClaim claim, Process process, LogFollower log, int slot) {
            this.claim = claim;
            this.process = process;
            this.log = log;
            this.slot = slot;
        }

        RunProgress progress(SweepRun r) {
            int maxEp = r.maxEpochs() == null ? 1 : r.maxEpochs();
            var last = log.latest();
            if (last.isEmpty()) {
                return new RunProgress(r.seq(), r.model(), seedOf(r), r.epochs() + 1, maxEp, "starting",
                        (double) r.epochs() / maxEp, Double.NaN, 0, -1);
            }
            var p = last.get();
            double f = ProgressLine.fraction(p);
            long now = System.nanoTime();
            if (firstFraction < 0) {
                firstFraction = f;
                firstNanos = now;
            }
            double eta = f > firstFraction ? (now - firstNanos) / 1e9 * (1 - f) / (f - firstFraction) : -1;
            return new RunProgress(r.seq(), r.model(), seedOf(r), p.epoch(), p.epochs(),
                    p.phase().name().toLowerCase(Locale.ROOT), f, p.top1(), p.imagesPerSecond(), eta);
        }

        private static long seedOf(SweepRun r) {
            return r.seed() == null ? 0 : r.seed();
        }
    }
}
