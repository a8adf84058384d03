package org.ndsw.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
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
}
