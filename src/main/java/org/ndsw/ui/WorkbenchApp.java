package org.ndsw.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.ndsw.app.catalog.CatalogLocation;
import org.ndsw.ui.spaces.SpacesViewModel;
import org.ndsw.ui.task.FxTaskRunner;

/**
 * Starts the workbench window over the default catalogue (app.CatalogLocation: $NDSW_CATALOG or
 * ~/.ndsw/catalog.db) with the sample data in the compare panel, and remembers its layout between runs
 * ({@link WorkbenchPrefs}). System properties: `ndsw.tab` opens a given panel, `ndsw.samples` names the sample folder,
 * `ndsw.select` selects a sweep and its first run in the Catalogue and Training panels, `ndsw.train` starts
 * training a sweep in the Training panel with `ndsw.workers` workers (both for screenshots); `ndsw.analysis.*` and
 * `ndsw.refine` set up the Analysis panel for its screenshots.
 */
public final class WorkbenchApp extends Application {
    private FxTaskRunner tasks;
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        WorkbenchPrefs prefs = WorkbenchPrefs.load();
        Dialogs dialogs = new Dialogs(stage, new LastFolder(prefs.node()));
        // Three threads: an import, a comparison and the catalogue table's page reads can all run at once.
        tasks = new FxTaskRunner(3, dialogs::showError);
        workbench = new Workbench(stage, tasks, dialogs, SpacesViewModel.defaultUserDir(), CatalogLocation.resolve(null),
                Path.of(System.getProperty("ndsw.samples", "sample-data/study")));
        stage.setTitle("NDS Workbench");
        stage.setScene(workbench.scene());
        prefs.restoreWindow(stage);
        stage.show();
        workbench.restoreLayout(prefs, System.getProperty("ndsw.tab", ""));
        String reveal = System.getProperty("ndsw.select", "");
        if (!reveal.isBlank()) {
            workbench.catalog().viewModel().reveal(reveal);
            workbench.training().viewModel().reveal(reveal);
        }
        String normalize = System.getProperty("ndsw.normalize", "");
        if (!normalize.isBlank()) {
            workbench.compare().viewModel().normalizeBy(org.ndsw.app.source.Complexity.valueOf(
                    normalize.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        String train = System.getProperty("ndsw.train", "");
        if (!train.isBlank()) {
            workbench.training().viewModel().form().text("workers").set(System.getProperty("ndsw.workers", "1"));
            workbench.training().viewModel().startWhenListed(train);
        }
        analysisShots();
        stage.setOnHiding(e -> workbench.saveLayout(prefs));
    }

    /**
     * For screenshots of the Analysis panel: `ndsw.analysis.view` selects its view tab (0-2), `ndsw.analysis.parameter`
     * its parameter, and `ndsw.refine=true` opens Refine space… once the sets are analysed.
     */
    private void analysisShots() {
        var a = workbench.analysis();
        String view = System.getProperty("ndsw.analysis.view", "");
        if (!view.isBlank()) {
            a.view().tabs().getSelectionModel().select(Integer.parseInt(view.trim()));
        }
        String parameter = System.getProperty("ndsw.analysis.parameter", "");
        boolean refine = Boolean.getBoolean("ndsw.refine");
        a.viewModel().resultProperty().addListener((o, old, r) -> {
            if (r != null && !parameter.isBlank()) {
                a.viewModel().parameterProperty().set(parameter);
            }
            if (r != null && refine && old == null) {
                javafx.application.Platform.runLater(a.actions()::refine);
            }
        });
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
        if (workbench != null) {
            workbench.close();
        }
    }
}
