package org.ndsw.ui.analysis;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.stage.Window;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.compare.CompareInput;
import org.ndsw.ui.spaces.SpaceEntry;
import org.ndsw.ui.task.TaskRunner;

/** Wires the analysis panel: view model, window actions and view. */
public record AnalysisPanel(AnalysisViewModel viewModel, AnalysisActions actions, AnalysisView view) {
    /**
     * Builds the panel over the catalogue `session`, offering the `spaces` as parents; `compareSets` gives the Compare
     * panel's sets and `hooks` reach the other panels.
     */
    public static AnalysisPanel create(TaskRunner tasks, Window window, Dialogs dialogs,
            ObservableValue<CatalogSession> session, ObservableList<SpaceEntry> spaces,
            Supplier<List<CompareInput>> compareSets, java.nio.file.Path spaceDir, AnalysisViewModel.Hooks hooks) {
        AnalysisViewModel vm = new AnalysisViewModel(tasks, session, hooks);
        FxAnalysisActions actions = new FxAnalysisActions(vm, window, dialogs, spaces, compareSets, spaceDir);
        AnalysisView view = new AnalysisView(vm, actions);
        actions.attach(view);
        return new AnalysisPanel(vm, actions, view);
    }
}
