package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ErrorKind;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.StoredRun;
import org.ndsw.catalog.SweepRun;

/**
 * Really kills processes with SIGKILL: a worker under a live scheduler, the scheduler itself while its workers train,
 * a second scheduler right after it started; then a last `sweep run` must finish every run exactly once with whole
 * curves. Runs as separate JVMs, like a user's terminal.
 */
@Tag("slow")
class SweepKillTest {
    private static final int MODELS = 4;
    private static final int EPOCHS = 4;
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir Path dir;
    private Path catalog;

    @Test
    void killedWorkersAndSchedulersLoseOnlyEpochsInFlightAndEveryRunFinishesOnce() throws Exception {
        Path data = SweepFixtures.data(dir, 150, 50);
        catalog = dir.resolve("c.db");
        new SweepService(catalog).create(SweepFixtures.definition("kill", SweepFixtures.tinySpace(dir), data, MODELS,
                EPOCHS), null);

        // 1. A worker is killed after its first recorded epoch; its scheduler resumes the run.
        Process first = scheduler("first.log");
        SweepRun victim = waitFor(runs -> runs.stream().anyMatch(r -> r.status() == RunStatus.RUNNING
                && r.epochs() >= 1 && r.ownerPid() != null && r.ownerPid() != first.pid()), "a recorded epoch")
                .stream().filter(r -> r.status() == RunStatus.RUNNING && r.epochs() >= 1).findFirst().orElseThrow();
        kill(victim.ownerPid());
        waitFor(runs -> runs.stream().anyMatch(r -> r.id() == victim.id() && r.attempts() >= 2), "the resumed run");

        // 2. The scheduler is killed while its workers train; the orphans stop at their next epoch boundary.
        waitFor(runs -> epochs(runs) >= 2 * EPOCHS, "more epochs");
        kill(first.pid());
        List<Long> orphans = running(runs());

        // 3. A second scheduler starts, and is killed a moment later, together with one of the orphans.
        Process second = scheduler("second.log");
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!log("second.log").contains("worker pid") && second.isAlive() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        kill(second.pid());
        if (!orphans.isEmpty()) {
            kill(orphans.get(0));
        }

        // 4. The last run finishes the sweep.
        Process last = scheduler("last.log");
        assertTrue(last.waitFor(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS), log("last.log"));
        assertEquals(0, last.exitValue(), log("last.log"));

        try (Catalog c = Catalog.open(catalog)) {
            List<SweepRun> runs = c.runQueue().runs("kill");
            assertEquals(MODELS, runs.size());
            for (SweepRun r : runs) {
                assertEquals(RunStatus.DONE, r.status(), r.toString());
                assertEquals(EPOCHS, r.epochs(), r.toString());
                assertEquals(null, r.ownerPid(), r.toString());
                String log = Files.readString(Launcher.logFile(Path.of(r.checkpointDir())));
                // Never trained to the end twice; and finished, possibly by an attempt that only resumed after the last
                // checkpoint (its worker was killed between saving epoch 4 and logging "done").
                assertTrue(trainedToTheEnd(log) <= 1, "run " + r.seq() + " trained to the end twice:\n" + log);
                assertTrue(finished(log) >= 1, "run " + r.seq() + " never logged done:\n" + log);
                for (int e = 1; e <= EPOCHS; e++) {
                    assertTrue(log.contains("\nepoch " + e + "/" + EPOCHS + ": "), "run " + r.seq() + " epoch " + e
                            + " was never trained:\n" + log);
                }
            }
            assertTrue(runs.stream().anyMatch(r -> r.attempts() > 1), "some run was interrupted and resumed");
            List<StoredRun> stored = new ArrayList<>();
            c.forEachStoredRun("kill", stored::add);
            for (StoredRun s : stored) {
                double[] curve = s.data().curves().testEpTop1();
                assertEquals(EPOCHS, curve.length, "whole curve of run " + s.seq());
                assertEquals(EPOCHS, s.data().curves().trainEpLoss().length);
                assertEquals(curve[EPOCHS - 1], s.finalError());
                assertEquals(java.util.Arrays.stream(curve).min().getAsDouble(), s.error());
            }
            assertEquals(MODELS, c.errors("kill", ErrorKind.BEST).size());
        }
        String all = Files.readString(dir.resolve("first.log")) + log("last.log");
        assertTrue(all.contains("back in the queue"), all);
        assertFalse(all.contains("internal error"), all);
    }

    private Process scheduler(String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Launcher.MAIN,
                "sweep", "run", "kill", "--catalog", catalog.toString(), "--workers", "2", "--threads-per-worker", "1",
                "--worker-heap", "768m", "--max-attempts", "5")
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private List<SweepRun> runs() {
        try (Catalog c = Catalog.open(catalog)) {
            return c.runQueue().runs("kill");
        }
    }

    private List<SweepRun> waitFor(Predicate<List<SweepRun>> condition, String what) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            List<SweepRun> runs = runs();
            if (condition.test(runs)) {
                return runs;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + ": " + runs() + "\n" + log("first.log"));
    }

    private static int epochs(List<SweepRun> runs) {
        return runs.stream().mapToInt(SweepRun::epochs).sum();
    }

    private static List<Long> running(List<SweepRun> runs) {
        return runs.stream().filter(r -> r.status() == RunStatus.RUNNING && r.ownerPid() != null)
                .map(SweepRun::ownerPid).toList();
    }

    /** SIGKILL, and wait until the process is gone. */
    private static void kill(long pid) throws Exception {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /**
     * Worker lines "done: ..., 4 epochs (R resumed)" with R < 4: the attempts that trained the run to its end. (A
     * worker killed after its last checkpoint, before or after logging "done", leaves a line with R = 4 from the
     * attempt that resumed it, which trained nothing.)
     */
    private static int finished(String log) {
        return (int) java.util.regex.Pattern.compile("\ndone: [^\n]*, " + EPOCHS + " epochs \\(\\d+ resumed\\)")
                .matcher(log).results().count();
    }

    private static int trainedToTheEnd(String log) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\ndone: [^\n]*, " + EPOCHS
                + " epochs \\((\\d+) resumed\\)").matcher(log);
        int n = 0;
        while (m.find()) {
            n += Integer.parseInt(m.group(1)) < EPOCHS ? 1 : 0;
        }
        return n;
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }
}
