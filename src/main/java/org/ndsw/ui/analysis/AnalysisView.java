package org.ndsw.ui.analysis;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ndsw.app.report.ViewFigures;
import org.ndsw.ui.chart.FigureView;

/** The analysis panel: sets, parameters and the refine loop on the left, the views on the right. Binds only. */
public final class AnalysisView extends SplitPane {
    private final AnalysisViewModel vm;
    private final TabPane tabs = new TabPane();
    private final TableView<AnalysisViewModel.Row> table = new TableView<>(null);

    /** Builds the panel. */
    public AnalysisView(AnalysisViewModel vm, AnalysisActions actions) {
        this.vm = vm;
        setId("analysis-panel");
        getItems().addAll(left(actions), right(actions));
        setDividerPositions(0.32);
    }

    private VBox left(AnalysisActions actions) {
        ListView<String> sets = new ListView<>(vm.sources);
        sets.setId("analysis-sets");
        sets.setPrefHeight(90);
        Button analyse = button("analysis-analyse", "Analyse Compare's sets", actions::analyseCompareSets);
        table.setItems(vm.rows);
        table.setId("analysis-parameters");
        VBox.setVgrow(table, Priority.ALWAYS);
        TableColumn<AnalysisViewModel.Row, String> name = new TableColumn<>("parameter");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(100);
        table.getColumns().add(name);
        vm.resultProperty().addListener((o, a, r) -> columns(r));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.parameter.set(b.name());
            }
        });
        Button refine = button("analysis-refine", "Refine space…", actions::refine);
        refine.disableProperty().bind(vm.resultProperty().isNull());
        Button train = button("analysis-train", "Sample and train child sweep…", actions::sampleAndTrain);
        train.disableProperty().bind(vm.childProperty().isNull());
        Button compare = button("analysis-compare", "Compare parent and child", vm::compareParentAndChild);
        compare.disableProperty().bind(vm.childSweepProperty().isNull());
        Label message = new Label();
        message.setId("analysis-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped lines take their height, not cut
        message.textProperty().bind(vm.messageProperty());
        Label hint = new Label("Good range [lo, best, hi]: where the best model of a random quarter of the set lies"
                + " (2.5%, 50%, 97.5%). Select a parameter to view it; refine a space from its range.");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, new Label("Sets"), sets, analyse, hint, table, new HBox(6, refine), train, compare,
                message);
        box.setPadding(new Insets(8));
        return box;
    }

    private void columns(AnalysisViewModel.Result r) {
        table.getColumns().remove(1, table.getColumns().size());
        if (r == null) {
            return;
        }
        for (int i = 0; i < r.sets().size(); i++) {
            int j = i;
            TableColumn<AnalysisViewModel.Row, String> c = new TableColumn<>(r.sets().get(i).set().label());
            c.setCellValueFactory(x -> new ReadOnlyStringWrapper(x.getValue().good().get(j)));
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null || item.isEmpty() ? null
                            : new javafx.scene.control.Tooltip(item)); // the whole range when the column cuts it
                }
            });
            c.setPrefWidth(150);
            table.getColumns().add(c);
        }
    }

    private TabPane right(AnalysisActions actions) {
        FlowPane byParameter = figures("analysis-parameter", vm.parameterFigures);
        ComboBox<String> parameter = combo("analysis-parameter-choice", vm.parameters);
        parameter.valueProperty().bindBidirectional(vm.parameter);
        ComboBox<String> x = combo("analysis-map-x", vm.parameters);
        x.valueProperty().bindBidirectional(vm.mapX);
        ComboBox<String> y = combo("analysis-map-y", vm.parameters);
        y.valueProperty().bindBidirectional(vm.mapY);
        ComboBox<Integer> k = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(1, 2, 3, 4, 5, 8));
        k.setId("analysis-k");
        k.setValue(vm.k.get());
        k.valueProperty().addListener((o, a, b) -> vm.k.set(b));
        tabs.setId("analysis-views");
        tabs.getTabs().addAll(
                tab("Error vs parameter", new HBox(6, new Label("Parameter"), parameter), byParameter, actions),
                tab("Rank map", new HBox(6, new Label("x"), x, new Label("y"), y),
                        figures("analysis-map", vm.mapFigures), actions),
                tab("Best and worst runs", new HBox(6, new Label("k"), k),
                        figures("analysis-curves", vm.curveFigures), actions),
                tab("Best models", new HBox(6, new Label("The " + AnalysisViewModel.BEST_MODELS
                        + " best models of each set")), figures("analysis-models", vm.modelFigures), actions));
        return tabs;
    }

    private Tab tab(String title, HBox controls, FlowPane figures, AnalysisActions actions) {
        controls.getChildren().add(button(null, "Export view (PNG, SVG)…", actions::exportView));
        controls.setPadding(new Insets(6));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(figures);
        scroll.setFitToWidth(true);
        BorderPane pane = new BorderPane(scroll);
        pane.setTop(controls);
        Tab t = new Tab(title, pane);
        t.setClosable(false);
        return t;
    }

    /** The figures of the view on screen. */
    public List<ViewFigures.Named> selectedFigures() {
        return switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 1 -> List.copyOf(vm.mapFigures);
            case 2 -> List.copyOf(vm.curveFigures);
            case 3 -> List.copyOf(vm.modelFigures);
            default -> List.copyOf(vm.parameterFigures);
        };
    }

    /** The view tabs. */
    public TabPane tabs() {
        return tabs;
    }

    private static FlowPane figures(String id, ObservableList<ViewFigures.Named> list) {
        FlowPane pane = new FlowPane(8, 8);
        pane.setId(id);
        pane.setPadding(new Insets(6));
        ListChangeListener<ViewFigures.Named> show = c -> {
            pane.getChildren().clear();
            int i = 0;
            for (ViewFigures.Named n : list) {
                FigureView f = new FigureView(id + "-" + i++);
                f.setPrefSize(list.size() == 1 ? 880 : 450, list.size() == 1 ? 600 : 380);
                f.show(n.figure());
                pane.getChildren().add(f);
            }
        };
        list.addListener(show);
        return pane;
    }

    private static ComboBox<String> combo(String id, ObservableList<String> items) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setId(id);
        return c;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        if (id != null) {
            b.setId(id);
        }
        b.setOnAction(e -> action.run());
        return b;
    }
}
