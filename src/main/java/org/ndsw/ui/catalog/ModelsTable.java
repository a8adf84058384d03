package org.ndsw.ui.catalog;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.ndsw.catalog.Column;
import org.ndsw.catalog.QueryField;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SortKey;

/**
 * The models table: a virtualized view of the current query's {@link PagedRows}. Clicking a header sorts in the
 * catalogue through {@link SortKey}s (shift-click adds a key), never in memory; rows not read yet show empty.
 */
final class ModelsTable extends TableView<RunRow> {
    ModelsTable(CatalogViewModel vm) {
        setId("catalog-models");
        // One fixed row height: the flow lays out only visible rows, and rows not read yet take their place.
        setFixedCellSize(24);
        setPlaceholder(new javafx.scene.control.Label("No runs match."));
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        getColumns().addAll(List.of(
                col("Sweep", 110, false, Column.SWEEP, RunRow::sweep),
                col("#", 50, true, Column.SEQ, r -> Integer.toString(r.seq())),
                col("Model", 100, false, Column.MODEL, r -> r.model().substring(0, Math.min(12, r.model().length()))),
                col("Error %", 70, true, Column.ERROR, r -> Cells.error(r.error())),
                col("Final %", 70, true, Column.FINAL_ERROR, r -> Cells.error(r.finalError())),
                col("Params", 95, true, Column.PARAMS, r -> Cells.count(r.params())),
                col("Flops", 115, true, Column.FLOPS, r -> Cells.count(r.flops())),
                col("Acts", 95, true, Column.ACTS, r -> Cells.count(r.acts())),
                col("Epochs", 60, true, Column.EPOCHS, r -> Cells.integer(r.epochs())),
                col("Seed", 55, true, Column.SEED, r -> Cells.integer(r.seed())),
                col("Status", 65, false, Column.STATUS, RunRow::status),
                col("Family", 80, false, Column.FAMILY, RunRow::family),
                col("Net", 420, false, null, RunRow::net)));
        setSortPolicy(t -> {
            List<SortKey> keys = getSortOrder().stream().filter(c -> c.getUserData() != null)
                    .map(c -> new SortKey((QueryField) c.getUserData(), c.getSortType() == TableColumn.SortType.DESCENDING))
                    .toList();
            if (!keys.equals(vm.sort.get())) {
                vm.sort.set(keys);
            }
            return true;
        });
        setItems(vm.rows());
        vm.selectedRow.addListener((o, a, b) -> {
            if (b != null && b != getSelectionModel().getSelectedItem() && !getItems().isEmpty()
                    && b.equals(vm.rows().peek(0))) {
                getSelectionModel().select(0);
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedRow.set(b);
            }
        });
    }

    private static TableColumn<RunRow, String> col(String title, double width, boolean number, Column field,
            Function<RunRow, String> text) {
        TableColumn<RunRow, String> c = Cells.column(title, width, number, text);
        c.setUserData(field);
        if (field != null) {
            c.setId("catalog-col-" + field.label());
        }
        c.setSortable(field != null);
        return c;
    }
}
