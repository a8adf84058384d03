package org.ndsw.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.compare.CompareFigure;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.app.sweep.RunOptions;
import org.ndsw.app.sweep.SweepListener;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.catalog.RunStatus;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.Constraints;
import org.ndsw.train.TinyCifar;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.compare.CompareInput;
import org.ndsw.ui.compare.CompareViewModel;
import org.ndsw.ui.task.DirectTaskRunner;

/**
 * The loop of a new user, end to end with real training: analyse the sample study, refine its ResNet space by one
 * constraint, sample and train a small child sweep on tiny generated data, and compare the child with its parent.
 */
@Tag("slow")
class RefineLoopSlowTest {
    @TempDir
    Path dir;

    @Test
    void refineTrainAndCompareParentWithChild() throws Exception {
        DirectTaskRunner tasks = new DirectTaskRunner();
        Path db = dir.resolve("c.db");
        SimpleObjectProperty<CatalogSession> session = new SimpleObjectProperty<>(CatalogSession.open(db, true));
        CompareViewModel compare = new CompareViewModel(tasks);
        AnalysisViewModel vm = new AnalysisViewModel(tasks, session, new AnalysisViewModel.Hooks() {
            @Override
            public void openSpace(Path file) {
            }

            @Override
            public void train(String sweep) {
                // what the Training panel's scheduler does, here on this thread
                new SweepService(db).run(sweep, RunOptions.of(1), SweepListener.NONE);
            }

            @Override
            public void compare(List<CompareInput> sets) {
                compare.replaceInputs(sets);
            }
        });
        try {
            vm.useCompareSets(List.of(CompareInput.file(SourceSpec.parse(
                    AnalysisViewModelTest.STUDY.resolve("ResNet.json").toString()))));
            assertTrue(vm.messageProperty().get().startsWith("Analysed ResNet"), vm.messageProperty().get());
            // One constraint: every stage's width at most 24 (small nets that train in seconds).
            Constraints.ValueRule narrow = new Constraints.ValueRule(Constraints.Param.WIDTH, new int[0], null, 24,
                    new int[0]);
            Path child = dir.resolve("spaces/ResNet-narrow.json");
            assertTrue(vm.refine("ResNet", BuiltinSpaces.resolve("ResNet"), "ResNet-narrow", List.of(narrow),
                    List.of(), child), vm.messageProperty().get());
            Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 20, 10);
            vm.sampleAndTrain(new ChildSweep("ResNet-narrow-sweep", 6, 1, 10, data.toString()));
            assertEquals("ResNet-narrow-sweep", vm.childSweepProperty().get(), vm.messageProperty().get());
            var runs = new SweepService(db).status("ResNet-narrow-sweep").runs();
            assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.DONE),
                    runs.stream().map(r -> r.status() + " " + r.failure()).toList().toString());
            vm.compareParentAndChild();
            CompareViewModel.View view = compare.viewProperty().get();
            assertNotNull(view, compare.messageProperty().get());
            assertEquals(List.of("ResNet", "ResNet-narrow-sweep"), view.labels());
            assertEquals(1, view.result().pairs().size(), "KS of parent against child");
            assertNotNull(view.figures().get(CompareFigure.EDF));
            assertNotNull(view.figures().get(CompareFigure.RANDOM_SEARCH));
            tasks.assertFailuresHandled();
        } finally {
            session.get().close();
        }
    }
}
