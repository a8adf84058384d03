package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;

/**
 * Cluster sweeps without a cluster: `sweep plan` writes jobs and the array script, the script's tasks run as plain
 * processes (SLURM_ARRAY_TASK_ID set by hand), a SIGTERM stops a worker at an epoch boundary, and `sweep collect`
 * records exactly what a local run of the same sweep records. The real SLURM run is SlurmSweepTest.
 */
class ClusterSweepTest {
    private static final int MODELS = 2;
    private static final int EPOCHS = 2;
    /** Enough epochs that a SIGTERM sent after the first arrives before the last. */
    private static final int LONG = 5;

    @TempDir Path dir;

    @Test
    void plannedTasksRecordWhatALocalRunRecordsAndCollectingTwiceRecordsOnce() throws Exception {
        Path data = SweepFixtures.data(dir, 60, 20);
        Path space = SweepFixtures.tinySpace(dir);
        Path local = dir.resolve("local.db");
        Path cluster = dir.resolve("cluster.db");
        new SweepService(local).create(SweepFixtures.definition("s", space, data, MODELS, LONG), null);
        new SweepService(cluster).create(SweepFixtures.definition("s", space, data, MODELS, LONG), null);
        new SweepService(local).run("s", new RunOptions(1, 1, "768m", false, 60, 3, List.of()), SweepListener.NONE);

        Path plan = dir.resolve("plan");
        ClusterPlan.Plan p = ClusterPlan.write(cluster, "s", plan, false, options(null));
        assertEquals(MODELS, p.jobs());
        String script = Files.readString(p.script());
        assertTrue(script.contains("#SBATCH --array=0-1%2"), script);
        assertTrue(script.contains("#SBATCH --requeue") && script.contains("#SBATCH --signal=B:TERM@120"), script);
        assertTrue(script.contains("#SBATCH --cpus-per-task=1"), script);

        // Task 0 gets SIGTERM after its first epoch: it stops with a checkpoint (exit 75), then resumes.
        Process t0 = task(p.script(), 0);
        Path progress0 = ClusterFiles.progressFile(plan.resolve("results"), 0);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (epochsDone(progress0) < 1 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        ClusterCollect.Report during = ClusterCollect.collect(cluster, "s", plan, Duration.ofHours(1), s -> false);
        assertEquals(1, during.progressed(), during.toString());
        ProcessHandle.of(t0.pid()).orElseThrow().descendants().forEach(h -> h.destroy()); // SIGTERM to the worker
        assertTrue(t0.waitFor(3, TimeUnit.MINUTES));
        assertEquals(75, t0.exitValue(), log(plan, 0));
        assertTrue(Files.notExists(ClusterFiles.resultFile(plan.resolve("results"), 0)), log(plan, 0));
        assertEquals(RunStatus.RUNNING, runs(cluster).get(0).status());

        for (int task = 0; task < MODELS; task++) {
            Process t = task(p.script(), task);
            assertTrue(t.waitFor(3, TimeUnit.MINUTES));
            assertEquals(0, t.exitValue(), log(plan, task));
        }
        assertTrue(log(plan, 0).contains("resuming after epoch"), log(plan, 0));

        ClusterCollect.Report first = ClusterCollect.collect(cluster, "s", plan, Duration.ofHours(1), s -> false);
        assertEquals(new ClusterCollect.Report(MODELS, 0, 0, List.of(), 0), first);
        ClusterCollect.Report again = ClusterCollect.collect(cluster, "s", plan, Duration.ofHours(1), s -> false);
        assertEquals(new ClusterCollect.Report(0, 0, 0, List.of(), 0), again);
        ClusterSweeps.assertSameAsLocal(ClusterSweeps.stored(local, "s"), ClusterSweeps.stored(cluster, "s"), LONG);
        assertThrows(NdswException.class, () -> ClusterPlan.write(cluster, "s", plan, true, options(null)),
                "nothing pending");
    }

    @Test
    void aRunWhoseProgressStoppedIsReportedLostAndPlannedAgain() throws Exception {
        Path data = SweepFixtures.data(dir, 30, 10);
        Path cluster = dir.resolve("cluster.db");
        new SweepService(cluster).create(SweepFixtures.definition("s", SweepFixtures.tinySpace(dir), data, MODELS,
                EPOCHS), null);
        Path plan = dir.resolve("plan");
        ClusterPlan.write(cluster, "s", plan, false, options(null));
        ClusterFiles.Job job = ClusterFiles.readJob(ClusterFiles.jobFile(plan, 1));
        ClusterFiles.writeProgress(job, List.of(), ClusterFiles.progressFile(plan.resolve("results"), job.seq()));
        ClusterCollect.Report fresh = ClusterCollect.collect(cluster, "s", plan, Duration.ofHours(1), s -> false);
        assertEquals(List.of(), fresh.lost());
        assertEquals(RunStatus.RUNNING, runs(cluster).get(1).status());
        ClusterCollect.Report late = ClusterCollect.collect(cluster, "s", plan, Duration.ZERO.minusMillis(1),
                s -> false);
        assertEquals(List.of(job.seq()), late.lost());
        assertEquals(RunStatus.QUEUED, runs(cluster).get(1).status());
        assertEquals(MODELS, ClusterPlan.write(cluster, "s", dir.resolve("again"), true, options(null)).jobs());
    }

    @Test
    void aRunThatCannotTrainIsCollectedAsFailedWithTheReason() throws Exception {
        Path data = SweepFixtures.data(dir, 30, 10);
        Path cluster = dir.resolve("cluster.db");
        new SweepService(cluster).create(SweepFixtures.definition("s", SweepFixtures.tinySpace(dir), data, MODELS,
                EPOCHS), null);
        Path plan = dir.resolve("plan");
        ClusterPlan.Plan p = ClusterPlan.write(cluster, "s", plan, false, options(null));
        // The data goes away before the task starts.
        try (var files = Files.walk(data)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        Process t = task(p.script(), 0);
        assertTrue(t.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, t.exitValue(), log(plan, 0));
        ClusterCollect.Report r = ClusterCollect.collect(cluster, "s", plan, Duration.ofHours(1), s -> false);
        assertEquals(new ClusterCollect.Report(0, 1, 0, List.of(), MODELS - 1), r);
        SweepRun failed = runs(cluster).get(0);
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.failure().contains(data.toString()), failed.failure());
        assertEquals(new ClusterCollect.Report(0, 0, 0, List.of(), MODELS - 1),
                ClusterCollect.collect(cluster, "s", plan, Duration.ofHours(1), s -> false));
    }

    @Test
    void badTemplatesAndForeignResultsAreErrorsNamingTheFile() throws Exception {
        Path data = SweepFixtures.data(dir, 30, 10);
        Path cluster = dir.resolve("cluster.db");
        new SweepService(cluster).create(SweepFixtures.definition("s", SweepFixtures.tinySpace(dir), data, MODELS,
                EPOCHS), null);
        Path template = dir.resolve("my.sbatch");
        Files.writeString(template, "#!/bin/bash\n#SBATCH --array=@ARRAY@ --mem=@MEMORY@\n@WORKER@\n");
        NdswException e = assertThrows(NdswException.class,
                () -> ClusterPlan.write(cluster, "s", dir.resolve("p"), false, options(template)));
        assertTrue(e.getMessage().contains(template + ": unknown placeholder @MEMORY@"), e.getMessage());
        Files.writeString(template, "#!/bin/bash\n#SBATCH --array=@ARRAY@\n@WORKER@ --job x\n");
        Path plan = dir.resolve("p");
        ClusterPlan.write(cluster, "s", plan, false, options(template));
        assertTrue(Files.readString(plan.resolve(ClusterPlan.SCRIPT)).startsWith("#!/bin/bash\n#SBATCH --array=0-1%2\n"));
        ClusterFiles.Job job = ClusterFiles.readJob(ClusterFiles.jobFile(plan, 0));
        ClusterFiles.Job foreign = new ClusterFiles.Job(job.runId(), job.sweep(), job.seq(), job.seed() + 1,
                job.model(), job.net(), job.space(), job.definition(), job.checkpointDir());
        Path f = ClusterFiles.progressFile(plan.resolve("results"), job.seq());
        ClusterFiles.writeProgress(foreign, List.of(), f);
        e = assertThrows(NdswException.class, () -> ClusterCollect.collect(cluster, "s", plan, Duration.ofHours(1),
                s -> false));
        assertTrue(e.getMessage().startsWith(f + ": run seq 0"), e.getMessage());
    }

    @Test
    void theScriptChoosesOpenBlasCoreTypeOnTheNodeAsTheLauncherDoesAndAUserValueWins() throws Exception {
        Path cluster = dir.resolve("cluster.db");
        new SweepService(cluster).create(SweepFixtures.definition("s", SweepFixtures.tinySpace(dir),
                SweepFixtures.data(dir, 30, 10), MODELS, EPOCHS), null);
        Path plan = dir.resolve("plan");
        String script = Files.readString(ClusterPlan.write(cluster, "s", plan, false, options(null)).script());
        // The script up to the worker's start, then the variable the worker would see.
        String head = script.substring(0, script.indexOf("job=$(printf")) + "echo \"$OPENBLAS_CORETYPE\"\n";
        Path probe = dir.resolve("probe.sh");
        Files.writeString(probe, head);
        String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        String expected = cpuinfo.contains("avx512f") ? "SkylakeX" : cpuinfo.contains("avx2") ? "Haswell" : "";
        assertEquals(expected, coreType(probe, null));
        assertEquals("Zen", coreType(probe, "Zen"));
    }

    private static String coreType(Path probe, String userValue) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", probe.toString()).redirectErrorStream(true);
        pb.environment().remove("OPENBLAS_CORETYPE");
        if (userValue != null) {
            pb.environment().put("OPENBLAS_CORETYPE", userValue);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static ClusterPlan.Options options(Path template) {
        return new ClusterPlan.Options(2, 1, 0, null, null, "768m", 120, template);
    }

    /** Runs array task `index` of the script as a plain process, its output in the plan's task log. */
    private static Process task(Path script, int index) throws Exception {
        Path log = script.getParent().resolve("logs").resolve("task-" + index + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("SLURM_ARRAY_TASK_ID", Integer.toString(index));
        pb.environment().put("SLURM_CPUS_PER_TASK", "1");
        pb.environment().put("PATH", "/nonexistent:" + System.getenv("PATH")); // no scontrol: no self-requeue here
        return pb.start();
    }

    private static int epochsDone(Path progress) {
        try {
            return ClusterFiles.readProgress(progress).epochsDone();
        } catch (NdswException e) {
            return 0;
        }
    }

    private static List<SweepRun> runs(Path catalog) {
        try (Catalog c = Catalog.open(catalog)) {
            return c.runQueue().runs("s");
        }
    }

    private static String log(Path plan, int task) {
        try {
            return Files.readString(plan.resolve("logs").resolve("task-" + task + ".log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
