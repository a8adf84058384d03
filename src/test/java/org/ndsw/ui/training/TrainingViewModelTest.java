package org.ndsw.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.catalog.RunStatus;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.SpaceFiles;
import org.ndsw.train.Device;
import org.ndsw.train.TinyCifar;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.spaces.SpaceEntry;
import org.ndsw.ui.task.DirectTaskRunner;

/** The training panel's view model on a real catalogue: form validation per field, create, list, coalescing. */
class TrainingViewModelTest {
    @TempDir Path dir;
    private CatalogSession session;
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        tasks.assertFailuresHandled();
    }

    /** The tiny 64-model ResNet space of the sweep tests, as a user space file. */
    static SpaceEntry tinySpace(Path dir) throws IOException {
        Path f = dir.resolve("tiny-resnet.json");
        try (InputStream in = TrainingViewModelTest.class.getResourceAsStream("/org/ndsw/app/sweep/tiny-resnet.json")) {
            Files.createDirectories(dir);
            Files.copy(in, f);
        }
        return new SpaceEntry(SpaceFiles.read(f), f);
    }

    private TrainingViewModel vm(List<Runnable> catalogChanges) throws IOException {
        session = CatalogSession.open(dir.resolve("c.db"), true);
        var spaces = FXCollections.observableArrayList(tinySpace(dir.resolve("spaces")));
        return new TrainingViewModel(tasks, new SimpleObjectProperty<>(session), spaces,
                Runnable::run, () -> catalogChanges.add(() -> { }));
    }

    @Test
    void theFormNamesTheOffendingField() throws IOException {
        TrainingViewModel vm = vm(new ArrayList<>());
        SweepForm f = vm.form;
        assertEquals("TinyResNet-s1", f.name.get(), "a name is suggested from the space and seed");
        vm.create();
        assertEquals("dataset", vm.invalidFieldProperty().get());
        assertTrue(vm.formMessageProperty().get().startsWith("Dataset: choose"), vm.formMessageProperty().get());
        f.dataset.set(dir.resolve("nowhere").toString());
        assertEquals("dataset", field(f));
        f.dataset.set(dir.toString());
        f.count.set("ten");
        assertEquals("count", field(f));
        f.count.set("0");
        assertEquals("count", field(f));
        f.count.set("4");
        f.minParams.set("2M");
        f.maxParams.set("1.5M");
        assertEquals("maxParams", field(f));
        f.maxParams.set("");
        f.minFlops.set("lots");
        assertEquals("minFlops", field(f));
        f.minFlops.set("");
        f.minParams.set("");
        f.lr.set("-0.1");
        assertEquals("lr", field(f));
        f.lr.set("0.05");
        f.testSubset.set("-1");
        assertEquals("testSubset", field(f));
        f.testSubset.set("0");
        f.workers.set("0");
        assertEquals("workers", field(f));
        f.workers.set("2");
        f.name.set("bad name");
        assertEquals("name", field(f));
        f.name.set("tiny");
        SweepDefinition def = f.definition();
        assertEquals(4, def.n());
        assertEquals(0.05, def.recipe().baseLr());
        assertEquals(100, def.recipe().epochs(), "the paper's recipe by default");
        assertEquals(dir.resolve("spaces/tiny-resnet.json").toString(), def.space());
        assertEquals(2, f.workers());
    }

    @Test
    void theRunsTableSaysEpochsFinishedImagesPerSecondAndTheLogSaysHowRunsEnded() {
        var starting = new org.ndsw.catalog.SweepRun(1, 0, "m", 1L, RunStatus.RUNNING, 0, 5, null, null, 1, null,
                "h", 1L, null, null, null);
        RunItem s = new RunItem(starting, new org.ndsw.app.sweep.RunProgress(0, "m", 1, 1, 1, "starting", 0,
                Double.NaN, 0, -1));
        assertEquals("0 / 5", s.epoch(), "no epoch finished while starting");
        assertEquals("running (starting)", s.status());
        assertEquals("", s.imagesPerSecond());
        RunItem training = new RunItem(starting, new org.ndsw.app.sweep.RunProgress(0, "m", 1, 2, 5, "train", 0.3,
                Double.NaN, 812.4, -1));
        assertEquals("1 / 5", training.epoch(), "epoch 2 in flight: 1 finished");
        assertEquals("running (train, epoch 2)", training.status());
        assertEquals("812", training.imagesPerSecond());
        var done = new org.ndsw.catalog.SweepRun(1, 0, "m", 1L, RunStatus.DONE, 5, 5, 41.2, 42.0, 1, null, null,
                null, null, null, 950.6);
        assertEquals("5 / 5", new RunItem(done, null).epoch());
        assertEquals("951", new RunItem(done, null).imagesPerSecond(), "the last epoch's img/s from the record");
        assertEquals("run 0: done, best error 41.20% after 5 epochs", org.ndsw.app.sweep.RunEnds.line(done));
        var failed = new org.ndsw.catalog.SweepRun(1, 3, "m", 1L, RunStatus.FAILED, 2, 5, 60.0, 61.0, 1,
                "diverged in epoch 3, batch 7 (loss NaN)", null, null, null, null, null);
        assertEquals("run 3: failed after 2 of 5 epochs, best error 60.00%: diverged in epoch 3, batch 7 (loss NaN)",
                org.ndsw.app.sweep.RunEnds.line(failed));
        var stopped = new org.ndsw.catalog.SweepRun(1, 4, "m", 1L, RunStatus.QUEUED, 1, 5, 70.0, 70.0, 1, null, null,
                null, null, null, null);
        assertEquals("run 4: stopped after 1 of 5 epochs, best error 70.00%, back in the queue",
                org.ndsw.app.sweep.RunEnds.line(stopped));
    }

    @Test
    void theGpusFieldPinsWorkersAndABlankWorkersFieldMeansOnePerGpu() {
        SweepForm f = new SweepForm();
        assertEquals(List.of(), f.gpus());
        f.gpus.set("0, 1,2,3");
        assertEquals(List.of(0, 1, 2, 3), f.gpus());
        assertEquals(1, f.workers(), "the Workers field wins");
        f.workers.set("");
        assertEquals(4, f.workers(), "blank: one worker per GPU");
        f.gpus.set("0,x");
        InvalidField e = assertThrows(InvalidField.class, f::gpus);
        assertEquals("gpus", e.field());
        assertEquals("GPUs: expected CUDA device indices separated by commas such as 0,1,2,3, got \"0,x\"",
                e.getMessage());
        f.gpus.set("1,1");
        assertEquals("GPUs: device 1 is listed twice in [1, 1]", assertThrows(InvalidField.class, f::gpus).getMessage());
    }

    @Test
    void theDeviceChoiceIsValidatedAndReachesTheDefinition() throws IOException {
        TrainingViewModel vm = vm(new ArrayList<>());
        SweepForm f = vm.form;
        f.dataset.set(dir.toString());
        f.count.set("3");
        assertEquals(List.of("cpu", "gpu"), vm.devices);
        assertEquals(Device.CPU, f.definition().device(), "cpu by default");
        f.deviceProperty().set(null);
        assertEquals("device", field(f));
        assertEquals("Device: choose cpu or gpu", assertThrows(InvalidField.class, f::definition).getMessage());
        f.deviceProperty().set("tpu");
        assertEquals("Device: must be cpu or gpu, got \"tpu\"",
                assertThrows(InvalidField.class, f::definition).getMessage());
        f.deviceProperty().set("gpu");
        assertEquals(Device.GPU, f.definition().device());
        vm.create();
        assertEquals("", vm.invalidFieldProperty().get(), vm.formMessageProperty().get());
        assertEquals(Device.GPU, new SweepService(session.file()).definition("TinyResNet-s1").device());
    }

    @Test
    void lrAndWdTakeALogUniformRangeLoHi() throws IOException {
        TrainingViewModel vm = vm(new ArrayList<>());
        SweepForm f = vm.form;
        f.dataset.set(dir.toString());
        f.count.set("3");
        assertEquals(org.ndsw.app.sweep.SampledOptim.NONE, f.definition().sampled(), "one value: no sampling");
        f.lr.set("0.01:1");
        f.wd.set("1e-5:1e-3");
        org.ndsw.app.sweep.SampledOptim s = f.definition().sampled();
        assertEquals(new org.ndsw.app.sweep.SampledOptim.LogRange(0.01, 1), s.lr());
        assertEquals(new org.ndsw.app.sweep.SampledOptim.LogRange(1e-5, 1e-3), s.wd());
        f.lr.set("1:0.1");
        assertEquals("lr", field(f));
        assertEquals("Learning rate: a log-uniform range needs 0 < lo <= hi, both finite, got [1.0, 0.1]",
                assertThrows(InvalidField.class, f::definition).getMessage());
    }

    @Test
    void theEnhancedRecipeFillsItsValuesAndEachIsValidatedOnItsField() throws IOException {
        TrainingViewModel vm = vm(new ArrayList<>());
        SweepForm f = vm.form;
        f.dataset.set(dir.toString());
        f.count.set("2");
        assertEquals(List.of("plain", "enhanced"), vm.recipes);
        assertEquals("plain", f.recipeProperty().get());
        f.recipeProperty().set("enhanced");
        assertEquals(List.of("600", "16", "0.4", "0.2"), List.of(f.epochs.get(), f.cutout.get(), f.auxWeight.get(),
                f.dropPath.get()));
        // TinyResNet is stage-wise: the head and drop-path are refused on their fields, cutout and epochs are kept
        assertEquals("auxWeight", field(f));
        assertEquals("Aux weight: the auxiliary head is defined for cell networks only, and TinyResNet is a"
                + " stage-wise space; use 0 (cutout and epochs apply to every space)",
                assertThrows(InvalidField.class, f::definition).getMessage());
        f.auxWeight.set("0");
        assertEquals("dropPath", field(f));
        f.dropPath.set("0");
        assertEquals(org.ndsw.train.Recipe.NDS_CIFAR.withEpochs(600).withCutout(16), f.definition().recipe());
        f.cutout.set("40");
        assertEquals("cutout", field(f));
        assertEquals("Cutout: must be 0 (off) to 32 pixels, got 40",
                assertThrows(InvalidField.class, f::definition).getMessage());
        f.cutout.set("x");
        assertEquals("cutout", field(f));
        f.cutout.set("16");
        f.auxWeight.set("-1");
        assertEquals("auxWeight", field(f));
        f.auxWeight.set("0");
        f.dropPath.set("1");
        assertEquals("Drop-path: must be a probability below 1, got 1",
                assertThrows(InvalidField.class, f::definition).getMessage());
        f.recipeProperty().set(null);
        assertEquals("recipe", field(f));

        f.space.set(new SpaceEntry(BuiltinSpaces.find("DARTS").orElseThrow(), null));
        f.recipeProperty().set("enhanced");
        f.name.set("darts-enhanced");
        assertEquals(org.ndsw.train.Recipe.ENHANCED_CIFAR, f.definition().recipe());
        vm.create();
        assertEquals("", vm.invalidFieldProperty().get(), vm.formMessageProperty().get());
        assertEquals(org.ndsw.train.Recipe.ENHANCED_CIFAR,
                new SweepService(session.file()).definition("darts-enhanced").recipe());
        f.recipeProperty().set("plain");
        assertEquals(List.of("100", "0", "0", "0"), List.of(f.epochs.get(), f.cutout.get(), f.auxWeight.get(),
                f.dropPath.get()));
        assertEquals(org.ndsw.train.Recipe.NDS_CIFAR, f.definition().recipe());
    }

    private static String field(SweepForm f) {
        return assertThrows(InvalidField.class, f::definition).field();
    }

    @Test
    void countsAcceptSuffixes() {
        assertEquals(1_500_000, SweepForm.count("k", "K", "1.5M", 0));
        assertEquals(300_000, SweepForm.count("k", "K", "300k", 0));
        assertEquals(7, SweepForm.count("k", "K", " ", 7));
        assertEquals(2_000_000_000L, SweepForm.count("k", "K", "2G", 0));
    }

    @Test
    void planForAClusterWritesTheArrayAndCollectRecordsItsResultsOnce() throws IOException {
        List<Runnable> changes = new ArrayList<>();
        TrainingViewModel vm = vm(changes);
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 20, 10);
        vm.form.dataset.set(data.toString());
        vm.form.count.set("2");
        vm.form.epochs.set("1");
        vm.form.batch.set("10");
        vm.create();
        SweepCluster c = vm.cluster;
        c.plan();
        assertEquals("Output folder: choose the plan folder (shared by the nodes)", c.resultProperty().get());
        Path plan = dir.resolve("plan");
        c.out.set(plan.toString());
        c.cpus.set("0");
        c.plan();
        assertEquals("CPUs: a whole number of at least 1, got \"0\"", c.resultProperty().get());
        c.cpus.set("1");
        c.limit.set("3");
        c.gpus.set("1");
        c.time.set("00:30:00");
        c.partition.set("short");
        c.plan();
        assertTrue(c.resultProperty().get().startsWith("Planned 2 runs of TinyResNet-s1 in "), c.resultProperty().get());
        String script = Files.readString(plan.resolve(org.ndsw.app.sweep.ClusterPlan.SCRIPT));
        for (String line : List.of("#SBATCH --array=0-1%3", "#SBATCH --cpus-per-task=1", "#SBATCH --gres=gpu:1",
                "#SBATCH --time=00:30:00", "#SBATCH --partition=short")) {
            assertTrue(script.contains(line), line + " in\n" + script);
        }
        assertTrue(vm.log.get(vm.log.size() - 1).contains("submit with: sbatch "), vm.log.toString());
        // One task ran (in this JVM, as the array's task 0 would): collecting records it, twice records nothing.
        assertEquals(0, org.ndsw.app.sweep.ClusterWorker.run(org.ndsw.app.sweep.ClusterFiles.jobFile(plan, 0),
                plan.resolve("results"), 1, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        c.collect(plan);
        assertEquals("Collected TinyResNet-s1: 1 done, 0 failed, 0 running updated, 0 lost; 1 runs not finished",
                c.resultProperty().get());
        assertEquals(1.0, c.progress.get());
        assertFalse(c.busyProperty().get());
        assertEquals(RunStatus.DONE, vm.runs.get(0).run().status(), "the runs table was read again");
        c.collect(plan);
        assertTrue(c.resultProperty().get().startsWith("Collected TinyResNet-s1: 0 done, 0 failed"),
                c.resultProperty().get());
        c.collect(dir.resolve("nowhere"));
        assertTrue(c.resultProperty().get().startsWith("Collecting TinyResNet-s1: ")
                && c.resultProperty().get().endsWith("no results folder; is this a folder written by `ndsw sweep plan`?"),
                c.resultProperty().get());
    }

    @Test
    void createStoresTheSweepInTheOpenCatalogueAndListsIt() throws IOException {
        List<Runnable> changes = new ArrayList<>();
        TrainingViewModel vm = vm(changes);
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 20, 10);
        vm.form.dataset.set(data.toString());
        vm.form.count.set("3");
        vm.form.epochs.set("1");
        vm.create();
        assertEquals("", vm.invalidFieldProperty().get(), vm.formMessageProperty().get());
        assertTrue(vm.formMessageProperty().get().startsWith("Created TinyResNet-s1: 3 models"),
                vm.formMessageProperty().get());
        assertEquals(1, changes.size(), "the catalogue panel is told");
        assertEquals(1, vm.sweeps.size());
        SweepItem item = vm.sweeps.get(0);
        assertEquals(vm.selectedSweep.get(), item, "the new sweep is selected");
        assertEquals(3, item.queued());
        assertEquals("not started", item.state());
        assertFalse(item.interrupted());
        assertEquals(3, vm.runs.size());
        assertTrue(vm.runs.stream().allMatch(r -> r.run().status() == RunStatus.QUEUED && r.epoch().equals("0 / 1")));
        assertTrue(vm.overallProperty().get().startsWith("3 runs: 0 done"), vm.overallProperty().get());
        vm.selectedRun.set(vm.runs.get(0));
        assertNull(vm.curves.get(), "no epoch yet, no curve");
        // The same name again is refused with the service's message, nothing is half-written.
        vm.create();
        assertTrue(vm.formMessageProperty().get().contains("already has a sweep named"), vm.formMessageProperty().get());
        assertEquals(1, vm.sweeps.size());
    }

    @Test
    void aSweepWithRunsLeftAndNoProcessIsInterrupted() throws IOException {
        TrainingViewModel vm = vm(new ArrayList<>());
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 20, 10);
        new SweepService(session.file()).create(new SweepDefinition("b", BuiltinSpaces.all().get(0).name(), 2, 1,
                org.ndsw.complexity.Window.NONE, org.ndsw.complexity.Convention.NDS, org.ndsw.train.Recipe.NDS_CIFAR,
                data.toString(), 0, 0, 0, "djl", org.ndsw.train.Device.CPU, 1), null);
        var status = new SweepService(session.file()).status("b");
        var done = new org.ndsw.catalog.SweepRun(1, 0, "m", 1L, RunStatus.DONE, 1, 1, 50.0, 50.0, 1, null, null,
                null, null, null, null);
        var dead = new org.ndsw.catalog.SweepRun(2, 1, "m", 1L, RunStatus.RUNNING, 0, 1, null, null, 1, null, "h",
                999_999_999L, null, null, null);
        SweepItem interrupted = SweepItem.of(new org.ndsw.app.sweep.SweepStatus("b", org.ndsw.train.Device.CPU, false,
                List.of(done, dead)), false, pid -> false);
        assertTrue(interrupted.interrupted());
        assertEquals("interrupted — resume", interrupted.state());
        SweepItem elsewhere = SweepItem.of(new org.ndsw.app.sweep.SweepStatus("b", org.ndsw.train.Device.CPU, false,
                List.of(done, dead)), false, pid -> true);
        assertEquals("training in another process", elsewhere.state());
        assertEquals(2, status.total());
        vm.refresh();
        assertEquals(1, vm.sweeps.size());
        assertTrue(vm.messageProperty().get().startsWith("1 trainable sweeps"), vm.messageProperty().get());
    }

    @Test
    void aFailedRunShowsItsReasonAndLogTail() throws IOException {
        TrainingViewModel vm = vm(new ArrayList<>());
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 40, 20);
        // A loss threshold no network meets: the run diverges in its first batch and fails.
        SweepDefinition def = new SweepDefinition("div", tinySpace(dir.resolve("s2")).file().toString(), 1, 1,
                org.ndsw.complexity.Window.NONE, org.ndsw.complexity.Convention.NDS,
                new org.ndsw.train.Recipe(1, 10, 25, 0.1, 0.9, true, 5e-4, 1e-3), data.toString(), 0, 0, 0, "djl",
                org.ndsw.train.Device.CPU, 1);
        SweepService s = new SweepService(session.file());
        s.create(def, null);
        s.run("div", new org.ndsw.app.sweep.RunOptions(1, 1, "512m", false, 60, 3, List.of()),
                org.ndsw.app.sweep.SweepListener.NONE);
        vm.select("div");
        assertEquals("div", vm.selectedSweep.get().name());
        assertEquals("finished, 1 failed", vm.selectedSweep.get().state());
        vm.selectedRun.set(vm.runs.get(0));
        String text = vm.failureProperty().get();
        assertTrue(text.startsWith("Failed: diverged in epoch 1, batch 1 (loss "), text);
        assertTrue(text.contains("worker.log:\n") && text.lines().count() > 3, text);
    }

    @Test
    void onStartASweepLeftRunningOrInterruptedIsSelected() throws Exception {
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 20, 10);
        Path space = tinySpace(dir.resolve("s3")).file();
        Path file = dir.resolve("c.db");
        SweepService s = new SweepService(file);
        for (String name : List.of("fresh", "cut", "away")) {
            s.create(new SweepDefinition(name, space.toString(), 2, 1, org.ndsw.complexity.Window.NONE,
                    org.ndsw.complexity.Convention.NDS, org.ndsw.train.Recipe.NDS_CIFAR, data.toString(), 0, 0, 0,
                    "djl", org.ndsw.train.Device.CPU, 1), null);
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (org.ndsw.catalog.Catalog c = org.ndsw.catalog.Catalog.open(file)) {
            // "cut": its process died mid-run; "away": a live process (this one) holds a run.
            c.runQueue().claimNext("cut", new org.ndsw.catalog.Owner("t1", "h", gone.pid())).orElseThrow();
            c.runQueue().claimNext("away", new org.ndsw.catalog.Owner("t2", "h", ProcessHandle.current().pid()))
                    .orElseThrow();
        }
        TrainingViewModel vm = vm(new ArrayList<>());
        assertEquals("away", vm.selectedSweep.get().name(), vm.sweeps.toString());
        assertEquals("training in another process", vm.selectedSweep.get().state());
        assertTrue(vm.messageProperty().get().endsWith("2 with interrupted or running runs: select one and Resume"),
                vm.messageProperty().get());
        SweepItem cut = vm.sweeps.stream().filter(i -> i.name().equals("cut")).findFirst().orElseThrow();
        assertEquals("interrupted — resume", cut.state());
        assertEquals("not started", vm.sweeps.stream().filter(i -> i.name().equals("fresh")).findFirst()
                .orElseThrow().state());
    }

    @Test
    void theCoalescerHandsOverOnceWhateverArrives() {
        List<Runnable> queued = new ArrayList<>();
        int[] flushes = {0};
        Coalescer c = new Coalescer(queued::add, () -> flushes[0]++);
        for (int i = 0; i < 1000; i++) {
            c.poke();
        }
        assertEquals(1, queued.size());
        queued.remove(0).run();
        assertEquals(1, flushes[0]);
        c.poke();
        assertEquals(1, queued.size(), "a new event after the flush schedules the next one");
    }

    @Test
    void durations() {
        assertEquals("1:05", TrainingViewModel.duration(65));
        assertEquals("2:00:01", TrainingViewModel.duration(7201));
    }
}
