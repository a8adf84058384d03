package org.ndsw.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void anImpossibleWindowIsReportedAndKeepsTheLastResult(@TempDir Path dir) throws Exception {
        CompareViewModel vm = withTwoSets(dir);
        vm.normalize.set(Complexity.PARAMS);
        vm.bins.set(5000);
        assertTrue(vm.messageProperty().get().contains("empty"), vm.messageProperty().get());
        vm.bins.set(CompareOptions.DEFAULT_BINS);
        assertTrue(vm.messageProperty().get().startsWith("normalized by params"), vm.messageProperty().get());
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
