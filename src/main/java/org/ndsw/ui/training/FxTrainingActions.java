package org.ndsw.ui.training;

import java.io.File;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.ndsw.ui.Dialogs;

/** The training actions in a window: a directory chooser and the close question. */
final class FxTrainingActions implements TrainingActions {
    static final ButtonType STOP = new ButtonType("Stop the sweep", ButtonBar.ButtonData.YES);
    static final ButtonType LEAVE = new ButtonType("Leave it running", ButtonBar.ButtonData.NO);

    static final String EXPLANATION = "Stop the sweep: the workers finish the epoch in flight, save a checkpoint"
            + " and exit; Resume in the Training panel (or `ndsw sweep run NAME`) continues from there.\n\n"
            + "Leave it running: a background `ndsw sweep run` process takes the sweep over and keeps training after"
            + " this window closes; the Training panel shows its progress again on the next start.";

    private final TrainingViewModel vm;
    private final Window window;
    private final Dialogs dialogs;

    FxTrainingActions(TrainingViewModel vm, Window window, Dialogs dialogs) {
        this.vm = vm;
        this.window = window;
        this.dialogs = dialogs;
    }

    @Override
    public void chooseDataset() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("CIFAR-10 folder (binary batches, or train/ and test/ image folders)");
        File current = new File(vm.form.dataset.get().trim());
        File start = current.isDirectory() ? current.getAbsoluteFile().getParentFile() : dialogs.lastFolder().get();
        if (start != null && start.isDirectory()) {
            c.setInitialDirectory(start);
        }
        File chosen = c.showDialog(window);
        if (chosen != null) {
            dialogs.lastFolder().remember(chosen);
            vm.form.dataset.set(chosen.getAbsolutePath());
        }
    }

    @Override
    public void create() {
        vm.create();
    }

    @Override
    public void start() {
        vm.start(false);
    }

    @Override
    public void stop() {
        vm.stop();
    }

    @Override
    public void retryFailed() {
        vm.start(true);
    }

    @Override
    public void planForCluster() {
        SweepItem item = vm.selectedSweep.get();
        if (item == null) {
            return;
        }
        ClusterDialog.create(vm.cluster, item.name(), window, dialogs).show();
    }

    @Override
    public void collectResults() {
        if (vm.selectedSweep.get() == null) {
            return;
        }
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Plan folder to collect (the --out folder of the plan)");
        File last = new File(vm.cluster.out.get().trim());
        File start = last.isDirectory() ? last : dialogs.lastFolder().get();
        if (start != null && start.isDirectory()) {
            c.setInitialDirectory(start);
        }
        File chosen = c.showDialog(window);
        if (chosen != null) {
            dialogs.lastFolder().remember(chosen);
            vm.cluster.collect(chosen.toPath());
        }
    }

    @Override
    public boolean confirmClose() {
        var running = vm.runningHere();
        if (running.isEmpty()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", STOP, LEAVE, ButtonType.CANCEL);
        a.initOwner(window);
        a.setTitle("Sweeps are training");
        a.setHeaderText("Training " + String.join(", ", running) + " — what should happen to it?");
        a.setContentText(EXPLANATION);
        a.getDialogPane().setPrefWidth(620);
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        if (answer.get() == STOP) {
            vm.stopAllNow();
        } else {
            vm.leaveRunning();
        }
        return true;
    }
}
