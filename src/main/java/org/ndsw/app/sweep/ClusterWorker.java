package org.ndsw.app.sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.ndsw.NdswException;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.ResultJson;
import org.ndsw.train.TrainingResult;

/**
 * Trains one run of a cluster job file (`ndsw sweep worker --job FILE --result DIR`) with the same trainer as local
 * workers, but records into files, never the catalogue: the progress file after every epoch (and every
 * {@link #ALIVE_MILLIS} ms, so a collector can tell a live task from a lost one), the result file at the end. On
 * SIGTERM or SIGINT it stops at the next epoch boundary and exits with {@link #EXIT_STOPPED}; started again (a
 * requeued task) it resumes from the checkpoint.
 */
public final class ClusterWorker {
    /** Exit code: the run was trained and its result file written (done or failed). */
    public static final int EXIT_OK = 0;
    /** Exit code: stopped at an epoch boundary by a signal; the checkpoint is kept and a requeue resumes it. */
    public static final int EXIT_STOPPED = 75;
    /** How often the progress file is rewritten while an epoch runs. */
    static final long ALIVE_MILLIS = 60_000;

    private ClusterWorker() {}

    /** Trains the job's run and returns the process exit code. */
    public static int run(Path jobFile, Path resultDir, int threads, PrintStream log) {
        ClusterFiles.Job job = ClusterFiles.readJob(jobFile);
        RunTrainer trainer = new RunTrainer(log);
        Interrupts.onInterrupt(() -> trainer.requestStop("interrupted"));
        Interrupts.onTerminate(() -> trainer.requestStop("SIGTERM"));
        Path progress = ClusterFiles.progressFile(resultDir, job.seq());
        AtomicReference<List<EpochRecord>> done = new AtomicReference<>(List.of());
        ClusterFiles.writeProgress(job, done.get(), progress);
        Thread alive = alive(job, done, progress, log);
        try {
            RunTrainer.Outcome out = trainer.train(job.ticket(), threads, new RunTrainer.Sink() {
                @Override
                public boolean epochs(List<EpochRecord> epochs) {
                    done.set(epochs);
                    ClusterFiles.writeProgress(job, epochs, progress);
                    return true;
                }

                @Override
                public boolean stopRequested() {
                    return false;
                }
            });
            if (out.stopped()) {
                log.println("checkpoint kept in " + job.checkpointDir() + "; a requeued task resumes from it");
                return EXIT_STOPPED;
            }
            record(job, out.result(), resultDir);
            return EXIT_OK;
        } catch (NdswException e) {
            log.println("ndsw: " + e.getMessage());
            recordFailure(job, e.getMessage(), resultDir);
            return EXIT_OK;
        } catch (OutOfMemoryError e) {
            recordFailure(job, "out of memory: " + e.getMessage() + " (raise the worker heap, --heap)", resultDir);
            return EXIT_OK;
        } finally {
            alive.interrupt();
        }
    }

    private static void record(ClusterFiles.Job job, TrainingResult r, Path resultDir) {
        String failure = Outcomes.failure(r);
        ClusterFiles.writeResult(job, ResultJson.toJson(r), Outcomes.entry(job.ticket(), r), failure,
                failure == null ? null : LogTail.of(Launcher.logFile(job.checkpointDir())),
                ClusterFiles.resultFile(resultDir, job.seq()));
    }

    private static void recordFailure(ClusterFiles.Job job, String reason, Path resultDir) {
        var entry = new org.ndsw.catalog.RunEntry(job.seq(), job.seed(), org.ndsw.catalog.RunStatus.FAILED, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        ClusterFiles.writeResult(job, ClusterFiles.MAPPER.createObjectNode(), entry, reason, null,
                ClusterFiles.resultFile(resultDir, job.seq()));
    }

    /** Rewrites the progress file now and then, so its age tells whether the task is alive. */
    private static Thread alive(ClusterFiles.Job job, AtomicReference<List<EpochRecord>> done, Path progress,
            PrintStream log) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(ALIVE_MILLIS);
                    ClusterFiles.writeProgress(job, done.get(), progress);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.println("ndsw: cannot write the progress file: " + e.getMessage());
            }
        }, "alive");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
