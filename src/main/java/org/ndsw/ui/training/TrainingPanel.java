package org.ndsw.ui.training;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.stage.Window;
import javafx.util.Duration;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.spaces.SpaceEntry;
import org.ndsw.ui.task.TaskRunner;

/** Wires the training panel: view model, window actions, view, and the two-second poll of other processes' work. */
public record TrainingPanel(TrainingViewModel viewModel, TrainingActions actions, TrainingView view) {
    /**
     * Builds the panel over the Catalogue panel's `session` and the Design spaces panel's `spaces`; `catalogChanged`
     * runs after a sweep was created or trained (the catalogue panel re-reads).
     */
    public static TrainingPanel create(TaskRunner tasks, Window window, Dialogs dialogs,
            ObservableValue<CatalogSession> session, ObservableList<SpaceEntry> spaces, Runnable catalogChanged) {
        TrainingViewModel vm = new TrainingViewModel(tasks, session, spaces, Platform::runLater, catalogChanged);
        TrainingActions actions = new FxTrainingActions(vm, window, dialogs);
        TrainingView view = new TrainingView(vm, actions);
        Timeline poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> vm.poll()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        return new TrainingPanel(vm, actions, view);
    }
}
