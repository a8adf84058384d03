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
        getColumns().addAll(List.of(
                Cells.<SweepSummary>column("Sweep", 100, false, SweepSummary::name),
                Cells.<SweepSummary>column("Models", 60, true, s -> Cells.count(s.models())),
                Cells.<SweepSummary>column("Runs", 55, true, s -> Cells.count(s.runs())),
                Cells.<SweepSummary>column("Dataset", 65, false, SweepSummary::dataset),
                source(),
                Cells.<SweepSummary>column("Created", 150, false, SweepSummary::created)));
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<SweepSummary>) c -> {
            if (!syncing) {
                vm.selectedSweeps.setAll(List.copyOf(getSelectionModel().getSelectedItems()));
            }
        });
        vm.selectedSweeps.addListener((ListChangeListener<SweepSummary>) c -> select(vm.selectedNames()));
    }

    /**
     * The source column: kind and source on one line, cut in the middle when narrow so both the kind and the file
     * name at the end stay readable; the tooltip has the whole text.
     */
    private static javafx.scene.control.TableColumn<SweepSummary, String> source() {
        javafx.scene.control.TableColumn<SweepSummary, String> c = Cells.column("Source", 260, false,
                s -> s.sourceKind() + ": " + s.source());
        c.setId("catalog-sweeps-source");
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
