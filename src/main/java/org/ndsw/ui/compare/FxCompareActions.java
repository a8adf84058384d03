package org.ndsw.ui.compare;

import java.io.File;
import java.nio.file.Path;
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
        FileChooser.ExtensionFilter svg = new FileChooser.ExtensionFilter("SVG (vector)", "*.svg");
        FileChooser.ExtensionFilter png = new FileChooser.ExtensionFilter("PNG (image)", "*.png");
        c.getExtensionFilters().addAll(svg, png);
        String format = vm.figureFormat();
        c.setInitialFileName(view.selectedFigure().key() + "." + format);
        c.setSelectedExtensionFilter(format.equals("png") ? png : svg);
        File chosen = c.showSaveDialog(window);
        if (chosen != null && v != null) {
            files.remember(chosen);
            FileChooser.ExtensionFilter selected = c.getSelectedExtensionFilter();
            Path out = figureFile(chosen.toPath(), selected == null ? "svg"
                    : selected.getExtensions().get(0).substring(2));
            files.guarded(() -> {
                FigureWriter.write(v.figures().get(view.selectedFigure()), out, FigureSize.LARGE);
                vm.exportedFigure(out);
            });
        }
    }

    /**
     * The file a figure goes to: the typed name decides the format when it ends in .svg or .png (whatever the dialog's
     * format selector says); otherwise the selector's extension is appended.
     */
    static Path figureFile(Path typed, String selectedExtension) {
        String name = typed.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".svg") || lower.endsWith(".png")) {
            return typed;
        }
        return typed.resolveSibling(name + "." + selectedExtension);
    }

    /**
     * Takes sets sent from the catalogue: added at once when the panel has none, else the user chooses to add them to
     * the current sets or replace those (undoable with Undo replace).
     */
    @Override
    public void receive(List<CompareInput> sets) {
        if (vm.inputs.isEmpty()) {
            vm.addInputs(sets);
            return;
        }
        ButtonType add = new ButtonType("Add to the current sets");
        ButtonType replace = new ButtonType("Replace the current sets");
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The Compare panel already holds " + vm.inputs.size()
                + " sets. Replacing them can be undone with Undo replace.", add, replace, ButtonType.CANCEL);
        a.initOwner(window);
        a.setTitle("Compare sweeps");
        a.setHeaderText("Compare " + sets.size() + (sets.size() == 1 ? " sweep" : " sweeps") + " from the catalogue");
        a.showAndWait().ifPresent(b -> {
            if (b == add) {
                vm.addInputs(sets);
            } else if (b == replace) {
                vm.replaceInputs(sets);
            }
        });
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
            Path out = f.toPath().resolveSibling(name);
            files.guarded(() -> vm.exported(out, CompareCsv.write(v.result(), out)));
        }
    }
}
