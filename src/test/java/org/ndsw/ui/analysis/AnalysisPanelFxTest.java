package org.ndsw.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.SpaceFiles;
import org.ndsw.space.StageSpace;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.chart.FigureView;
import org.ndsw.ui.compare.CompareInput;
import org.ndsw.ui.spaces.SpaceEntry;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real analysis panel under Monocle: Analyse fills the parameter list and views; Refine writes a child. */
@ExtendWith(ApplicationExtension.class)
class AnalysisPanelFxTest {
    private AnalysisPanel panel;
    private final List<Path> opened = new ArrayList<>();
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("ndsw-analysis");
        var spaces = FXCollections.observableArrayList(BuiltinSpaces.all().stream()
                .map(s -> new SpaceEntry(s, null)).toList());
        List<CompareInput> sets = List.of(
                CompareInput.file(SourceSpec.parse(AnalysisViewModelTest.STUDY.resolve("ResNet.json").toString())),
                CompareInput.file(SourceSpec.parse(AnalysisViewModelTest.STUDY.resolve("Vanilla.json").toString())));
        panel = AnalysisPanel.create(new FxTaskRunner(1, t -> { }), stage, new Dialogs(stage),
                new SimpleObjectProperty<CatalogSession>(), spaces, () -> sets, dir.resolve("spaces"),
                new AnalysisViewModel.Hooks() {
                    @Override
                    public void openSpace(Path file) {
                        opened.add(file);
                    }

                    @Override
                    public void train(String sweep) {
                    }

                    @Override
                    public void compare(List<CompareInput> in) {
                    }
                });
        stage.setScene(new Scene(panel.view(), 1400, 900));
        stage.show();
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.hideStage();
    }

    @Test
    @SuppressWarnings("unchecked")
    void analyseThenRefineByTheSelectedGoodRangeWritesAndOpensTheChild(FxRobot robot) throws Exception {
        robot.clickOn("#analysis-analyse");
        TableView<AnalysisViewModel.Row> table = robot.lookup("#analysis-parameters").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertEquals(3, table.getColumns().size(), "parameter, ResNet, Vanilla");
        int row = table.getItems().stream().map(AnalysisViewModel.Row::name).toList().indexOf("net.ds[1]");
        robot.interact(() -> table.getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#analysis-parameter-0").queryAs(FigureView.class).figure() != null);
        assertTrue(robot.lookup("#analysis-parameter-1").queryAs(FigureView.class).figure() != null);

        robot.clickOn("#analysis-refine");
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#refine-name").queryAs(TextField.class);
        assertEquals("ResNet-refined", name.getText());
        assertEquals(dir.resolve("spaces/ResNet-refined.json").toString(),
                robot.lookup("#refine-file").queryAs(TextField.class).getText());
        robot.clickOn("OK");
        Path child = dir.resolve("spaces/ResNet-refined.json");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(child));
        StageSpace s = (StageSpace) SpaceFiles.read(child);
        assertEquals("ResNet", s.parent());
        assertEquals(List.of(child), opened);
        assertTrue(robot.lookup("#analysis-message").queryAs(Label.class).getText().startsWith("Wrote " + child),
                robot.lookup("#analysis-message").queryAs(Label.class).getText());
        assertTrue(!robot.lookup("#analysis-train").queryButton().isDisabled());
    }
}
