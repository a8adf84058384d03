package org.ndsw.ui.compare;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ndsw.app.compare.CompareCsv;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.figure.FigureSize;
import org.ndsw.figure.FigureWriter;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.FileDialogs;

/** The compare panel's window actions. */
final class FxCompareActions implements CompareActions {
    private final CompareViewModel vm;
    private final Window window;
    private final FileDialogs files;
    private final Dialogs dialogs;
    private final SweepSource sweeps;
    private CompareView view;

    FxCompareActions(CompareViewModel vm, Window window, Dialogs dialogs, SweepSource sweeps) {
        this.vm = vm;
        this.window = window;
        this.dialogs = dialogs;
        this.files = new FileDialogs(dialogs);
        this.sweeps = sweeps;
    }

    void attach(CompareView v) {
        this.view = v;
    }

    @Override
    public void addFiles() {
        FileChooser c = files.chooser("Add sets of trained models");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("NDS JSON, JSON Lines, CSV",
                "*.json", "*.jsonl", "*.ndjson", "*.csv"));
        List<File> chosen = c.showOpenMultipleDialog(window);
        if (chosen != null) {
            chosen.forEach(f -> files.guarded(() -> vm.inputs.add(CompareInput.file(SourceSpec.parse(f.getPath())))));
            files.remember(chosen.get(0));
        }
    }

    @Override
    public void addSweeps() {
        List<String> names = sweeps.names();
        if (names.isEmpty()) {
            dialogs.report(Alert.AlertType.INFORMATION, "Add sweeps", "The catalogue has no sweeps",
                    "Open a catalogue or import NDS data in the Catalogue panel (or drop files on the window) first.",
                    null, false);
            return;
        }
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(names));
        list.setId("compare-sweep-choice");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(Math.min(400, 26 * names.size() + 10));
        Dialog<List<String>> d = new Dialog<>();
        d.initOwner(window);
        d.setTitle("Add sweeps");
        d.setHeaderText("Sweeps of the catalogue to compare (several with Ctrl or Shift)");
        d.getDialogPane().setContent(list);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? List.copyOf(list.getSelectionModel().getSelectedItems()) : null);
        d.showAndWait().ifPresent(this::addSweeps);
    }

    /** Adds the named sweeps as sets. */
    void addSweeps(List<String> names) {
        files.guarded(() -> names.forEach(n -> vm.inputs.add(sweeps.input(n))));
    }

    @Override
    public void exportFigure() {
        CompareViewModel.View v = vm.viewProperty().get();
        FileChooser c = files.chooser("Export figure");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SVG", "*.svg"),
                new FileChooser.ExtensionFilter("PNG", "*.png"));
        c.setInitialFileName(view.selectedFigure().key() + ".svg");
        File f = c.showSaveDialog(window);
        if (f != null && v != null) {
            files.remember(f);
            files.guarded(() -> FigureWriter.write(v.figures().get(view.selectedFigure()), f.toPath(), FigureSize.LARGE));
        }
    }

    @Override
    public void exportNumbers() {
        CompareViewModel.View v = vm.viewProperty().get();
        FileChooser c = files.chooser("Export numbers");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        c.setInitialFileName("compare.csv");
        File f = c.showSaveDialog(window);
        if (f != null && v != null) {
            files.remember(f);
            String name = f.getName().toLowerCase(Locale.ROOT).endsWith(".csv") ? f.getName() : f.getName() + ".csv";
            files.guarded(() -> CompareCsv.write(v.result(), f.toPath().resolveSibling(name)));
        }
    }
}
