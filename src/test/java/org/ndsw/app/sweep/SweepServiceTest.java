package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ErrorKind;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;
import org.ndsw.train.Device;

/** The sweep service on real catalogues: reproducible creation, status, stop and retry, one real run end to end. */
class SweepServiceTest {
    @TempDir Path dir;

    @Test
    void theSameDefinitionQueuesTheSameModelsAndSeeds() {
        Path space = SweepFixtures.tinySpace(dir);
        SweepDefinition def = new SweepDefinition("a", space.toString(), 5, 3, org.ndsw.complexity.Window.NONE,
                org.ndsw.complexity.Convention.NDS, org.ndsw.train.Recipe.NDS_CIFAR, dir.toString(), 0, 0, 0, "djl",
                org.ndsw.train.Device.CPU, 2);
        SweepService one = new SweepService(dir.resolve("one.db"));
        SweepService two = new SweepService(dir.resolve("two.db"));
        SweepService.Created c = one.create(def, null);
        two.create(def, dir.resolve("elsewhere"));
        assertEquals(5, c.models());
        assertEquals(10, c.runs());
        assertEquals(dir.resolve("one-sweeps/a").toAbsolutePath(), c.workDir());
        List<SweepRun> a = one.status("a").runs();
        List<SweepRun> b = two.status("a").runs();
        assertEquals(a.stream().map(r -> r.model() + "/" + r.seed()).toList(),
                b.stream().map(r -> r.model() + "/" + r.seed()).toList());
        assertEquals(List.of(1L, 2L), a.subList(0, 2).stream().map(SweepRun::seed).toList());
        assertEquals(a.get(0).model(), a.get(1).model());
        assertTrue(a.stream().allMatch(r -> r.status() == RunStatus.QUEUED && r.maxEpochs() == 100));
        assertEquals(def, one.definition("a"));
        NdswException e = assertThrows(NdswException.class, () -> one.create(def, null));
        assertTrue(e.getMessage().contains("already has a sweep named \"a\""), e.getMessage());
    }

    @Test
    void anEnhancedRecipeNeedsACellSpace() {
        Path space = SweepFixtures.tinySpace(dir);
        SweepDefinition def = new SweepDefinition("e", space.toString(), 2, 3, org.ndsw.complexity.Window.NONE,
                org.ndsw.complexity.Convention.NDS, org.ndsw.train.Recipe.ENHANCED_CIFAR, dir.toString(), 0, 0, 0,
                "djl", org.ndsw.train.Device.CPU, 1);
        NdswException e = assertThrows(NdswException.class, () -> new SweepService(dir.resolve("e.db"))
                .create(def, null));
        assertEquals("the recipe's auxiliary head (aux weight 0.4) and drop-path (0.2) are defined for cell networks"
                + " only, and space TinyResNet is stage-wise", e.getMessage());
    }

    @Test
    void stopRequestsAreStoredAndOnlyCreatedSweepsAreRun() {
        Path space = SweepFixtures.tinySpace(dir);
        SweepService s = new SweepService(dir.resolve("c.db"));
        s.create(SweepFixtures.definition("x", space, dir, 2, 1), null);
        assertFalse(s.status("x").stopRequested());
        s.requestStop("x");
        assertTrue(s.status("x").stopRequested());
        assertEquals(0, s.retryFailed("x"));
        NdswException e = assertThrows(NdswException.class, () -> s.status("nope"));
        assertTrue(e.getMessage().contains("has no sweep named \"nope\""), e.getMessage());
    }

    @Test
    void aSweepRunsInWorkerProcessesStopsAtAnEpochAndResumes() throws Exception {
        // 400 images in batches of 10: epochs long enough (about a second) for the stop to land between two.
        Path data = SweepFixtures.data(dir, 400, 20);
        SweepService s = new SweepService(dir.resolve("c.db"));
        s.create(SweepFixtures.definition("e2e", SweepFixtures.tinySpace(dir), data, 2, 5), null);
        List<SweepProgress> progress = new CopyOnWriteArrayList<>();
        List<SweepRun> ended = new CopyOnWriteArrayList<>();
        SweepListener listener = new SweepListener() {
            @Override
            public void onProgress(SweepProgress p) {
                progress.add(p);
            }

            @Override
            public void onRunEnded(SweepRun r) {
                ended.add(r);
            }
        };
        RunOptions options = new RunOptions(2, 1, "512m", false, 60, 3, List.of());
        SweepHandle h = s.start("e2e", options, listener);
        long end = System.nanoTime() + 120_000_000_000L;
        while (s.status("e2e").runs().stream().noneMatch(r -> r.epochs() >= 1) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        h.stop();
        SweepOutcome stopped = h.await();
        assertTrue(stopped.stopped(), stopped.toString());
        assertTrue(progress.stream().anyMatch(p -> p.running() == 2 && !p.models().isEmpty()), progress.toString());
        assertTrue(progress.stream().anyMatch(SweepProgress::stopping));
        SweepStatus mid = s.status("e2e");
        assertEquals(0, mid.count(RunStatus.RUNNING), mid.toString());
        assertTrue(mid.runs().stream().allMatch(r -> r.ownerPid() == null), mid.toString());

        SweepOutcome o = s.run("e2e", options, listener);
        assertEquals(new SweepOutcome("e2e", 2, 2, 0, 0, false, o.seconds()), o);
        assertEquals(4, ended.size(), "two runs stopped (back in the queue), then the same two done: " + ended);
        assertEquals(List.of(RunStatus.QUEUED, RunStatus.QUEUED, RunStatus.DONE, RunStatus.DONE),
                ended.stream().map(SweepRun::status).sorted((a, b) -> a == b ? 0 : a == RunStatus.QUEUED ? -1 : 1)
                        .toList());
        assertTrue(ended.stream().filter(r -> r.status() == RunStatus.QUEUED).allMatch(r -> RunEnds.line(r)
                .contains(": stopped after ")), ended.toString());
        assertEquals(1.0, progress.get(progress.size() - 1).fraction());
        try (Catalog c = Catalog.open(dir.resolve("c.db"))) {
            assertEquals(2, c.errors("e2e", ErrorKind.BEST).size());
            c.forEachStoredRun("e2e", r -> assertEquals(5, r.data().curves().testEpTop1().length));
        }
        // A stopped run resumed from its checkpoint instead of starting over.
        String logs = Files.readString(Launcher.logFile(Path.of(mid.runs().get(0).checkpointDir())))
                + Files.readString(Launcher.logFile(Path.of(mid.runs().get(1).checkpointDir())));
        assertTrue(logs.contains("stopped (the sweep was asked to stop) after epoch"), logs);
        assertTrue(logs.contains("resuming after epoch"), logs);
        // Running again finds nothing to train.
        assertEquals(2, s.run("e2e", RunOptions.of(1), SweepListener.NONE).done());
    }

    @Test
    void divergedRunsAreRecordedAsFailedWithTheirReasonAndRetried() {
        Path data = SweepFixtures.data(dir, 40, 20);
        SweepDefinition d = SweepFixtures.definition("div", SweepFixtures.tinySpace(dir), data, 2, 1);
        // A loss threshold no network meets: every run diverges in its first batch.
        SweepDefinition diverging = new SweepDefinition(d.name(), d.space(), d.n(), d.seed(), d.window(),
                d.convention(), new org.ndsw.train.Recipe(1, 10, 25, 0.1, 0.9, true, 5e-4, 1e-3), d.data(), 0, 0, 0,
                "djl", org.ndsw.train.Device.CPU, 1);
        SweepService s = new SweepService(dir.resolve("c.db"));
        s.create(diverging, null);
        SweepOutcome o = s.run("div", new RunOptions(2, 1, "512m", false, 60, 3, List.of()), SweepListener.NONE);
        assertEquals(new SweepOutcome("div", 2, 0, 2, 0, false, o.seconds()), o);
        for (SweepRun r : s.status("div").runs()) {
            assertEquals(RunStatus.FAILED, r.status());
            assertTrue(r.failure().startsWith("diverged in epoch 1, batch 1 (loss "), r.failure());
        }
        assertEquals(2, s.retryFailed("div"));
        assertEquals(2, s.status("div").count(RunStatus.QUEUED));
    }

    @Test
    void aSweepOnImageNetStyleFoldersTrainsAtItsImageSize() throws Exception {
        Path data = org.ndsw.train.data.TinyImageNet.write(dir.resolve("in"), 4, 2, 1);
        SweepDefinition d = SweepFixtures.definition("in", SweepFixtures.tinySpace(dir), data, 1, 1);
        SweepDefinition in = new SweepDefinition(d.name(), d.space(), d.n(), d.seed(), d.window(), d.convention(),
                d.recipe().withBatchSizes(4, 6), d.data(), 0, 0, 0, "djl", Device.CPU, 1,
                new org.ndsw.train.data.ImageRecipe(32, 36, 0), null);
        SweepService s = new SweepService(dir.resolve("c.db"));
        s.create(in, null);
        SweepOutcome o = s.run("in", RunOptions.of(1), SweepListener.NONE);
        assertEquals(1, o.done(), o.toString());
        Path log = Files.walk(dir).filter(f -> f.getFileName().toString().equals("worker.log")).findFirst()
                .orElseThrow();
        assertTrue(Files.readString(log).contains("run id"), Files.readString(log));
    }

    @Test
    void aSweepStoredBeforeSweepsHadADeviceReadsAsCpu() throws Exception {
        Path space = SweepFixtures.tinySpace(dir);
        SweepService s = new SweepService(dir.resolve("old.db"));
        s.create(SweepFixtures.definition("old", space, dir, 2, 1), null);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            // The definition as catalogues stored it before the device field existed.
            int changed = c.createStatement().executeUpdate("UPDATE sweeps SET source = json_remove(source, '$.device')"
                    + " WHERE name = 'old'");
            assertEquals(1, changed);
            ResultSet rs = c.createStatement().executeQuery("SELECT instr(source, 'device') FROM sweeps");
            assertEquals(0, rs.getInt(1));
        }
        assertEquals(Device.CPU, s.definition("old").device());
        assertEquals(Device.CPU, s.status("old").device());
    }

    @Test
    void aGpuSweepWithoutCudaFailsItsFirstRunWithTheReasonAndStartsNoMore() throws Exception {
        // This build carries PyTorch's CPU natives, so the worker's engine finds no CUDA device.
        Path data = SweepFixtures.data(dir, 40, 20);
        SweepDefinition d = DefinitionJsonTest.withDevice(
                SweepFixtures.definition("gpu", SweepFixtures.tinySpace(dir), data, 3, 1), Device.GPU);
        SweepService s = new SweepService(dir.resolve("c.db"));
        s.create(d, null);
        List<String> messages = new CopyOnWriteArrayList<>();
        SweepListener listener = new SweepListener() {
            @Override
            public void onProgress(SweepProgress p) {}

            @Override
            public void onMessage(String line) {
                messages.add(line);
            }
        };
        SweepOutcome o = s.run("gpu", new RunOptions(1, 1, "512m", false, 60, 3, List.of()), listener);
        assertEquals(new SweepOutcome("gpu", 3, 0, 1, 2, true, o.seconds()), o);
        SweepStatus status = s.status("gpu");
        assertEquals(Device.GPU, status.device());
        SweepRun failed = status.runs().get(0);
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.failure().startsWith("--device gpu: PyTorch 2.7.1 found no CUDA device"), failed.failure());
        assertEquals(1, failed.attempts(), "a device failure is recorded once, not retried");
        assertTrue(messages.stream().anyMatch(m -> m.contains("no more runs are started here")), messages.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("c.db"));
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT provenance FROM runs WHERE failure IS NOT NULL")) {
            assertEquals("gpu", new ObjectMapper().readTree(rs.getString(1)).get("device").asText());
        }
    }

    @Test
    void gpuWorkersAreEachStartedOnTheirOwnDeviceAndAFailingGpuIsRecordedWithTheEnginesMessage() throws Exception {
        Path data = SweepFixtures.data(dir, 40, 20);
        SweepDefinition d = DefinitionJsonTest.withDevice(
                SweepFixtures.definition("pin", SweepFixtures.tinySpace(dir), data, 3, 1), Device.GPU);
        SweepService s = new SweepService(dir.resolve("c.db"));
        s.create(d, null);
        List<String> messages = new CopyOnWriteArrayList<>();
        SweepListener listener = new SweepListener() {
            @Override
            public void onProgress(SweepProgress p) {}

            @Override
            public void onMessage(String line) {
                messages.add(line);
            }
        };
        s.run("pin", new RunOptions(2, 1, "512m", false, 60, 3, List.of(), List.of(2, 3)), listener);
        List<SweepRun> failed = s.status("pin").runs().stream().filter(r -> r.status() == RunStatus.FAILED).toList();
        assertEquals(2, failed.size(), "both slots were filled at once: " + messages);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (SweepRun r : failed) {
            assertTrue(r.failure().startsWith("--device gpu: PyTorch 2.7.1 found no CUDA device"), r.failure());
            String log = Files.readString(Launcher.logFile(Path.of(r.checkpointDir())));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("CUDA_VISIBLE_DEVICES=(\\d+)").matcher(log);
            assertTrue(m.find(), log);
            seen.add(m.group(1));
        }
        assertEquals(java.util.Set.of("2", "3"), seen, "each worker on its own GPU");
        assertTrue(messages.stream().anyMatch(m -> m.endsWith("started on GPU 2")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.endsWith("started on GPU 3")), messages.toString());
    }
}
