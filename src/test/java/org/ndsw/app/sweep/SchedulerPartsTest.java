package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;
import org.ndsw.train.Progress;

/** The scheduler's small parts: progress lines, log tails, reasons of worker deaths, ETA, worker command lines. */
class SchedulerPartsTest {
    @TempDir Path dir;

    private static SweepRun run(long id, RunStatus s, int epochs) {
        return new SweepRun(id, (int) id, "m" + id, 1L, s, epochs, 4, null, null, 1, null, null, null, null, null, null);
    }

    @Test
    void progressLinesRoundTripAndCutLinesAreIgnored() {
        Progress p = new Progress(Progress.Phase.TEST, 2, 4, 3, 5, 1.25, 40.5, 812.0);
        assertEquals(p, ProgressLine.parse(ProgressLine.format(p)).orElseThrow());
        assertTrue(ProgressLine.parse(ProgressLine.format(p).substring(0, 30)).isEmpty());
        assertTrue(ProgressLine.parse("epoch 1/2: lr 0.1").isEmpty());
        assertEquals((1 + 0.9 + 0.1 * 3 / 5) / 4, ProgressLine.fraction(p), 1e-12);
    }

    @Test
    void theFollowerKeepsTheNewestProgressAndTheTailLeavesProgressOut() throws Exception {
        Path log = dir.resolve("worker.log");
        Files.writeString(log, "old line\n");
        LogFollower f = new LogFollower(log);
        Progress a = new Progress(Progress.Phase.TRAIN, 1, 2, 1, 9, 2.3, 90, 100);
        Progress b = new Progress(Progress.Phase.TRAIN, 1, 2, 2, 9, 2.2, 88, 110);
        Files.writeString(log, ProgressLine.format(a) + "\nrun started\n" + ProgressLine.format(b).substring(0, 20),
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(a, f.latest().orElseThrow());
        Files.writeString(log, ProgressLine.format(b).substring(20) + "\njava.lang.OutOfMemoryError: Java heap space\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(b, f.latest().orElseThrow());
        assertEquals("old line\nrun started\njava.lang.OutOfMemoryError: Java heap space", LogTail.of(log)
                .replace(ProgressLine.format(b).substring(0, 20) + ProgressLine.format(b).substring(20) + "\n", ""));
    }

    @Test
    void deathsAreExplained() {
        assertEquals("worker died (exit code 137, signal 9, killed (SIGKILL; out of system memory?))",
                Deaths.reason(137, ""));
        assertEquals("out of memory (worker exit code 1); raise --worker-heap",
                Deaths.reason(1, "java.lang.OutOfMemoryError: Java heap space"));
        assertEquals("worker exited with code 2", Deaths.reason(2, "usage"));
    }

    @Test
    void etaComesFromMeasuredEpochsAndLeavesFailedRunsOut() throws Exception {
        Throughput t = new Throughput();
        List<SweepRun> start = List.of(run(1, RunStatus.DONE, 4), run(2, RunStatus.RUNNING, 0),
                run(3, RunStatus.FAILED, 1), run(4, RunStatus.QUEUED, 0));
        assertEquals(-1, t.eta(start, Map.of(2L, 0.0)));
        Thread.sleep(200);
        double eta = t.eta(start, Map.of(2L, 0.5));
        // 2 epochs in ~0.2 s, 6 epochs left (2 of run 2, 4 of run 4): ~0.6 s.
        assertTrue(eta > 0.5 && eta < 1.5, "eta " + eta);
    }

    @Test
    void workersRunTheSameJavaWithTheEngineFlagsAndSplitThreads() {
        List<String> cmd = Launcher.command(Path.of("c.db"), new org.ndsw.catalog.RunClaim(7, 3, "tok"), 42, "djl",
                new Launcher.Settings(2, "1g", List.of("-XX:+UseSerialGC")));
        assertEquals(ProcessHandle.current().info().command().orElseThrow(), cmd.get(0));
        assertTrue(cmd.containsAll(List.of("-Xmx1g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2",
                "-Dai.djl.pytorch.num_interop_threads=1", "-XX:+UseSerialGC", Launcher.MAIN)), cmd.toString());
        assertEquals(List.of("sweep", "worker", "--catalog", Path.of("c.db").toAbsolutePath().toString(), "--run", "7",
                "--token", "tok", "--parent-pid", "42", "--threads", "2"), cmd.subList(cmd.size() - 12, cmd.size()));
        assertEquals(2, new RunOptions(3, 2, "2g", false, 60, 3, List.of()).threads());
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), RunOptions.of(2).threads());
    }

    @Test
    void eachWorkerSlotIsPinnedToItsGpuThroughCudaVisibleDevicesRoundRobin() {
        RunOptions o = new RunOptions(5, 1, "1g", false, 60, 3, List.of(), List.of(0, 1, 2, 3));
        assertEquals(List.of(0, 1, 2, 3, 0), java.util.stream.IntStream.range(0, 5).map(o::gpuOf).boxed().toList());
        assertEquals(-1, RunOptions.of(2).gpuOf(1));
        ProcessBuilder pinned = Launcher.builder(List.of("true"), dir, 2, 3);
        assertEquals("3", pinned.environment().get(Launcher.CUDA_VISIBLE_DEVICES));
        assertEquals("2", pinned.environment().get("OMP_NUM_THREADS"));
        ProcessBuilder free = Launcher.builder(List.of("true"), dir, 2, -1);
        assertEquals(System.getenv(Launcher.CUDA_VISIBLE_DEVICES), free.environment().get(Launcher.CUDA_VISIBLE_DEVICES));
        assertEquals(List.of(0, 2, 5), RunOptions.parseGpus(" 0, 2,5"));
        assertEquals(List.of(), RunOptions.parseGpus(""));
        org.ndsw.NdswException bad = org.junit.jupiter.api.Assertions.assertThrows(org.ndsw.NdswException.class,
                () -> RunOptions.parseGpus("0,a"));
        assertEquals("--gpus: expected CUDA device indices separated by commas such as 0,1,2,3, got \"0,a\"",
                bad.getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.ndsw.NdswException.class,
                () -> o.withGpus(List.of(1, 1))).getMessage().contains("device 1 is listed twice"));
        List<String> sched = Launcher.schedulerCommand(Path.of("c.db"), "s", o);
        assertEquals(List.of("--gpus", "0,1,2,3"), sched.subList(sched.size() - 2, sched.size()));
    }
}
