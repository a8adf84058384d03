package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.catalog.RunStatus;

/** Handing a sweep to a scheduler process of its own, as a GUI closing with "leave it running" does. */
class HandOverTest {
    @TempDir Path dir;

    @Test
    void theSchedulerProcessRunsTheSweepWithTheSameOptions() {
        RunOptions o = new RunOptions(2, 1, "512m", false, 30, 4, List.of());
        List<String> cmd = Launcher.schedulerCommand(dir.resolve("c.db"), "tiny", o);
        String line = String.join(" ", cmd);
        assertTrue(line.endsWith("org.ndsw.cli.Main sweep run tiny --catalog " + dir.resolve("c.db").toAbsolutePath()
                + " --quiet --workers 2 --threads-per-worker 1 --worker-heap 512m --max-attempts 4 --stale-seconds 30"),
                line);
        assertEquals(System.getProperty("java.class.path"), cmd.get(cmd.indexOf("-cp") + 1));
    }

    @Test
    void aRunWithoutLogHasAnEmptyTail() {
        assertEquals("", SweepService.logTail(new org.ndsw.catalog.SweepRun(1, 0, "m", 1L, RunStatus.QUEUED, 0, 1,
                null, null, 0, null, null, null, null, null, null)));
    }

    @Test
    @Tag("slow")
    void aHandedOverSweepIsTrainedByAProcessOfItsOwn() throws Exception {
        Path data = SweepFixtures.data(dir, 40, 20);
        SweepService s = new SweepService(dir.resolve("c.db"));
        s.create(SweepFixtures.definition("h", SweepFixtures.tinySpace(dir), data, 1, 1), null);
        long pid = s.handOver("h", new RunOptions(1, 1, "512m", false, 60, 3, List.of()));
        assertTrue(pid != ProcessHandle.current().pid());
        long end = System.nanoTime() + 120_000_000_000L;
        while (s.status("h").count(RunStatus.DONE) < 1 && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertEquals(1, s.status("h").count(RunStatus.DONE));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        Path log = Path.of(s.status("h").runs().get(0).checkpointDir()).resolveSibling("scheduler.log");
        assertTrue(Files.readString(log).contains("sweep h finished"), Files.readString(log));
    }
}
