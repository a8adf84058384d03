package org.ndsw.ui.catalog;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The catalogue panel: sweeps on the left, filters and the models table in the middle, details on the right. */
public final class CatalogView extends BorderPane {
    private final SplitPane split = new SplitPane();

    /** Builds the panel; `actions` handles files, confirmations and dialogs. */
    public CatalogView(CatalogViewModel vm, CatalogActions actions) {
        setId("catalog-panel");
        split.setId("catalog-split");
        split.getItems().addAll(left(vm, actions), center(vm), new DetailsPane(vm));
        split.setDividerPositions(0.27, 0.74);
        setCenter(split);
        setBottom(importBar(vm));
    }

    private Node left(CatalogViewModel vm, CatalogActions actions) {
        Label file = new Label();
        file.setId("catalog-file");
        file.setWrapText(true);
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.session.get() == null
                ? "No catalogue open: drop NDS files here to create one." : vm.session.get().file().toString(),
                vm.session));
        Button open = button("catalog-open", "Open…", actions::openCatalog);
        Button create = button("catalog-new", "New…", actions::newCatalog);
        Button imp = button("catalog-import", "Import…", actions::importFiles);
        Button compare = button("catalog-compare", "Compare", actions::compareSweeps);
        Button export = button("catalog-export", "Export…", actions::exportSweep);
        Button delete = button("catalog-delete", "Delete…", actions::deleteSweeps);
        Button refresh = button("catalog-refresh", "Refresh", vm::refresh);
        compare.disableProperty().bind(Bindings.isEmpty(vm.selectedSweeps));
        export.disableProperty().bind(Bindings.size(vm.selectedSweeps).isNotEqualTo(1));
        delete.disableProperty().bind(Bindings.isEmpty(vm.selectedSweeps));
        refresh.disableProperty().bind(vm.session.isNull());
        SweepsTable sweeps = new SweepsTable(vm);
        VBox.setVgrow(sweeps, Priority.ALWAYS);
        Label hint = new Label("Select sweeps to list their runs (none: all); several to compare them.");
        hint.setWrapText(true);
        VBox box = new VBox(8, new Label("Catalogue"), file, new FlowPane(4, 4, open, create, imp), sweeps, hint,
                new FlowPane(4, 4, compare, export, delete, refresh));
        box.setPadding(new Insets(8));
        return box;
    }

    private Node center(CatalogViewModel vm) {
        TextField where = new TextField();
        where.setId("catalog-where");
        where.setPromptText("e.g. net.ds[2] >= 4 and block_type = res_basic_block");
        where.textProperty().bindBidirectional(vm.where);
        where.setOnAction(e -> vm.query());
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("Where"), where);
        GridPane.setColumnSpan(where, 6);
        GridPane.setHgrow(where, Priority.ALWAYS);
        range(g, 1, 0, "Error %", vm.error, "catalog-error", vm);
        range(g, 1, 3, "Params", vm.params, "catalog-params", vm);
        range(g, 2, 0, "Flops", vm.flops, "catalog-flops", vm);
        Button apply = button("catalog-apply", "Apply", vm::query);
        Button clear = button("catalog-clear", "Clear", vm::clearFilters);
        g.add(new HBox(4, apply, clear), 4, 2, 3, 1);
        Label error = new Label();
        error.setId("catalog-filter-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b03a2e;");
        error.textProperty().bind(vm.filterErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label count = new Label();
        count.setId("catalog-count");
        count.textProperty().bind(vm.messageProperty());
        ModelsTable table = new ModelsTable(vm);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, g, error, count, table);
        box.setPadding(new Insets(8));
        return box;
    }

    private static void range(GridPane g, int row, int col, String label, RangeFilter r, String id,
            CatalogViewModel vm) {
        TextField min = new TextField();
        min.setId(id + "-min");
        min.setPromptText("from");
        min.setPrefColumnCount(6);
        min.textProperty().bindBidirectional(r.min);
        min.setOnAction(e -> vm.query());
        TextField max = new TextField();
        max.setId(id + "-max");
        max.setPromptText("to");
        max.setPrefColumnCount(6);
        max.textProperty().bindBidirectional(r.max);
        max.setOnAction(e -> vm.query());
        g.add(new Label(label), col, row);
        g.add(min, col + 1, row);
        g.add(max, col + 2, row);
    }

    private Node importBar(CatalogViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setId("catalog-import-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.importProgress);
        Label status = new Label();
        status.textProperty().bind(vm.importStatus);
        Button cancel = button("catalog-import-cancel", "Cancel", vm::cancelImport);
        HBox box = new HBox(8, bar, status, cancel);
        box.setId("catalog-import-bar");
        box.setPadding(new Insets(4, 8, 4, 8));
        box.visibleProperty().bind(vm.importing);
        box.managedProperty().bind(vm.importing);
        return box;
    }

    /** The split pane whose divider positions the workbench remembers. */
    public SplitPane split() {
        return split;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
