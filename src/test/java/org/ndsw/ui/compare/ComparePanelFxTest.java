package org.ndsw.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import org.controlsfx.control.RangeSlider;
import org.ndsw.stats.BinPolicy;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.app.NdsFixtures;
import org.ndsw.app.compare.PairResult;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.chart.FigureView;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real compare panel under Monocle: two sets in, KS table and EDF figure out, normalization by clicking. */
@ExtendWith(ApplicationExtension.class)
class ComparePanelFxTest {
    private ComparePanel panel;

    @Start
    void start(Stage stage) {
        panel = ComparePanel.create(new FxTaskRunner(1, t -> { }), stage, new Dialogs(stage));
        stage.setScene(new Scene(panel.view(), 1300, 850));
        stage.show();
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.hideStage();
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoSetsGiveAKsRowAndAnEdfFigure(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("ndsw-compare");
        NdsFixtures.writeList(dir.resolve("ResNet.json"), 600, 0, 1, 4);
        NdsFixtures.writeList(dir.resolve("Vanilla.json"), 600, 2.5, 2, 4);
        robot.interact(() -> {
            panel.viewModel().inputs().add(CompareInput.file(SourceSpec.parse(dir.resolve("ResNet.json").toString())));
            panel.viewModel().inputs().add(CompareInput.file(SourceSpec.parse(dir.resolve("Vanilla.json").toString())));
        });
        TableView<PairResult> ks = robot.lookup("#compare-ks").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ks.getItems().size() == 1);
        assertEquals("ResNet", ks.getItems().get(0).a());
        assertTrue(ks.getItems().get(0).ks().d() > 0.3, "Vanilla is clearly worse in the fixture");
        assertTrue(robot.lookup("#compare-chart-edf").queryAs(FigureView.class).figure() != null);

        ComboBox<Complexity> normalize = robot.lookup("#compare-normalize").queryAs(ComboBox.class);
        robot.interact(() -> normalize.setValue(Complexity.PARAMS));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#compare-message").queryAs(Label.class).getText().startsWith("normalized by params"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!Double.isNaN(ks.getItems().get(0).normalizedD()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void controlsExplainThemselvesAndTheEmptyKsTableSaysWhatToDo(FxRobot robot) {
        for (String id : List.of("#compare-normalize", "#compare-bin-policy", "#compare-random-search",
                "#compare-range-default")) {
            assertNotNull(robot.lookup(id).queryAs(Control.class).getTooltip(), id + " has a tooltip");
        }
        ComboBox<BinPolicy> policy = robot.lookup("#compare-bin-policy").queryAs(ComboBox.class);
        assertEquals("strict (an error)", policy.getConverter().toString(policy.getValue()), "no raw enum STRICT");
        TableView<PairResult> ks = robot.lookup("#compare-ks").queryAs(TableView.class);
        assertTrue(((Label) ks.getPlaceholder()).getText().startsWith("Add two or more sets"));
        assertTrue(robot.lookup("#compare-ks-legend").queryAs(FlowPane.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("p < 0.001")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWindowHasUnitsSyncsBothWaysAndATypedBoundCountsOnFocusLoss(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("ndsw-compare");
        NdsFixtures.writeList(dir.resolve("ResNet.json"), 600, 0, 1, 4);
        NdsFixtures.writeList(dir.resolve("Vanilla.json"), 600, 2.5, 2, 4);
        CompareViewModel vm = panel.viewModel();
        robot.interact(() -> {
            vm.inputs().add(CompareInput.file(SourceSpec.parse(dir.resolve("ResNet.json").toString())));
            vm.inputs().add(CompareInput.file(SourceSpec.parse(dir.resolve("Vanilla.json").toString())));
            vm.normalize.set(Complexity.PARAMS);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.viewProperty().get() != null
                && vm.viewProperty().get().result().window() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#compare-range-title").queryAs(Label.class).getText().contains("M params"));
        RangeSlider slider = robot.lookup("#compare-range").queryAs(RangeSlider.class);
        TextField lo = robot.lookup("#compare-range-lo").queryAs(TextField.class);
        TextField hi = robot.lookup("#compare-range-hi").queryAs(TextField.class);
        double scale = slider.getMax();
        robot.interact(() -> slider.setHighValue(0.4));
        assertEquals("0.4000", hi.getText(), "dragging the slider fills the bound field");

        robot.interact(() -> {
            lo.requestFocus();
            lo.setText("0.05");
        });
        assertTrue(Double.isNaN(vm.rangeLo.get()), "not committed while typing");
        robot.interact(() -> robot.lookup("#compare-ks").query().requestFocus());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.rangeLo.get() == 0.05);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.viewProperty().get() != null
                && vm.viewProperty().get().result().window().lo() == 0.05);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.05, slider.getLowValue(), 1e-12, "a typed bound moves the slider");
        assertEquals(scale, slider.getMax(), "the slider's scale stays after a success");

        robot.interact(() -> vm.bins.set(5000));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.viewProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(robot.lookup("#compare-chart-edf").queryAs(FigureView.class).figure(), "no stale chart");
        assertTrue(robot.lookup("#compare-ks").queryAs(TableView.class).getItems().isEmpty(), "no stale KS rows");
        assertTrue(robot.lookup("#compare-fix-fit").queryAs(Button.class).isVisible());
        robot.clickOn("#compare-fix-fit");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.viewProperty().get() != null);
    }
}
