package org.ndsw.ui.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.compare.CompareInput;
import org.ndsw.ui.compare.SweepSource;
import org.ndsw.ui.task.TaskRunner;

/** Wires the catalogue panel: view model, window actions, view, and the drop target for imports. */
public record CatalogPanel(CatalogViewModel viewModel, CatalogActions actions, CatalogView view, DropImport drop) {
    /**
     * Builds the panel. `defaultCatalog` is opened at once if it exists, and created by the first import otherwise;
     * `compare` receives the names of sweeps sent to the compare panel.
     */
    public static CatalogPanel create(TaskRunner tasks, Window window, Dialogs dialogs, Path defaultCatalog,
            Consumer<List<String>> compare) {
        CatalogViewModel vm = new CatalogViewModel(tasks);
        CatalogActions actions = new FxCatalogActions(vm, window, dialogs, defaultCatalog, compare);
        CatalogView view = new CatalogView(vm, actions);
        if (Files.isRegularFile(defaultCatalog)) {
            vm.open(defaultCatalog, false).onFailure(dialogs::showError);
        }
        return new CatalogPanel(vm, actions, view, new DropImport(actions::importPaths, actions::importUrl));
    }

    /** The open catalogue's sweeps as sets for the compare panel. */
    public SweepSource sweepSource() {
        CatalogViewModel vm = viewModel;
        return new SweepSource() {
            @Override
            public List<String> names() {
                return vm.sweepNames();
            }

            @Override
            public CompareInput input(String name) {
                CatalogSession s = vm.sessionProperty().get();
                if (s == null) {
                    throw new org.ndsw.NdswException("no catalogue is open; open one in the Catalogue panel");
                }
                return new SweepInput(s, name);
            }
        };
    }
}
