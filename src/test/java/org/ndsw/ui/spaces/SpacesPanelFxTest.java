package org.ndsw.ui.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.space.SpaceFiles;
import org.ndsw.space.StageSpace;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.chart.FigureView;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks through the real design spaces panel under Monocle: build a space by clicking and save it. */
@ExtendWith(ApplicationExtension.class)
class SpacesPanelFxTest {
    private Path dir;
    private SpacesPanel panel;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("ndsw-spaces");
        panel = SpacesPanel.create(new FxTaskRunner(1, t -> { }), stage, new Dialogs(stage), dir);
        stage.setScene(new Scene(panel.view(), 1300, 850));
        stage.show();
    }

    @AfterEach
    void hidePopups() throws Exception {
        FxToolkit.hideStage();
    }

    @Test
    void buildAStageSpaceByClickingAndSaveIt(FxRobot robot) throws Exception {
        robot.clickOn("#new-stage");
        TextField name = robot.lookup("#space-name").queryAs(TextField.class);
        robot.interact(() -> name.setText("Clicked space"));
        assertTrue(robot.lookup("#space-file").queryAs(Label.class).getText().startsWith("Not saved yet: Save writes "
                + dir.resolve("Clicked_space.json")));
        robot.clickOn("#stages-0-width-input").write("512").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // ResNet's 9 depths x 12 widths per stage, plus one width in stage 1: 9·13 · 108 · 108.
        assertEquals("1,364,688 models", robot.lookup("#space-size").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#preview-params").queryAs(FigureView.class).figure() != null);
        robot.clickOn("#save");
        WaitForAsyncUtils.waitForFxEvents();
        Path saved = dir.resolve("Clicked_space.json");
        assertTrue(Files.exists(saved), "saved file");
        assertEquals("File: " + saved, robot.lookup("#space-file").queryAs(Label.class).getText());
        StageSpace s = (StageSpace) SpaceFiles.read(saved);
        assertTrue(java.util.Arrays.stream(s.stages().get(0).widths()).anyMatch(w -> w == 512));
    }

    @Test
    void invalidChoiceMarksTheFieldAndDisablesSave(FxRobot robot) {
        robot.interact(() -> panel.viewModel().selected.set(panel.viewModel().entries.stream()
                .filter(e -> e.space().name().equals("ResNeXt-A")).findFirst().orElseThrow()));
        robot.clickOn("#stages-0-groups-input").write("8").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#space-error").queryAs(Label.class).getText().startsWith("Stage 1, Groups: 8"));
        assertTrue(robot.lookup("#stages-0-groups").query().getStyleClass().contains("field-error"));
        Label next = robot.lookup("#stages-0-groups-error").queryAs(Label.class);
        assertTrue(next.isVisible() && next.getText().startsWith("Stage 1, Groups: 8"), "shown next to the field");
        assertTrue(robot.lookup("#save").query().isDisabled());
        robot.interact(() -> panel.viewModel().editor().stages.get(0).groups.remove(Integer.valueOf(8)));
        assertTrue(!robot.lookup("#stages-0-groups").query().getStyleClass().contains("field-error"), "outline cleared");
        assertTrue(!next.isVisible());
    }

    @Test
    void aBadChipValueIsExplainedNextToTheFieldUntilTheFieldIsCleared(FxRobot robot) {
        robot.clickOn("#stages-0-width-input").write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#stages-0-width-input-error").queryAs(Label.class);
        TextField input = robot.lookup("#stages-0-width-input").queryAs(TextField.class);
        assertTrue(message.isVisible() && message.getText().contains("\"abc\" is not a whole number"), message.getText());
        assertTrue(input.getStyle().contains("border"));
        robot.interact(input::clear);
        assertTrue(!message.isVisible(), "cleared with the field");
        assertEquals("", input.getStyle(), "outline cleared with the field");
    }

    @Test
    void ctrlZUndoesAnEditAndTheTitleMarksUnsavedChanges(FxRobot robot) {
        Label title = robot.lookup("#space-title").queryAs(Label.class);
        String size = robot.lookup("#space-size").queryAs(Label.class).getText();
        assertTrue(!title.getText().endsWith("*"), title.getText());
        robot.clickOn("#stages-0-width-input").write("512").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(title.getText().endsWith(" *"), title.getText());
        assertTrue(!size.equals(robot.lookup("#space-size").queryAs(Label.class).getText()));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(size, robot.lookup("#space-size").queryAs(Label.class).getText());
        assertTrue(!title.getText().endsWith("*"), "back to the loaded space: " + title.getText());
        assertTrue(!robot.lookup("#space-redo").query().isDisabled());
    }

    /** Issue 21 item 6: a typed stem width 0 stays 0 in the field and is refused next to it, in the editor's words. */
    @Test
    void aTypedStemWidthOfZeroIsKeptAndExplainedNextToTheField(FxRobot robot) {
        robot.interact(() -> panel.viewModel().selected.set(panel.viewModel().entries.stream()
                .filter(e -> e.space().name().equals("ResNet")).findFirst().orElseThrow()));
        javafx.scene.control.Spinner<?> stem = robot.lookup("#stem-width").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> stem.getEditor().setText("0"));
        robot.clickOn(stem.getEditor()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0", stem.getEditor().getText(), "never changed to 1");
        Label message = robot.lookup("#stem-width-error").queryAs(Label.class);
        assertTrue(message.isVisible() && message.getText().startsWith("Stem width: must be"), message.getText());
        assertTrue(robot.lookup("#save").query().isDisabled());
    }
}
