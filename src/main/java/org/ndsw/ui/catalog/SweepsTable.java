package org.ndsw.ui.catalog;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import org.ndsw.catalog.SweepSummary;

/** The sweeps of the catalogue, several selectable; the selection is kept in the view model by sweep name. */
final class SweepsTable extends TableView<SweepSummary> {
    private boolean syncing;

    SweepsTable(CatalogViewModel vm) {
        super(vm.sweeps);
        setId("catalog-sweeps");
        javafx.scene.control.Label empty = new javafx.scene.control.Label(
                "No sweeps yet: drop NDS JSON files, a folder or data.zip here.");
        empty.setWrapText(true);
        empty.setPadding(new javafx.geometry.Insets(8));
        empty.maxWidthProperty().bind(widthProperty().subtract(16));
        setPlaceholder(empty);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // The source comes last and takes the width left, cut in the middle with its whole text as a tooltip, so it
        // is never hidden past the table's edge; the creation time is one click away in the table's column menu.
        javafx.scene.control.TableColumn<SweepSummary, String> created = Cells.column("Created", 130, false,
                SweepSummary::created);
        created.setVisible(false);
        getColumns().addAll(List.of(
                fixed(Cells.<SweepSummary>column("Sweep", 90, false, SweepSummary::name), 60),
                fixed(Cells.<SweepSummary>column("Models", 58, true, s -> Cells.count(s.models())), 58),
                fixed(Cells.<SweepSummary>column("Runs", 50, true, s -> Cells.count(s.runs())), 50),
                fixed(Cells.<SweepSummary>column("Dataset", 62, false, SweepSummary::dataset), 62),
                created, source()));
        setTableMenuButtonVisible(true);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<SweepSummary>) c -> {
            if (!syncing) {
                vm.selectedSweeps.setAll(List.copyOf(getSelectionModel().getSelectedItems()));
            }
        });
        vm.selectedSweeps.addListener((ListChangeListener<SweepSummary>) c -> select(vm.selectedNames()));
    }

    /** `c` never narrower than `min`, so its header stays whole. */
    private static <T> javafx.scene.control.TableColumn<SweepSummary, T> fixed(
            javafx.scene.control.TableColumn<SweepSummary, T> c, double min) {
        c.setMinWidth(min);
        return c;
    }

    /**
     * The source column: kind and source on one line, cut in the middle when narrow so both the kind and the file
     * name at the end stay readable; the tooltip has the whole text.
     */
    private static javafx.scene.control.TableColumn<SweepSummary, String> source() {
        javafx.scene.control.TableColumn<SweepSummary, String> c = Cells.column("Source", 200, false,
                s -> s.sourceKind() + ": " + s.source());
        c.setId("catalog-sweeps-source");
        c.setMinWidth(90);
        javafx.util.Callback<javafx.scene.control.TableColumn<SweepSummary, String>,
                javafx.scene.control.TableCell<SweepSummary, String>> plain = c.getCellFactory();
        c.setCellFactory(col -> {
            javafx.scene.control.TableCell<SweepSummary, String> cell = plain.call(col);
            cell.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            return cell;
        });
        return c;
    }

    private void select(List<String> names) {
        if (getSelectionModel().getSelectedItems().stream().map(SweepSummary::name).toList().equals(names)) {
            return;
        }
        syncing = true;
        try {
            getSelectionModel().clearSelection();
            for (int i = 0; i < getItems().size(); i++) {
                if (names.contains(getItems().get(i).name())) {
                    getSelectionModel().select(i);
                }
            }
        } finally {
            syncing = false;
        }
    }
}
