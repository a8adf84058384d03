package org.ndsw.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.app.sweep.RunOptions;
import org.ndsw.catalog.RunStatus;
import org.ndsw.figure.LineSeries;
import org.ndsw.train.TinyCifar;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.Workbench;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training panel in the whole workbench under Monocle: a rejected field, then a tiny sweep (2 tiny ResNets, 2
 * epochs on generated images) created in a temporary catalogue and trained by 2 real worker processes; the runs
 * finish in the table and the selected run's curves have one point per epoch.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingPanelFxTest {
    private Path dir;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        dir = Files.createTempDirectory("ndsw-training");
        TrainingViewModelTest.tinySpace(dir.resolve("spaces"));
        CatalogSession.open(dir.resolve("catalog.db"), true).close();
        workbench = new Workbench(stage, new FxTaskRunner(2, t -> { }), new Dialogs(stage), dir.resolve("spaces"),
                dir.resolve("catalog.db"), dir.resolve("no-samples"));
        stage.setScene(workbench.scene());
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        workbench.training().viewModel().stopAllNow();
        FxToolkit.hideStage();
        workbench.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void createATinySweepTrainItAndReadACurve(FxRobot robot) throws Exception {
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 100, 20);
        TrainingViewModel vm = workbench.training().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.catalogFile() != null);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertEquals("Training", workbench.tabs().getSelectionModel().getSelectedItem().getText());
        robot.interact(() -> vm.form.space.set(vm.spaces.stream().filter(s -> !s.builtin()).findFirst()
                .orElseThrow()));

        // A bad count is refused on its field, with a message naming it.
        robot.doubleClickOn("#training-count").eraseText(4).write("two");
        robot.clickOn("#training-create");
        TextField count = robot.lookup("#training-count").queryAs(TextField.class);
        Label message = robot.lookup("#training-form-message").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(count.getStyleClass().contains("field-error"));
        assertEquals("Models: expected a whole number, got \"two\"", message.getText());

        robot.interact(() -> {
            vm.form.count.set("2");
            vm.form.name.set("tiny");
            vm.form.epochs.set("2");
            vm.form.batch.set("10");
            vm.form.dataset.set(data.toString());
            vm.form.workers.set("2");
            vm.setOptions(k -> new RunOptions(k, 1, "512m", false, 60, 3, List.of()));
        });
        // The device choice sits next to the engine, cpu by default, and is validated like the other fields.
        ComboBox<String> device = robot.lookup("#training-device").queryAs(ComboBox.class);
        assertEquals("cpu", device.getValue());
        assertEquals(List.of("cpu", "gpu"), device.getItems());
        robot.interact(() -> device.setValue(null));
        robot.clickOn("#training-create");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(device.getStyleClass().contains("field-error"));
        assertEquals("Device: choose cpu or gpu", message.getText());
        robot.interact(() -> device.setValue("cpu"));
        robot.clickOn("#training-create");
        ListView<SweepItem> sweeps = robot.lookup("#training-sweeps").queryAs(ListView.class);
        TableView<RunItem> runs = robot.lookup("#training-runs").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sweeps.getItems().size() == 1
                && runs.getItems().size() == 2);
        assertFalse(count.getStyleClass().contains("field-error"));
        assertTrue(message.getText().startsWith("Created tiny: 2 models"), message.getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.catalog().viewModel().sweepNames()
                .contains("tiny"));

        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sweeps.getItems().get(0).here());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> runs.getItems().size() == 2 && runs.getItems()
                .stream().allMatch(r -> r.run().status() == RunStatus.DONE) && !vm.isRunningHere("tiny"));
        Label overall = robot.lookup("#training-overall").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> overall.getText().startsWith("2 runs: 2 done"));
        assertTrue(runs.getItems().stream().allMatch(r -> r.epoch().equals("2 / 2") && !r.bestError().isEmpty()));
        assertTrue(runs.getItems().stream().allMatch(r -> r.imagesPerSecond().matches("[0-9]+")),
                "done runs show their last epoch's img/s");
        assertTrue(vm.log.stream().anyMatch(l -> l.startsWith("tiny: run 0: done, best error ")), vm.log.toString());
        assertTrue(vm.log.stream().anyMatch(l -> l.startsWith("tiny: run 1: done, best error ")), vm.log.toString());
        Label status = robot.lookup("#training-message").queryAs(Label.class);
        assertEquals(status.getText(), status.getTooltip().getText(), "the status line's full text");
        var bar = robot.lookup("#training-progress").queryAs(javafx.scene.control.ProgressBar.class);
        assertEquals(1.0, bar.getProgress());
        assertTrue(bar.getHeight() >= 10, "the progress bar is on screen: " + bar.getHeight());

        robot.interact(() -> runs.getSelectionModel().select(1));
        var curves = workbench.training().view().curves();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> curves.figure() != null);
        LineSeries test = (LineSeries) curves.figure().series().get(0);
        assertEquals("test error", test.label());
        assertEquals(2, test.x().length, "one point per epoch");
        assertNotNull(robot.lookup("#training-curves").queryAs(javafx.scene.layout.StackPane.class).getChildren()
                .get(0), "the chart is on screen");
    }

    @Test
    void planForAClusterOpensItsDialogAndCollectResultsShowsTheCounts(FxRobot robot) throws Exception {
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 20, 10);
        TrainingViewModel vm = workbench.training().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.catalogFile() != null);
        robot.interact(() -> workbench.select("Training"));
        javafx.scene.control.Button plan = robot.lookup("#training-plan").queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.Button collect = robot.lookup("#training-collect")
                .queryAs(javafx.scene.control.Button.class);
        assertEquals("Plan for a cluster…", plan.getText());
        assertEquals("Collect results", collect.getText());
        assertTrue(plan.isDisabled() && collect.isDisabled(), "no sweep selected");
        robot.interact(() -> {
            vm.form.space.set(vm.spaces.stream().filter(s -> !s.builtin()).findFirst().orElseThrow());
            vm.form.name.set("tiny");
            vm.form.count.set("2");
            vm.form.epochs.set("1");
            vm.form.dataset.set(data.toString());
        });
        robot.clickOn("#training-create");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.selectedSweep.get() != null && !plan.isDisabled());
        assertFalse(collect.isDisabled());

        robot.clickOn("#training-plan");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#cluster-out").tryQuery().isPresent());
        Path out = dir.resolve("plan");
        robot.clickOn("#cluster-out").write(out.toString());
        robot.doubleClickOn("#cluster-limit").write("5");
        robot.clickOn("Write plan");
        Label result = robot.lookup("#training-cluster-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.getText().startsWith("Planned 2 runs of tiny"));
        assertTrue(Files.readString(out.resolve("array.sbatch")).contains("#SBATCH --array=0-1%5"));

        // The folder chooser is the platform's; the button hands its folder to the view model as here.
        robot.interact(() -> vm.cluster.collect(out));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.getText().startsWith("Collected tiny: 0 done,"
                + " 0 failed, 0 running updated, 0 lost; 2 runs not finished"));
        assertFalse(collect.isDisabled(), "enabled again after the collect");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEnhancedRecipeFillsTheFormAndItsFieldsAreMarked(FxRobot robot) throws Exception {
        TrainingViewModel vm = workbench.training().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.catalogFile() != null);
        robot.interact(() -> {
            workbench.select("Training");
            vm.form.space.set(vm.spaces.stream().filter(s -> !s.builtin()).findFirst().orElseThrow());
            vm.form.dataset.set(dir.toString());
        });
        ComboBox<String> recipe = robot.lookup("#training-recipe").queryAs(ComboBox.class);
        assertEquals("plain", recipe.getValue());
        assertEquals(List.of("plain", "enhanced"), recipe.getItems());
        robot.clickOn("#training-recipe");
        robot.clickOn("enhanced");
        WaitForAsyncUtils.waitForFxEvents();
        TextField epochs = robot.lookup("#training-epochs").queryAs(TextField.class);
        TextField cutout = robot.lookup("#training-cutout").queryAs(TextField.class);
        TextField aux = robot.lookup("#training-auxWeight").queryAs(TextField.class);
        TextField drop = robot.lookup("#training-dropPath").queryAs(TextField.class);
        assertEquals(List.of("600", "16", "0.4", "0.2"), List.of(epochs.getText(), cutout.getText(), aux.getText(),
                drop.getText()));

        // the user's tiny ResNet space is stage-wise: the auxiliary head is refused on its field
        robot.clickOn("#training-create");
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#training-form-message").queryAs(Label.class);
        assertTrue(aux.getStyleClass().contains("field-error"));
        assertTrue(message.getText().startsWith("Aux weight: the auxiliary head is defined for cell networks only"),
                message.getText());
        robot.doubleClickOn("#training-auxWeight").eraseText(3).write("0");
        robot.clickOn("#training-create");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(aux.getStyleClass().contains("field-error"));
        assertTrue(drop.getStyleClass().contains("field-error"));
        assertTrue(message.getText().startsWith("Drop-path: drop-path is defined for cell networks only"),
                message.getText());
        robot.doubleClickOn("#training-cutout").eraseText(2).write("99");
        robot.interact(() -> vm.form.dropPath.set("0"));
        robot.clickOn("#training-create");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cutout.getStyleClass().contains("field-error"));
        assertEquals("Cutout: must be 0 (off) to 32 pixels, got 99", message.getText());

        robot.clickOn("#training-recipe");
        robot.clickOn("plain");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("100", "0", "0", "0"), List.of(epochs.getText(), cutout.getText(), aux.getText(),
                drop.getText()));
    }

    @Test
    void closingWhileASweepTrainsAsksAndStopCheckpointsTheRuns(FxRobot robot) throws Exception {
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 200, 20);
        TrainingViewModel vm = workbench.training().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.catalogFile() != null);
        robot.interact(() -> {
            workbench.select("Training");
            vm.form.space.set(vm.spaces.stream().filter(s -> !s.builtin()).findFirst().orElseThrow());
            vm.form.count.set("1");
            vm.form.name.set("long");
            vm.form.epochs.set("50");
            vm.form.batch.set("10");
            vm.form.dataset.set(data.toString());
            vm.setOptions(k -> new RunOptions(k, 1, "512m", false, 60, 3, List.of()));
            vm.create();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.runs.size() == 1);
        robot.clickOn("#training-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.runs.get(0).run().epochs() >= 1);

        javafx.application.Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Stage.getWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        Label header = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class);
        assertEquals("Training long — what should happen to it?", header.getText());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.isRunningHere("long"), "cancel leaves the sweep and the window as they are");

        javafx.application.Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Stage.getWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Stop the sweep");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.isRunningHere("long"));
        var status = new org.ndsw.app.sweep.SweepService(vm.catalogFile()).status("long");
        var run = status.runs().get(0);
        assertEquals(RunStatus.QUEUED, run.status(), "the run went back to the queue");
        assertTrue(run.epochs() >= 1 && run.epochs() < 50, run.toString());
        assertTrue(Files.readString(Path.of(run.checkpointDir(), "worker.log")).contains("stopped"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.selectedSweep.get() != null
                && vm.selectedSweep.get().state().equals("interrupted — resume"));
    }
}
