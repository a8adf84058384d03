package org.ndsw.app.sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.RunQueue;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.RunTicket;
import org.ndsw.train.DeviceUnavailableException;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.TrainingResult;

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

    /**
     * What the worker is told on its command line.
     *
     * @param parentPid the scheduler's pid: the worker stops when it is gone; 0 for none (a cluster job)
     * @param threads compute threads of the engine
     */
    public record Request(Path catalog, long runId, String token, long parentPid, int threads) {}

    private final Request request;
    private final PrintStream log;
    private final RunTrainer trainer;
    private volatile boolean lost;

    private SweepWorker(Request request, PrintStream log) {
        this.request = request;
        this.log = log;
        this.trainer = new RunTrainer(log);
    }

    /** Trains the run and returns the process exit code; `log` is the worker's output (its log file). */
    public static int run(Request request, PrintStream log) {
        return new SweepWorker(request, log).run();
    }

    private int run() {
        // Ctrl-C in the scheduler's terminal reaches the workers too: finish the epoch, then stop.
        Interrupts.onInterrupt(() -> trainer.requestStop("interrupted"));
        try (Catalog catalog = Catalog.open(request.catalog())) {
            RunQueue queue = catalog.runQueue();
            RunTicket ticket = queue.ticket(request.runId());
            if (ticket.status() != RunStatus.RUNNING || !request.token().equals(ticket.owner())
                    || !queue.attach(request.runId(), request.token(), ProcessHandle.current().pid())) {
                log.println("run " + request.runId() + " is not claimed by token " + request.token() + " (status "
                        + ticket.status().label() + "); nothing to do");
                return EXIT_CLAIM_LOST;
            }
            String cuda = System.getenv(Launcher.CUDA_VISIBLE_DEVICES);
            if (cuda != null) {
                log.println("run " + request.runId() + ": " + Launcher.CUDA_VISIBLE_DEVICES + "=" + cuda);
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
        RunTrainer.Outcome out = trainer.train(ticket, request.threads(), new RunTrainer.Sink() {
            @Override
            public boolean epochs(List<EpochRecord> epochs) {
                return queue.recordEpochs(request.runId(), request.token(), epochs.size(), Outcomes.best(epochs),
                        epochs.get(epochs.size() - 1).testTop1(), Outcomes.curves(epochs));
            }

            @Override
            public boolean stopRequested() {
                return queue.stopRequested(ticket.sweep());
            }
        });
        if (out.lost() || lost) {
            log.println("the claim on run " + ticket.runId() + " was taken over; nothing recorded");
            return EXIT_CLAIM_LOST;
        }
        if (out.stopped()) {
            log.println("run back in the queue");
            return queue.release(request.runId(), request.token(), false) ? EXIT_OK : EXIT_CLAIM_LOST;
        }
        TrainingResult result = out.result();
        String failure = Outcomes.failure(result);
        boolean recorded = queue.finish(request.runId(), request.token(), Outcomes.entry(ticket, result),
                failure, failure == null ? null : LogTail.of(Launcher.logFile(Path.of(ticket.checkpointDir()))));
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
                        trainer.markLost();
                    }
                    if (q.stopRequested(sweep)) {
                        trainer.requestStop("the sweep was asked to stop");
                    }
                    if (request.parentPid() > 0 && !ProcessHandle.of(request.parentPid())
                            .map(ProcessHandle::isAlive).orElse(false)) {
                        trainer.requestStop("the scheduler is gone");
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
}
