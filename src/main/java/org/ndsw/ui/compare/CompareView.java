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
        VBox box = new VBox(8, new Label("Sets of trained models"), list, new FlowPane(4, 4, add, sweeps, remove),
                controls(), new FlowPane(4, 4, exportFigure, exportCsv));
        box.setPadding(new Insets(8));
        return box;
    }

    private Node controls() {
        ComboBox<Complexity> normalize = new ComboBox<>();
        normalize.setId("compare-normalize");
        normalize.getItems().addAll(null, Complexity.PARAMS, Complexity.FLOPS);
        normalize.setConverter(DisplayConverter.of("none (eq. 1)", c -> "by " + c.field() + " (eq. 3-4)"));
        normalize.valueProperty().bindBidirectional(vm.normalize);
        Spinner<Integer> bins = new Spinner<>(1, 1000, vm.bins.get());
        bins.setId("compare-bins");
        bins.setEditable(true);
        bins.getValueFactory().valueProperty().addListener((o, a, b) -> vm.bins.set(b));
        ComboBox<BinPolicy> policy = new ComboBox<>();
        policy.getItems().setAll(BinPolicy.values());
        policy.valueProperty().bindBidirectional(vm.binPolicy);
        ComboBox<ErrorMetric> error = new ComboBox<>();
        error.setId("compare-error");
        error.getItems().setAll(ErrorMetric.values());
        error.setConverter(DisplayConverter.of(m -> m == ErrorMetric.BEST ? "best epoch" : "final epoch"));
        error.valueProperty().bindBidirectional(vm.error);
        Spinner<Integer> search = new Spinner<>(0, 16, vm.randomSearchPower.get());
        search.getValueFactory().valueProperty().addListener((o, a, b) -> vm.randomSearchPower.set(b));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Normalize"), normalize);
        g.addRow(1, new Label("Bins k"), bins);
        g.addRow(2, new Label("Empty bins"), policy);
        g.addRow(3, new Label("Error"), error);
        g.addRow(4, new Label("Random search 2^P"), search);
        VBox window = window();
        window.disableProperty().bind(vm.normalize.isNull());
        return new VBox(8, g, window);
    }

    /** The complexity window: a range slider over the sets' complexity and the exact bounds as text. */
    private VBox window() {
        RangeSlider slider = new RangeSlider(0, 1, 0, 1);
        slider.setId("compare-range");
        slider.setShowTickLabels(true);
        TextField lo = new TextField();
        lo.setId("compare-range-lo");
        lo.setPrefColumnCount(7);
        TextField hi = new TextField();
        hi.setId("compare-range-hi");
        hi.setPrefColumnCount(7);
        Button paper = button("compare-range-default", "Paper default", vm::resetRange);
        vm.viewProperty().addListener((o, a, v) -> {
            if (v != null && v.result().window() != null) {
                double max = Math.max(v.result().window().hi(), maxComplexity(v));
                slider.setMax(max);
                slider.setHighValue(v.result().window().hi());
                slider.setLowValue(v.result().window().lo());
                lo.setText(fmt(v.result().window().lo()));
                hi.setText(fmt(v.result().window().hi()));
            }
        });
        slider.setOnMouseReleased(e -> {
            vm.rangeLo.set(slider.getLowValue());
            vm.rangeHi.set(slider.getHighValue());
        });
        lo.setOnAction(e -> parseInto(lo, vm.rangeLo, hi));
        hi.setOnAction(e -> parseInto(hi, vm.rangeHi, lo));
        VBox box = new VBox(4, new Label("Complexity window (strict bounds, paper units)"), slider,
                new FlowPane(4, 4, lo, new Label("<  c  <"), hi, paper));
        return box;
    }

    private void parseInto(TextField field, javafx.beans.property.DoubleProperty target, TextField other) {
        try {
            double v = Double.parseDouble(field.getText().trim());
            if (Double.isNaN(vm.rangeLo.get()) || Double.isNaN(vm.rangeHi.get())) {
                double o = Double.parseDouble(other.getText().trim());
                if (target == vm.rangeLo) {
                    vm.rangeHi.set(o);
                } else {
                    vm.rangeLo.set(o);
                }
            }
            target.set(v);
            field.setStyle("");
        } catch (NumberFormatException e) {
            field.setStyle("-fx-border-color: #b03a2e;");
        }
    }

    private static double maxComplexity(CompareViewModel.View v) {
        double max = 0;
        for (var s : v.result().sets()) {
            for (double c : v.result().options().normalize() == Complexity.PARAMS ? s.keptParams() : s.keptFlops()) {
                max = Math.max(max, c);
            }
        }
        return max;
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
        SplitPane split = new SplitPane(tabs, ksTable());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        BorderPane pane = new BorderPane(split);
        pane.setTop(message);
        BorderPane.setMargin(message, new Insets(6));
        return pane;
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
