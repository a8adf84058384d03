package org.ndsw.ui.spaces;

import javafx.stage.Window;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.task.TaskRunner;

/** Wires the design spaces panel: view model, window actions and view. */
public record SpacesPanel(SpacesViewModel viewModel, SpacesActions actions, SpacesView view) {

    /** Builds the panel over the default user space folder (~/.ndsw/spaces). */
    public static SpacesPanel create(TaskRunner tasks, Window window, Dialogs dialogs) {
        return create(tasks, window, dialogs, SpacesViewModel.defaultUserDir());
    }

    /**
     * Builds the panel over a given user space folder, with the space named by the system property `ndsw.space` (the
     * screenshot script's) or else the first one selected.
     */
    public static SpacesPanel create(TaskRunner tasks, Window window, Dialogs dialogs, java.nio.file.Path userDir) {
        SpacesViewModel vm = new SpacesViewModel(tasks, userDir);
        SpacesActions actions = new FxSpacesActions(vm, window, dialogs);
        SpacesView view = new SpacesView(vm, actions, new PreviewCharts(vm.editor));
        String wanted = System.getProperty("ndsw.space", "");
        vm.entries.stream().filter(e -> e.space().name().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> vm.entries.stream().findFirst()).ifPresent(vm.selected::set);
        return new SpacesPanel(vm, actions, view);
    }
}
