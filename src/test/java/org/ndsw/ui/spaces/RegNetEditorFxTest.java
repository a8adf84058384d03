package org.ndsw.ui.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.chart.FigureView;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real design spaces panel under Monocle on RegNetX: change wm by typing and watch the stages and size follow. */
@ExtendWith(ApplicationExtension.class)
class RegNetEditorFxTest {
    private SpacesPanel panel;

    @Start
    void start(Stage stage) throws Exception {
        panel = SpacesPanel.create(new FxTaskRunner(1, t -> { }), stage, new Dialogs(stage),
                Files.createTempDirectory("ndsw-spaces"));
        stage.setScene(new Scene(panel.view(), 1300, 850));
        stage.show();
    }

    @AfterEach
    void hidePopups() throws Exception {
        FxToolkit.hideStage();
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void openRegNetXAndChangeWm(FxRobot robot) throws Exception {
        robot.interact(() -> panel.viewModel().selected.set(panel.viewModel().entries.stream()
                .filter(e -> e.space().name().equals("RegNetX")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#regnet-wm-min").query()), "the RegNet form shows");
        assertFalse(shown(robot.lookup("#add-stage").query()), "the stage form does not");
        assertFalse(shown(robot.lookup("#constraints").query()), "nor the constraints");
        @SuppressWarnings("unchecked")
        TableView<RegNetDraft.StageRow> table = robot.lookup("#regnet-generated").queryAs(TableView.class);
        List<RegNetDraft.StageRow> before = List.copyOf(table.getItems());
        assertFalse(before.isEmpty());
        String size = robot.lookup("#space-size").queryAs(Label.class).getText();
        TextField wm = robot.lookup("#regnet-wm-min").queryAs(TextField.class);
        robot.interact(wm::clear);
        robot.clickOn(wm).write("2.9");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("RegNetX *", robot.lookup("#space-title").queryAs(Label.class).getText());
        assertNotEquals(before, List.copyOf(table.getItems()), "the generated stages follow wm");
        assertNotEquals(size, robot.lookup("#space-size").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#preview-params").queryAs(FigureView.class).figure() != null);
        robot.interact(() -> wm.setText("0.5"));
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#regnet-wm-error").queryAs(Label.class);
        assertTrue(message.isVisible() && message.getText().startsWith("Width multiplier wm: must be a range"),
                message.getText());
        assertTrue(robot.lookup("#regnet-wm").query().getStyleClass().contains("field-error"));
        assertTrue(robot.lookup("#save").query().isDisabled());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(message.isVisible(), "undo takes the bad value back");
        assertEquals("2.9", wm.getText());
    }
}
