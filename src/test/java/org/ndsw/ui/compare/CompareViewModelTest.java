package org.ndsw.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.compare.CompareCsv;
import org.ndsw.app.compare.CompareFigure;
import org.ndsw.app.compare.CompareOptions;
import org.ndsw.app.compare.CompareService;
import org.ndsw.app.NdsFixtures;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.stats.BinPolicy;
import org.ndsw.ui.task.DirectTaskRunner;

/** The compare panel's view model: controls map to the same numbers `ndsw compare` prints. */
class CompareViewModelTest {
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @AfterEach
    void everyFailureWasHandled() {
        tasks.assertFailuresHandled();
    }


    private CompareViewModel withTwoSets(Path dir) throws Exception {
        NdsFixtures.writeList(dir.resolve("ResNet.json"), 800, 0, 1, 4);
        NdsFixtures.writeList(dir.resolve("Vanilla.json"), 800, 2.5, 2, 4);
        CompareViewModel vm = new CompareViewModel(tasks);
        vm.inputs.add(CompareInput.file(SourceSpec.parse(dir.resolve("ResNet.json").toString())));
        vm.inputs.add(CompareInput.file(SourceSpec.parse(dir.resolve("Vanilla.json").toString())));
        return vm;
    }

    @Test
    void plainComparisonMatchesTheService(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        CompareViewModel.View v = vm.viewProperty().get();
        assertNotNull(v);
        assertEquals(1, vm.pairs.size());
        var expected = new CompareService().compare(List.of(SourceSpec.parse(dir.resolve("ResNet.json").toString()),
                SourceSpec.parse(dir.resolve("Vanilla.json").toString())), vm.options());
        assertEquals(expected.pairs().get(0).ks().d(), vm.pairs.get(0).ks().d());
        assertEquals(CompareFigure.values().length, v.figures().size());
    }

    @Test
    void normalizingUsesThePaperWindowUntilARangeIsSet(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        vm.normalize.set(Complexity.PARAMS);
        var w = vm.viewProperty().get().result().window();
        assertEquals(0.856, w.hi());
        vm.rangeLo.set(0.05);
        vm.rangeHi.set(0.5);
        w = vm.viewProperty().get().result().window();
        assertEquals(0.05, w.lo());
        assertEquals(0.5, w.hi());
        vm.resetRange();
        assertEquals(0.856, vm.viewProperty().get().result().window().hi());
    }

    @Test
    void aFailedNormalizationClearsTheFigureAndOffersFixesInPlace(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        vm.normalize.set(Complexity.PARAMS);
        assertNotNull(vm.viewProperty().get());
        vm.rangeLo.set(0.05);
        vm.rangeHi.set(0.5);
        vm.bins.set(5000);
        String why = vm.messageProperty().get();
        assertTrue(why.contains("empty"), why);
        assertNull(vm.viewProperty().get(), "no stale figure after a failure");
        assertTrue(vm.pairs.isEmpty(), "no stale KS rows after a failure");
        assertFalse(why.contains("--"), "no command-line flag in a GUI message: " + why);
        assertTrue(vm.emptyBinsFailedProperty().get());
        assertNotNull(vm.fitProperty().get());

        vm.mergeEmptyBins();
        assertNotNull(vm.viewProperty().get(), vm.messageProperty().get());
        vm.binPolicy.set(BinPolicy.STRICT);
        assertNull(vm.viewProperty().get());
        vm.fitWindowToData();
        assertNotNull(vm.viewProperty().get(), vm.messageProperty().get());
        assertTrue(vm.bins.get() <= 5000 && vm.messageProperty().get().startsWith("normalized by params"));
        assertNull(vm.fitProperty().get(), "the fix disappears once it applied");
    }

    @Test
    void theBundledStudyNormalizesOutOfTheBox() {
        for (Complexity c : Complexity.values()) {
            CompareViewModel vm = new CompareViewModel(tasks);
            vm.inputs.add(CompareInput.file(SourceSpec.parse(Path.of("sample-data/study/ResNet.json").toString())));
            vm.inputs.add(CompareInput.file(SourceSpec.parse(Path.of("sample-data/study/Vanilla.json").toString())));
            vm.normalize.set(c);
            CompareViewModel.View v = vm.viewProperty().get();
            assertNotNull(v, c + ": " + vm.messageProperty().get());
            assertTrue(vm.messageProperty().get().contains("fitted to the data"), vm.messageProperty().get());
            assertTrue(v.result().window().hi() < c.cifarMax(), "window fitted below the paper's c_max");
            assertEquals(1, vm.pairs.size());
            int used = v.result().options().bins();
            assertTrue(used != vm.bins.get(), "the bundled study needs a smaller k than " + vm.bins.get());
            assertEquals("fitted: " + used, vm.binsUsedProperty().get(), "Bins k must not contradict the figure");
            vm.normalize.set(null);
            assertEquals("", vm.binsUsedProperty().get(), "plain EDFs use no bins");
        }
    }

    @Test
    void theFigureAlwaysMatchesTheListedSetsAndAReplaceIsUndoable(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        assertEquals(List.of("ResNet", "Vanilla"), vm.viewProperty().get().labels());
        Path bad = Files.writeString(dir.resolve("Broken.json"), "[{\"oops\": ");
        vm.replaceInputs(List.of(CompareInput.file(SourceSpec.parse(bad.toString()))));
        assertNull(vm.viewProperty().get(), "the old ResNet vs Vanilla figure must not stay next to Broken");
        assertTrue(vm.pairs.isEmpty());
        assertNotNull(vm.undoableProperty().get());
        vm.undoReplace();
        assertEquals(List.of("ResNet", "Vanilla"), vm.viewProperty().get().labels());
        assertEquals(vm.inputs.stream().map(CompareInput::label).toList(), vm.viewProperty().get().labels());
        assertNull(vm.undoableProperty().get());

        NdsFixtures.writeList(dir.resolve("Other.json"), 300, 1, 3, 4);
        vm.addInputs(List.of(CompareInput.file(SourceSpec.parse(dir.resolve("Other.json").toString())),
                CompareInput.file(SourceSpec.parse(dir.resolve("ResNet.json").toString()))));
        assertEquals(List.of("ResNet", "Vanilla", "Other"), vm.viewProperty().get().labels(), "a listed set is not added twice");
    }

    @Test
    void theWindowScaleStaysWhileTheSetsStay(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        vm.normalize.set(Complexity.PARAMS);
        double scale = vm.viewProperty().get().scaleMax();
        vm.rangeLo.set(0.05);
        vm.rangeHi.set(0.3);
        assertEquals(scale, vm.viewProperty().get().scaleMax());
        assertEquals(0.3, vm.viewProperty().get().result().window().hi());
    }

    @Test
    void anExportIsConfirmed(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        assertEquals("", vm.noticeProperty().get());
        vm.exported(dir.resolve("edf.svg"));
        assertTrue(vm.noticeProperty().get().startsWith("Wrote ") && vm.noticeProperty().get().endsWith("edf.svg"));
    }

    @Test
    void theExportDialogOpensOnTheFormatOfTheLastTypedName(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        assertEquals("svg", vm.figureFormat());
        vm.exportedFigure(FxCompareActions.figureFile(dir.resolve("edf.PNG"), "svg"));
        assertEquals("png", vm.figureFormat(), "a typed .png name decides the selector next time");
        vm.exportedFigure(FxCompareActions.figureFile(dir.resolve("edf"), "svg"));
        assertEquals("svg", vm.figureFormat());
    }

    @Test
    void removingEverySetClearsTheView(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        vm.inputs.clear();
        assertNull(vm.viewProperty().get());
        assertTrue(vm.pairs.isEmpty());
    }

    @Test
    void numbersExportAsTwoCsvFiles(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        Path csv = dir.resolve("out.csv");
        Path pairs = CompareCsv.write(vm.viewProperty().get().result(), csv);
        assertEquals(dir.resolve("out-pairs.csv"), pairs);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("label,error,cumulative_weight", lines.get(0));
        assertEquals(1 + 800 + 800, lines.size());
        assertTrue(Files.readAllLines(pairs).get(1).startsWith("ResNet,Vanilla,"));
    }
}
