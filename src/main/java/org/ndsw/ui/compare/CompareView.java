package org.ndsw.ui.compare;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.controlsfx.control.RangeSlider;
import org.ndsw.app.compare.CompareFigure;
import org.ndsw.app.compare.PairResult;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.stats.BinPolicy;
import org.ndsw.ui.chart.FigureView;
import org.ndsw.ui.controls.DisplayConverter;

/** The compare panel: inputs and controls on the left, figures and the KS table on the right. Binds only. */
public final class CompareView extends SplitPane {
    private final CompareViewModel vm;
    private final Map<CompareFigure, FigureView> charts = new EnumMap<>(CompareFigure.class);
    private final TabPane tabs = new TabPane();

    /** Builds the panel; `actions` handles files and errors. */
    public CompareView(CompareViewModel vm, CompareActions actions) {
        this.vm = vm;
        setId("compare-panel");
        getItems().addAll(left(actions), right());
        setDividerPositions(0.26);
    }

    /** The figure in the selected tab, for export. */
    public CompareFigure selectedFigure() {
        return (CompareFigure) tabs.getSelectionModel().getSelectedItem().getUserData();
    }

    private Node left(CompareActions actions) {
        ListView<CompareInput> list = new ListView<>(vm.inputs);
        list.setId("compare-inputs");
        list.setPrefHeight(160);
        Button add = button("compare-add", "Add files…", actions::addFiles);
        Button sweeps = button("compare-add-sweeps", "Add sweeps…", actions::addSweeps);
        Button remove = button("compare-remove", "Remove", () -> {
            CompareInput sel = list.getSelectionModel().getSelectedItem();
            if (sel != null) {
                vm.inputs.remove(sel);
            }
        });
        Button exportFigure = button("compare-export-figure", "Export figure…", actions::exportFigure);
        Button exportCsv = button("compare-export-csv", "Export numbers…", actions::exportNumbers);
        exportFigure.disableProperty().bind(vm.viewProperty().isNull());
        exportCsv.disableProperty().bind(vm.viewProperty().isNull());
        exportFigure.setTooltip(new Tooltip("Writes the selected tab's figure; the file name's .svg or .png decides"
                + " the format."));
        Label notice = new Label();
        notice.setId("compare-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        VBox box = new VBox(8, new Label("Sets of trained models"), list, new FlowPane(4, 4, add, sweeps, remove),
                controls(), new FlowPane(4, 4, exportFigure, exportCsv), notice);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node controls() {
        ComboBox<Complexity> normalize = new ComboBox<>();
        normalize.setId("compare-normalize");
        normalize.getItems().addAll(null, Complexity.PARAMS, Complexity.FLOPS);
        normalize.setConverter(DisplayConverter.of("none (eq. 1)", c -> "by " + c.field() + " (eq. 3-4)"));
        normalize.valueProperty().bindBidirectional(vm.normalize);
        normalize.setTooltip(new Tooltip("none: plain error EDFs (eq. 1). params / flops: each complexity bin of the"
                + " window weighs the same (eq. 3-4), so sets with different complexity mixes compare fairly."));
        Spinner<Integer> bins = new Spinner<>(1, 1000, vm.bins.get());
        bins.setId("compare-bins");
        bins.setEditable(true);
        bins.getValueFactory().valueProperty().addListener((o, a, b) -> vm.bins.set(b));
        vm.bins.addListener((o, a, b) -> bins.getValueFactory().setValue(b.intValue()));
        bins.setTooltip(new Tooltip("The number of complexity bins k when normalizing. When the window is fitted to"
                + " the data, the k actually used is shown next to this field."));
        Label binsUsed = new Label();
        binsUsed.setId("compare-bins-used");
        binsUsed.textProperty().bind(vm.binsUsedProperty());
        binsUsed.setTooltip(new Tooltip("The figure uses this k: the largest count up to Bins k that leaves no"
                + " bin empty in the fitted window."));
        ComboBox<BinPolicy> policy = new ComboBox<>();
        policy.getItems().setAll(BinPolicy.values());
        policy.setId("compare-bin-policy");
        policy.setConverter(DisplayConverter.of(p -> p == BinPolicy.STRICT ? "strict (an error)" : "merge into nearest"));
        policy.valueProperty().bindBidirectional(vm.binPolicy);
        policy.setTooltip(new Tooltip("What a complexity bin without models does when normalizing. strict: the"
                + " comparison stops and names the empty bins (the paper's procedure). merge: the empty bin's weight"
                + " goes to its nearest non-empty bin."));
        ComboBox<ErrorMetric> error = new ComboBox<>();
        error.setId("compare-error");
        error.getItems().setAll(ErrorMetric.values());
        error.setConverter(DisplayConverter.of(m -> m == ErrorMetric.BEST ? "best epoch" : "final epoch"));
        error.valueProperty().bindBidirectional(vm.error);
        Spinner<Integer> search = new Spinner<>(0, 16, vm.randomSearchPower.get());
        search.setId("compare-random-search");
        search.getValueFactory().valueProperty().addListener((o, a, b) -> vm.randomSearchPower.set(b));
        search.setTooltip(new Tooltip("Random-search tab: the expected best error of m models drawn at random, for"
                + " m = 1, 2, 4 … 2^P (a set's curve stops at its model count)."));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, fieldLabel("Normalize"), normalize);
        g.addRow(1, fieldLabel("Bins k"), new FlowPane(6, 4, bins, binsUsed));
        g.addRow(2, fieldLabel("Empty bins"), policy);
        g.addRow(3, fieldLabel("Error"), error);
        g.addRow(4, fieldLabel("Random search 2^P"), search);
        VBox window = window();
        window.disableProperty().bind(vm.normalize.isNull());
        return new VBox(8, g, window);
    }

    /** A control's name in the grid: never narrower than its text, so it is never cut to "…". */
    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** The complexity window: a range slider over the sets' complexity, in sync both ways with the exact bounds. */
    private VBox window() {
        RangeSlider slider = new RangeSlider(0, 1, 0, 1);
        slider.setId("compare-range");
        slider.setShowTickLabels(true);
        slider.setLabelFormatter(new javafx.util.StringConverter<Number>() {
            @Override
            public String toString(Number v) {
                return CompareMessages.tickLabel(v.doubleValue(), slider.getMajorTickUnit());
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        TextField lo = boundField("compare-range-lo");
        TextField hi = boundField("compare-range-hi");
        Button paper = button("compare-range-default", "Paper default", vm::resetRange);
        paper.setTooltip(new Tooltip("Back to the default window: c_min = the largest of the sets' smallest"
                + " complexities, c_max = the paper's CIFAR value (0.856 M params, 0.129 B flops); fitted to the data"
                + " when that leaves a bin empty."));
        Label title = new Label();
        title.setId("compare-range-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Complexity window ("
                + (vm.normalize.get() == null ? "normalize to set it" : vm.normalize.get().unit()) + ", strict bounds)",
                vm.normalize));
        vm.viewProperty().addListener((o, a, v) -> {
            if (v != null && v.result().window() != null) {
                double max = Math.max(v.result().window().hi(), v.scaleMax());
                if (slider.getMax() != max) {
                    slider.setMax(max);
                    slider.setMajorTickUnit(max / 4);
                }
                slider.setHighValue(v.result().window().hi());
                slider.setLowValue(v.result().window().lo());
                lo.setText(fmt(v.result().window().lo()));
                hi.setText(fmt(v.result().window().hi()));
                lo.setUserData(lo.getText());
                hi.setUserData(hi.getText());
            }
        });
        slider.lowValueProperty().addListener((o, a, b) -> lo.setText(fmt(b.doubleValue())));
        slider.highValueProperty().addListener((o, a, b) -> hi.setText(fmt(b.doubleValue())));
        slider.setOnMouseReleased(e -> {
            vm.rangeLo.set(slider.getLowValue());
            vm.rangeHi.set(slider.getHighValue());
        });
        commitOnActionOrFocusLoss(lo, () -> commit(lo, hi));
        commitOnActionOrFocusLoss(hi, () -> commit(lo, hi));
        return new VBox(4, title, slider, new FlowPane(4, 4, lo, new Label("<  c  <"), hi, paper));
    }

    private static TextField boundField(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        return f;
    }

    /** Runs `commit` on Enter and when the field loses focus, so a bound left by clicking elsewhere still counts. */
    private static void commitOnActionOrFocusLoss(TextField field, Runnable commit) {
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
    }

    /** Sets the window from both fields; a field that is not a number turns red and changes nothing. */
    private void commit(TextField loField, TextField hiField) {
        if (loField.getText().equals(loField.getUserData()) && hiField.getText().equals(hiField.getUserData())) {
            return;
        }
        double lo = parse(loField);
        double hi = parse(hiField);
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return;
        }
        if (lo != vm.rangeLo.get() || hi != vm.rangeHi.get()) {
            vm.rangeHi.set(hi);
            vm.rangeLo.set(lo);
        }
    }

    private static double parse(TextField field) {
        try {
            double v = Double.parseDouble(field.getText().trim());
            field.setStyle("");
            field.setTooltip(null);
            return v;
        } catch (NumberFormatException e) {
            field.setStyle("-fx-border-color: #b03a2e;");
            field.setTooltip(new Tooltip("Not a number: " + field.getText()));
            return Double.NaN;
        }
    }

    private Node right() {
        Label message = new Label();
        message.setId("compare-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        tabs.setId("compare-tabs");
        for (CompareFigure kind : CompareFigure.values()) {
            FigureView chart = new FigureView("compare-chart-" + kind.key());
            charts.put(kind, chart);
            Tab t = new Tab(title(kind), chart);
            t.setClosable(false);
            t.setUserData(kind);
            tabs.getTabs().add(t);
        }
        vm.viewProperty().addListener((o, a, v) -> charts.forEach((k, c) -> c.show(v == null ? null : v.figures().get(k))));
        tabs.opacityProperty().bind(javafx.beans.binding.Bindings.when(vm.staleProperty()).then(0.35).otherwise(1.0));
        VBox ks = new VBox(4, ksTable(), ksLegend());
        VBox.setVgrow(ks.getChildren().get(0), javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(tabs, ks);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        BorderPane pane = new BorderPane(split);
        pane.setTop(new VBox(4, message, fixes()));
        BorderPane.setMargin(message, new Insets(6));
        return pane;
    }

    /** The in-place fixes of a failed normalization, and undo of a replace; each shows only when it applies. */
    private Node fixes() {
        Button merge = button("compare-fix-merge", "Merge empty bins", vm::mergeEmptyBins);
        merge.setTooltip(new Tooltip("Sets Empty bins to merge: an empty bin's weight goes to its nearest non-empty"
                + " bin."));
        show(merge, vm.emptyBinsFailedProperty());
        Button fit = button("compare-fix-fit", "Fit window to data", vm::fitWindowToData);
        fit.setTooltip(new Tooltip("Sets the window to the complexity range all sets share and k to the largest"
                + " count (up to Bins k) that leaves no bin empty."));
        show(fit, vm.fitProperty().isNotNull());
        Button undo = button("compare-undo-replace", "Undo replace", vm::undoReplace);
        undo.setTooltip(new Tooltip("Brings back the sets the catalogue's Compare replaced."));
        show(undo, vm.undoableProperty().isNotNull());
        return new FlowPane(4, 4, merge, fit, undo);
    }

    private static void show(Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    /** What the KS table's row colours mean. */
    private static Node ksLegend() {
        Label strong = new Label("p < 0.001: the sets differ strongly");
        strong.getStyleClass().add("ks-legend-strong");
        Label weak = new Label("p < 0.05: they differ");
        weak.getStyleClass().add("ks-legend-weak");
        Label none = new Label("uncoloured: no significant difference");
        FlowPane legend = new FlowPane(12, 4, new Label("KS rows:"), strong, weak, none);
        legend.setId("compare-ks-legend");
        return legend;
    }

    private static String title(CompareFigure kind) {
        return switch (kind) {
            case EDF -> "Error EDFs";
            case SCATTER -> "Error vs complexity";
            case COMPLEXITY -> "Complexity";
            case RANDOM_SEARCH -> "Random search";
        };
    }

    /** Pairwise KS D and p; rows coloured by significance (p < 0.001 strong, p < 0.05 light). */
    private Node ksTable() {
        TableView<PairResult> table = new TableView<>(vm.pairs);
        table.setId("compare-ks");
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.inputs.size() < 2 ? "Add two or more sets to see the KS test of each pair."
                        : vm.staleProperty().get() ? "Comparing…" : "No KS rows: " + vm.messageProperty().get(),
                vm.inputs, vm.staleProperty(), vm.messageProperty()));
        table.setPlaceholder(placeholder);
        table.getColumns().add(column("A", p -> p.a()));
        table.getColumns().add(column("B", p -> p.b()));
        table.getColumns().add(column("KS D", p -> String.format(Locale.ROOT, "%.4f", p.ks().d())));
        table.getColumns().add(column("p", PairResult::pValueText));
        table.getColumns().add(column("method", p -> p.ks().method()));
        table.getColumns().add(column("D normalized", p -> Double.isNaN(p.normalizedD()) ? ""
                : String.format(Locale.ROOT, "%.4f", p.normalizedD())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PairResult p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("ks-strong", "ks-weak");
                if (!empty && p != null) {
                    if (p.ks().p() < 0.001) {
                        getStyleClass().add("ks-strong");
                    } else if (p.ks().p() < 0.05) {
                        getStyleClass().add("ks-weak");
                    }
                }
            }
        });
        return table;
    }

    private static TableColumn<PairResult, String> column(String title, java.util.function.Function<PairResult, String> f) {
        TableColumn<PairResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        });
        return c;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

}
