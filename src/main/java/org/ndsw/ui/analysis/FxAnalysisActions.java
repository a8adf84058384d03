package org.ndsw.ui.analysis;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ndsw.NdswException;
import org.ndsw.app.space.Refinement;
import org.ndsw.app.report.ViewFigures;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.space.Constraints;
import org.ndsw.space.DesignSpace;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.FileDialogs;
import org.ndsw.ui.compare.CompareInput;
import org.ndsw.ui.spaces.SpaceEntry;

/** The analysis panel's window actions. */
final class FxAnalysisActions implements AnalysisActions {
    private final AnalysisViewModel vm;
    private final Window window;
    private final Dialogs dialogs;
    private final FileDialogs files;
    private final ObservableList<SpaceEntry> spaces;
    private final Supplier<List<CompareInput>> compareSets;
    private final Path spaceDir;
    private AnalysisView view;

    FxAnalysisActions(AnalysisViewModel vm, Window window, Dialogs dialogs, ObservableList<SpaceEntry> spaces,
            Supplier<List<CompareInput>> compareSets, Path spaceDir) {
        this.vm = vm;
        this.window = window;
        this.dialogs = dialogs;
        this.files = new FileDialogs(dialogs);
        this.spaces = spaces;
        this.compareSets = compareSets;
        this.spaceDir = spaceDir;
    }

    void attach(AnalysisView v) {
        this.view = v;
    }

    @Override
    public void analyseCompareSets() {
        vm.useCompareSets(compareSets.get());
    }

    @Override
    public void exportView() {
        List<ViewFigures.Named> figures = view.selectedFigures();
        if (figures.isEmpty()) {
            vm.messagePlain("Nothing to export: analyse the sets first.");
            return;
        }
        FileChooser c = files.chooser("Export view");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SVG (vector)", "*.svg"),
                new FileChooser.ExtensionFilter("PNG (image)", "*.png"));
        c.setInitialFileName(figures.get(0).stem() + ".svg");
        File chosen = c.showSaveDialog(window);
        if (chosen != null) {
            files.remember(chosen);
            files.guarded(() -> vm.exportAll(figures, chosen.toPath()));
        }
    }

    @Override
    public void refine() {
        AnalysisViewModel.Result r = vm.resultProperty().get();
        if (r == null) {
            return;
        }
        ComboBox<String> set = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                r.sets().stream().map(v -> v.set().label()).toList()));
        set.setId("refine-set");
        set.setValue(set.getItems().get(0));
        RefineForm form = new RefineForm(spaces, spaceDir);
        set.valueProperty().addListener((o, a, b) -> form.fill(vm.draft(b)));
        form.fill(vm.draft(set.getValue()));
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(window);
        d.setTitle("Refine space");
        d.setHeaderText("A child design space: the parent narrowed by the constraints below");
        GridPane grid = form.grid();
        grid.add(new Label("Set"), 0, 0);
        grid.add(set, 1, 0);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("refine-dialog");
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            try {
                Path file = form.file();
                boolean replace = java.nio.file.Files.exists(file);
                if (replace && !dialogs.confirm("Replace " + file.getFileName() + "?", file + " exists. Replace it"
                        + " with the refined space?")) {
                    return;
                }
                vm.refine(set.getValue(), form.parent(), form.name(), form.values(), form.relations(), file, replace);
            } catch (NdswException e) {
                vm.messagePlain("Refine: " + e.getMessage());
            }
        });
    }

    @Override
    public void sampleAndTrain() {
        Refinement.Child child = vm.childProperty().get();
        if (child == null) {
            return;
        }
        SweepDefinition parent = vm.parentSweep();
        TextField name = field("child-sweep-name", ChildSweep.suggestName(child.space().name()));
        TextField n = field("child-sweep-n", Integer.toString(parent == null ? 20 : Math.min(parent.n(), 100)));
        TextField epochs = field("child-sweep-epochs", Integer.toString(parent == null ? 4 : parent.recipe().epochs()));
        TextField batch = field("child-sweep-batch", Integer.toString(parent == null ? 128
                : parent.recipe().batchSize()));
        TextField data = field("child-sweep-data", parent == null ? "" : parent.data());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Sweep name"), name);
        g.addRow(1, new Label("Models n"), n);
        g.addRow(2, new Label("Epochs"), epochs);
        g.addRow(3, new Label("Batch size"), batch);
        g.addRow(4, new Label("Data (CIFAR-10 folder)"), data);
        g.add(new Label(parent == null ? "Recipe: the paper's (the parent set is no catalogue sweep)"
                : "Recipe, subsets, engine and device: those of sweep " + parent.name()), 0, 5, 2, 1);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(window);
        d.setTitle("Sample and train child sweep");
        d.setHeaderText("A sweep of " + child.space().name() + " (" + child.size() + " models), trained in the"
                + " background in the Training panel");
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            try {
                vm.sampleAndTrain(new ChildSweep(name.getText().trim(), number(n, "Models n"),
                        number(epochs, "Epochs"), number(batch, "Batch size"), data.getText().trim()));
            } catch (NdswException e) {
                vm.messagePlain("Child sweep: " + e.getMessage());
            }
        });
    }

    private static int number(TextField f, String label) {
        try {
            int v = Integer.parseInt(f.getText().trim());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new NdswException(label + ": a whole number of at least 1, got "
                    + org.ndsw.Quote.of(f.getText()));
        }
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        return f;
    }

    @Override
    public void exportReport() {
        if (vm.sources().isEmpty()) {
            vm.useCompareSets(compareSets.get());
        }
        if (vm.sources().isEmpty()) {
            dialogs.report(Alert.AlertType.INFORMATION, "Export report", "No sets to report",
                    "Add sets in the Compare panel first.", null, false);
            return;
        }
        FileChooser c = files.chooser("Export report");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        c.setInitialFileName("report.html");
        File f = c.showSaveDialog(window);
        if (f == null) {
            return;
        }
        files.remember(f);
        String name = f.getName().toLowerCase(Locale.ROOT).endsWith(".html") ? f.getName() : f.getName() + ".html";
        Path out = f.toPath().resolveSibling(name);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Write one self-contained HTML page (EDFs, KS, random"
                + " search, good ranges, best models, curves) of " + String.join(", ", vm.sources()) + " to " + out
                + "?", ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(window);
        a.setTitle("Export report");
        a.setHeaderText("Export the report of " + vm.sources().size() + " sets");
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.exportReport(out));
    }

    /** The refine dialog's fields: parent, child name, one value rule, the relations and the file. */
    static final class RefineForm {
        final ComboBox<SpaceEntry> parent;
        final TextField name = field("refine-name", "");
        final ComboBox<Constraints.Param> param = new ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(Constraints.Param.values()));
        final TextField stages = field("refine-stages", "");
        final TextField min = field("refine-min", "");
        final TextField max = field("refine-max", "");
        final TextField in = field("refine-in", "");
        final List<CheckBox> relations = new ArrayList<>();
        final TextField file = field("refine-file", "");
        final Label size = new Label();
        private final Path dir;

        RefineForm(ObservableList<SpaceEntry> spaces, Path dir) {
            this.dir = dir;
            parent = new ComboBox<>(spaces.filtered(e -> "stage".equals(e.space().family())));
            parent.setId("refine-parent");
            param.setId("refine-param");
            param.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Constraints.Param p) {
                    return p == null ? "" : p.fileName();
                }

                @Override
                public Constraints.Param fromString(String s) {
                    return null;
                }
            });
            file.setPrefColumnCount(36);
            size.setId("refine-size");
            for (javafx.beans.Observable o : List.of(parent.valueProperty(), param.valueProperty(),
                    stages.textProperty(), min.textProperty(), max.textProperty(), in.textProperty())) {
                o.addListener(x -> updateSize());
            }
            for (Refinement.Relation r : Refinement.Relation.values()) {
                CheckBox b = new CheckBox(r.toString());
                b.setId("refine-" + r.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                b.setUserData(r);
                b.selectedProperty().addListener(x -> updateSize());
                relations.add(b);
            }
            name.textProperty().addListener((o, a, b) -> file.setText(dir.resolve(b.trim() + ".json").toString()));
        }

        /** Shows the child's exact size as the fields stand, or what is wrong with them. */
        void updateSize() {
            try {
                DesignSpace p = parent();
                DesignSpace c = Refinement.child(p, name().isBlank() ? "child" : name(), values(), relations());
                size.setText(String.format(Locale.ROOT, "Exact size: %,d models (parent %s: %,d)", c.size(), p.name(),
                        p.size()));
            } catch (NdswException e) {
                size.setText(e.getMessage());
            }
        }

        void fill(AnalysisViewModel.Refine r) {
            if (r.parent() != null) {
                parent.getItems().stream().filter(e -> e.space().name().equals(r.parent().name())).findFirst()
                        .ifPresent(parent::setValue);
            }
            name.setText(r.childName());
            Constraints.ValueRule v = r.rule();
            param.setValue(v == null ? null : v.param());
            stages.setText(v == null ? "" : join(v.stages()));
            min.setText(v == null || v.min() == null ? "" : v.min().toString());
            max.setText(v == null || v.max() == null ? "" : v.max().toString());
            in.setText("");
        }

        GridPane grid() {
            GridPane g = new GridPane();
            g.setHgap(8);
            g.setVgap(6);
            g.addRow(1, new Label("Parent space"), parent);
            g.addRow(2, new Label("Child name"), name);
            g.addRow(3, new Label("Value range of"), param);
            g.addRow(4, new Label("  stages (blank: all)"), stages);
            g.addRow(5, new Label("  min"), min);
            g.addRow(6, new Label("  max"), max);
            g.addRow(7, new Label("  or values in (a, b, …)"), in);
            int row = 8;
            for (CheckBox b : relations) {
                g.add(b, 1, row++);
            }
            g.addRow(row, new Label("Save to"), file);
            g.add(size, 0, row + 1, 2, 1);
            return g;
        }

        DesignSpace parent() {
            if (parent.getValue() == null) {
                throw new NdswException("choose the parent space");
            }
            return parent.getValue().space();
        }

        String name() {
            return name.getText();
        }

        Path file() {
            return Path.of(file.getText().trim());
        }

        List<Constraints.ValueRule> values() {
            if (param.getValue() == null || min.getText().isBlank() && max.getText().isBlank()
                    && in.getText().isBlank()) {
                return List.of();
            }
            return List.of(new Constraints.ValueRule(param.getValue(), ints(stages.getText(), "stages"),
                    integer(min.getText(), "min"), integer(max.getText(), "max"), ints(in.getText(), "values in")));
        }

        List<Constraints.Relation> relations() {
            return relations.stream().filter(CheckBox::isSelected)
                    .map(b -> ((Refinement.Relation) b.getUserData()).relation()).toList();
        }
    }

    static String join(int[] v) {
        return String.join(", ", java.util.Arrays.stream(v).mapToObj(Integer::toString).toList());
    }

    static Integer integer(String text, String field) {
        return text.isBlank() ? null : ints(text, field)[0];
    }

    static int[] ints(String text, String field) {
        if (text.isBlank()) {
            return new int[0];
        }
        try {
            return java.util.Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new NdswException(field + ": whole numbers separated by commas, got " + org.ndsw.Quote.of(text));
        }
    }
}
