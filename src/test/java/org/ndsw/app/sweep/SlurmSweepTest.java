package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;

/**
 * A sweep trained by a real single-node SLURM (packaging/slurm/single-node.sh, as root): the plan is submitted as a job
 * array; one running task gets SIGTERM and is requeued, another task's worker is killed with -9; collects run while
 * the array runs and after it ends; the lost run is planned again. Every run must finish exactly once with whole
 * curves, and the catalogue must equal a local run's apart from timings.
 */
@Tag("slow")
class SlurmSweepTest {
    private static final int MODELS = 6;
    private static final int EPOCHS = 2;
    private static final Duration PATIENCE = Duration.ofMinutes(8);
    private static final Path SCRIPT = Path.of("packaging/slurm/single-node.sh").toAbsolutePath();

    @TempDir Path dir;
    private final List<ClusterCollect.Report> reports = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "a single-node SLURM needs root (SlurmUser=root, daemons); skipped as " + System.getProperty("user.name"));
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), "up").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor() == 0, "packaging/slurm/single-node.sh up failed (slurm-wlm and munge"
                + " missing or not installable?):\n" + out);
    }

    @AfterAll
    static void down() throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("bash", SCRIPT.toString(), "down").inheritIO().start().waitFor();
        }
    }

    @Test
    void anArrayWithATermedRequeuedTaskAndAKilledWorkerRecordsEveryRunOnceAsALocalRunDoes() throws Exception {
        Path data = SweepFixtures.data(dir, 1500, 100); // epochs of a few seconds: time to signal and kill
        Path space = SweepFixtures.tinySpace(dir);
        Path local = dir.resolve("local.db");
        Path cluster = dir.resolve("cluster.db");
        new SweepService(local).create(SweepFixtures.definition("s", space, data, MODELS, EPOCHS), null);
        new SweepService(cluster).create(SweepFixtures.definition("s", space, data, MODELS, EPOCHS), null);

        Path plan = dir.resolve("plan");
        ClusterPlan.write(cluster, "s", plan, false, options());
        String job = submit(plan);

        // Two tasks train at once (--limit 2): one gets SIGKILL, the other SIGTERM and a requeue.
        int killed = runningTask(job, -1);
        int termed = runningTask(job, killed);
        waitForProgress(plan, killed);
        waitForProgress(plan, termed);
        collect(cluster, plan, Duration.ofHours(1));

        // SIGKILL to a task's worker: the task ends without a result, and the run is lost.
        Path jobFile = ClusterFiles.jobFile(plan, killed);
        ProcessHandle worker = workerOf(jobFile).orElseThrow(() ->
                new AssertionError("no worker of " + jobFile + ": " + log(plan, killed)));
        worker.destroyForcibly();

        // SIGTERM to the batch shell of the other (as --signal=B:TERM does), then a requeue.
        run(5, "scancel", "--batch", "--signal=TERM", job + "_" + termed);
        run(5, "scontrol", "requeue", job + "_" + termed); // may find it already requeued by its script: not checked
        collect(cluster, plan, Duration.ofHours(1));

        waitUntilGone(job);
        ClusterCollect.Report after = collect(cluster, plan, Duration.ZERO);
        int lostSeq = ClusterFiles.readJob(jobFile).seq();
        assertTrue(after.lost().contains(lostSeq), after + "\n" + log(plan, killed));
        assertEquals(1, after.lost().size(), after.toString());

        // The lost run is planned again in the same folder (it resumes from its checkpoint) and submitted.
        assertEquals(1, ClusterPlan.write(cluster, "s", plan, true, options()).jobs());
        waitUntilGone(submit(plan));
        collect(cluster, plan, Duration.ZERO);
        assertEquals(new ClusterCollect.Report(0, 0, 0, List.of(), 0), collect(cluster, plan, Duration.ZERO));

        assertEquals(MODELS, reports.stream().mapToInt(ClusterCollect.Report::done).sum(), reports.toString());
        assertEquals(0, reports.stream().mapToInt(ClusterCollect.Report::failed).sum(), reports.toString());
        String termedLog = log(plan, termed);
        assertTrue(termedLog.contains("stopped (SIGTERM)") || termedLog.contains("done:"), termedLog);

        new SweepService(local).run("s", new RunOptions(2, 1, "768m", false, 60, 3, List.of()),
                SweepListener.NONE);
        ClusterSweeps.assertSameAsLocal(ClusterSweeps.stored(local, "s"), ClusterSweeps.stored(cluster, "s"), EPOCHS);
    }

    private static ClusterPlan.Options options() {
        return new ClusterPlan.Options(2, 1, 0, "00:30:00", null, "768m", 60, null);
    }

    private ClusterCollect.Report collect(Path catalog, Path plan, Duration lostAfter) {
        ClusterCollect.Report r = ClusterCollect.collect(catalog, "s", plan, lostAfter, s -> false);
        reports.add(r);
        return r;
    }

    private static String submit(Path plan) throws Exception {
        String out = run("sbatch", "--parsable", plan.resolve(ClusterPlan.SCRIPT).toString()).trim();
        assertTrue(out.matches("\\d+(;.*)?"), "sbatch said: " + out);
        return out.split(";")[0];
    }

    /** A running task of the array other than `not`. */
    private static int runningTask(String job, int not) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            for (String line : run("squeue", "-h", "-r", "-j", job, "-t", "RUNNING", "-o", "%K").split("\n")) {
                if (line.trim().matches("\\d+") && Integer.parseInt(line.trim()) != not) {
                    return Integer.parseInt(line.trim());
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no running task of job " + job + ": " + run("squeue"));
    }

    /** Waits until the task's worker wrote its first progress file (it has loaded and started training). */
    private static void waitForProgress(Path plan, int task) throws Exception {
        int seq = ClusterFiles.readJob(ClusterFiles.jobFile(plan, task)).seq();
        Path f = ClusterFiles.progressFile(plan.resolve("results"), seq);
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(f) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        try {
            ClusterFiles.readProgress(f);
        } catch (NdswException e) {
            throw new AssertionError("task " + task + " wrote no progress: " + log(plan, task), e);
        }
    }

    private static void waitUntilGone(String job) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            if (run("squeue", "-h", "-j", job).isBlank()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + job + " still queued: " + run("squeue"));
    }

    /** The worker process whose command line names the job file (read from /proc: ProcessHandle may omit it). */
    private static java.util.Optional<ProcessHandle> workerOf(Path jobFile) throws IOException {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                String cmdline;
                try {
                    cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue; // gone meanwhile
                }
                List<String> args = List.of(cmdline.split("\0"));
                if (args.contains(jobFile.toString()) && args.contains("worker") && !args.get(0).endsWith("bash")) {
                    return ProcessHandle.of(Long.parseLong(p.getFileName().toString()));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String run(String... cmd) throws Exception {
        return run(60, cmd);
    }

    /** Runs a command for at most `seconds` (scancel retries "can not be altered now" while a task requeues). */
    private static String run(int seconds, String... cmd) throws Exception {
        Path out = Files.createTempFile("slurm-cmd", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String log(Path plan, int task) {
        try {
            return Files.readString(plan.resolve("logs").resolve("task-" + task + ".log"));
        } catch (IOException e) {
            return "(no log of task " + task + ")";
        }
    }
}
