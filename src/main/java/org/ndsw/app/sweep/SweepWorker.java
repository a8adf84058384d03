package org.ndsw.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.RunQueue;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.RunTicket;
import org.ndsw.space.SpecJson;
import org.ndsw.train.Checkpoints;
import org.ndsw.train.DataSummary;
import org.ndsw.train.DeviceUnavailableException;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.Progress;
import org.ndsw.train.ResultJson;
import org.ndsw.train.Preload;
import org.ndsw.train.Seeds;
import org.ndsw.train.Status;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.TrainingJob;
import org.ndsw.train.TrainingListener;
import org.ndsw.train.TrainingResult;
import org.ndsw.train.TrainingService;
import org.ndsw.train.data.Cifar10;

/**
 * Trains one claimed run of a sweep inside a worker process (`ndsw sweep worker`) and records it in the catalogue.
 *
 * <p>The worker resumes from the run's checkpoint when there is one, writes the whole curves after every epoch, renews
 * its claim every {@link #HEARTBEAT_MILLIS} ms on a second connection, and stops at the next epoch boundary when the
 * sweep is asked to stop, its scheduler dies or it gets SIGINT; the run then goes back to the queue. Every write names
 * the claim token, so a worker whose claim was taken over records nothing.
 */
public final class SweepWorker {
    /** Exit code: the run was recorded (done or failed) or put back in the queue. */
    public static final int EXIT_OK = 0;
    /** Exit code: the claim was not (or no longer) this worker's; nothing was recorded. */
    public static final int EXIT_CLAIM_LOST = 3;
    /**
     * Exit code: the run was recorded as failed because this machine cannot train on the sweep's device (no CUDA
     * device, CPU-only natives); every other run would fail the same way here, so the scheduler claims no more.
     */
    public static final int EXIT_NO_DEVICE = 4;
    /** How often the claim is renewed and the stop request read. */
    static final long HEARTBEAT_MILLIS = 2_000;
    private static final long PROGRESS_NANOS = 1_000_000_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * What the worker is told on its command line.
     *
     * @param parentPid the scheduler's pid: the worker stops when it is gone; 0 for none (a cluster job)
     * @param threads compute threads of the engine
     */
    public record Request(Path catalog, long runId, String token, long parentPid, int threads) {}

    private final Request request;
    private final PrintStream log;
    private volatile boolean stop;
    private volatile boolean lost;
    private volatile String stopReason = "";

    private SweepWorker(Request request, PrintStream log) {
        this.request = request;
        this.log = log;
    }

    /** Trains the run and returns the process exit code; `log` is the worker's output (its log file). */
    public static int run(Request request, PrintStream log) {
        return new SweepWorker(request, log).run();
    }

    /** Asks the worker to stop at the next epoch boundary (SIGINT, a GUI in the same process). */
    private synchronized void requestStop(String why) {
        if (!stop) {
            stopReason = why;
            stop = true;
        }
    }

    private int run() {
        // Ctrl-C in the scheduler's terminal reaches the workers too: finish the epoch, then stop.
        Interrupts.onInterrupt(() -> requestStop("interrupted"));
        try (Catalog catalog = Catalog.open(request.catalog())) {
            RunQueue queue = catalog.runQueue();
            RunTicket ticket = queue.ticket(request.runId());
            if (ticket.status() != RunStatus.RUNNING || !request.token().equals(ticket.owner())
                    || !queue.attach(request.runId(), request.token(), ProcessHandle.current().pid())) {
                log.println("run " + request.runId() + " is not claimed by token " + request.token() + " (status "
                        + ticket.status().label() + "); nothing to do");
                return EXIT_CLAIM_LOST;
            }
            Thread beat = heartbeat(ticket.sweep());
            try {
                return train(queue, ticket);
            } finally {
                beat.interrupt();
            }
        } catch (NdswException e) {
            log.println("ndsw: " + e.getMessage());
            return failAndExit(e.getMessage());
        } catch (OutOfMemoryError e) {
            return failAndExit("out of memory: " + e.getMessage() + " (raise the worker heap, --worker-heap)");
        }
    }

    private int train(RunQueue queue, RunTicket ticket) {
        SweepDefinition def = DefinitionJson.parse(ticket.definition(), "sweep " + ticket.sweep());
        Path dir = Path.of(ticket.checkpointDir());
        boolean resume = Files.exists(dir.resolve(Checkpoints.STATE));
        List<EpochRecord> epochs = new ArrayList<>(resume ? checkpointEpochs(dir) : List.of());
        log.printf(Locale.ROOT, "run id %d (sweep %s, seq %d, seed %d): %s from %s%n", ticket.runId(), ticket.sweep(),
                ticket.seq(), ticket.seed(), resume ? "resuming after epoch " + epochs.size() : "starting",
                ticket.net());
        EngineOptions options = new EngineOptions(def.device(), request.threads());
        TrainingEngine engine = TrainingEngines.find(def.engine());
        Preload preload = Preload.start(engine, options);
        Cifar10 data = Cifar10.load(Path.of(def.data()), def.trainSubset(), def.testSubset(),
                def.subsetSeed());
        preload.await();
        DataSummary summary = new DataSummary(data.name(), data.format(), def.data(), data.train().size(),
                data.test().size(), def.trainSubset(), def.testSubset());
        long seed = ticket.seed();
        TrainingJob job = new TrainingJob(SpecJson.parseNet(readTree(ticket.net())), ticket.space(), data, summary,
                def.recipe(), seed, Seeds.of(seed), options, dir, resume);
        Listener listener = new Listener(queue, ticket.sweep(), epochs, def.recipe().epochs());
        TrainingResult result = new TrainingService(engine).run(job, listener);
        if (lost) {
            log.println("the claim on run " + ticket.runId() + " was taken over; nothing recorded");
            return EXIT_CLAIM_LOST;
        }
        boolean cancelled = String.valueOf(result.error()).startsWith("training cancelled");
        if (result.status() == Status.FAILED && stop && cancelled) {
            log.println("stopped (" + stopReason + ") after epoch " + result.epochs().size()
                    + "; run back in the queue");
            return queue.release(request.runId(), request.token(), false) ? EXIT_OK : EXIT_CLAIM_LOST;
        }
        log.println(Outcomes.summary(result));
        String failure = Outcomes.failure(result);
        boolean recorded = queue.finish(request.runId(), request.token(), Outcomes.entry(ticket, result),
                failure, failure == null ? null : LogTail.of(Launcher.logFile(dir)));
        if (recorded && result.failure() instanceof DeviceUnavailableException) {
            log.println("this machine cannot train on " + def.device().cliName() + "; no more runs are claimed here");
            return EXIT_NO_DEVICE;
        }
        return recorded ? EXIT_OK : EXIT_CLAIM_LOST;
    }

    /** Records a failure with a fresh connection (the first may be what failed) and returns the exit code. */
    private int failAndExit(String reason) {
        try (Catalog c = Catalog.open(request.catalog())) {
            RunQueue q = c.runQueue();
            String dir = q.ticket(request.runId()).checkpointDir();
            boolean recorded = q.fail(request.runId(), request.token(), reason,
                    LogTail.of(dir == null ? null : Launcher.logFile(Path.of(dir))));
            return recorded ? EXIT_OK : EXIT_CLAIM_LOST;
        } catch (RuntimeException e) {
            log.println("ndsw: cannot record the failure: " + e.getMessage());
            return 1;
        }
    }

    /** Renews the claim and reads the stop request on its own connection; stops the run when the scheduler dies. */
    private Thread heartbeat(String sweep) {
        Thread t = new Thread(() -> {
            try (Catalog c = Catalog.open(request.catalog())) {
                RunQueue q = c.runQueue();
                while (!Thread.currentThread().isInterrupted()) {
                    if (!q.heartbeat(request.runId(), request.token())) {
                        lost = true;
                    }
                    if (q.stopRequested(sweep)) {
                        requestStop("the sweep was asked to stop");
                    }
                    if (request.parentPid() > 0 && !ProcessHandle.of(request.parentPid())
                            .map(ProcessHandle::isAlive).orElse(false)) {
                        requestStop("the scheduler is gone");
                    }
                    Thread.sleep(HEARTBEAT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.println("ndsw: heartbeat stopped: " + e.getMessage());
            }
        }, "heartbeat");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static List<EpochRecord> checkpointEpochs(Path dir) {
        try {
            return ResultJson.parseEpochs(MAPPER.readTree(dir.resolve(Checkpoints.STATE).toFile()).get("epochs"));
        } catch (IOException | RuntimeException e) {
            throw new NdswException(dir.resolve(Checkpoints.STATE) + ": cannot read the epochs: " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new NdswException("a stored net is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Prints progress lines, records every epoch and stops at epoch boundaries when asked. */
    private final class Listener implements TrainingListener {
        private final RunQueue queue;
        private final String sweep;
        private final List<EpochRecord> epochs;
        private final int total;
        private long lastLine = System.nanoTime() - PROGRESS_NANOS;
        private boolean atBoundary = true;

        Listener(RunQueue queue, String sweep, List<EpochRecord> epochs, int total) {
            this.queue = queue;
            this.sweep = sweep;
            this.epochs = epochs;
            this.total = total;
        }

        @Override
        public void onProgress(Progress p) {
            atBoundary = false;
            long now = System.nanoTime();
            if (now - lastLine >= PROGRESS_NANOS || p.batch() == p.batches()) {
                lastLine = now;
                log.println(ProgressLine.format(p));
            }
        }

        @Override
        public void onEpoch(EpochRecord r) {
            epochs.removeIf(e -> e.epoch() >= r.epoch());
            epochs.add(r);
            atBoundary = true;
            log.println(org.ndsw.app.train.TrainingProgress.summary(r, total));
            if (!queue.recordEpochs(request.runId(), request.token(), epochs.size(), Outcomes.best(epochs),
                    r.testTop1(), Outcomes.curves(epochs))) {
                lost = true;
            }
            if (queue.stopRequested(sweep)) { // read here too, so a stop never waits for the next heartbeat
                requestStop("the sweep was asked to stop");
            }
        }

        @Override
        public boolean isCancelled() {
            return lost || stop && atBoundary;
        }
    }
}
