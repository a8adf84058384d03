package org.ndsw.ui.compare;

import javafx.stage.Window;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.task.TaskRunner;

/** Wires the compare panel: view model, window actions and view. */
public record ComparePanel(CompareViewModel viewModel, CompareActions actions, CompareView view) {
    /** Builds the panel. */
    public static ComparePanel create(TaskRunner tasks, Window window, Dialogs dialogs) {
        return create(tasks, window, dialogs, SweepSource.NONE);
    }

    /** Builds the panel; `sweeps` offers the open catalogue's sweeps as sets. */
    public static ComparePanel create(TaskRunner tasks, Window window, Dialogs dialogs, SweepSource sweeps) {
        CompareViewModel vm = new CompareViewModel(tasks);
        FxCompareActions actions = new FxCompareActions(vm, window, dialogs, sweeps);
        CompareView view = new CompareView(vm, actions);
        actions.attach(view);
        return new ComparePanel(vm, actions, view);
    }

    /**
     * Adds the NDS JSON files of a sample folder (sorted by name), so a newcomer sees a real comparison at once. A
     * missing folder adds nothing; an unreadable file shows up as the panel's message when the comparison runs.
     */
    public void addSamples(java.nio.file.Path folder) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(f -> CompareInput.file(org.ndsw.app.source.SourceSpec.parse(f.toString())))
                    .forEach(viewModel.inputs()::add);
        } catch (java.io.IOException e) {
            throw new org.ndsw.NdswException(folder + ": cannot list sample data: " + e.getMessage(), e);
        }
    }

    /** Writes the figure of the selected tab to `out` (PNG or SVG by its extension); false if nothing is shown yet. */
    public boolean exportSelectedFigure(java.nio.file.Path out) {
        CompareViewModel.View v = viewModel.viewProperty().get();
        if (v == null) {
            return false;
        }
        org.ndsw.figure.FigureWriter.write(v.figures().get(view.selectedFigure()), out, org.ndsw.figure.FigureSize.LARGE);
        viewModel.exported(out);
        return true;
    }
}
