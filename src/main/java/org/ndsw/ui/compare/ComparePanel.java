package org.ndsw.ui.compare;

import javafx.stage.Window;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.task.TaskRunner;

/** Wires the compare panel: view model, window actions and view. */
public record ComparePanel(CompareViewModel viewModel, CompareActions actions, CompareView view) {
    /** Builds the panel. */
    public static ComparePanel create(TaskRunner tasks, Window window, Dialogs dialogs) {
        CompareViewModel vm = new CompareViewModel(tasks);
        FxCompareActions actions = new FxCompareActions(vm, window, dialogs);
        CompareView view = new CompareView(vm, actions);
        actions.attach(view);
        return new ComparePanel(vm, actions, view);
    }
}
