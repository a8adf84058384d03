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
        setPlaceholder(new javafx.scene.control.Label("No sweeps yet: drop NDS JSON files, a folder or data.zip here."));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getColumns().addAll(List.of(
                Cells.<SweepSummary>column("Sweep", 100, false, SweepSummary::name),
                Cells.<SweepSummary>column("Models", 60, true, s -> Cells.count(s.models())),
                Cells.<SweepSummary>column("Runs", 55, true, s -> Cells.count(s.runs())),
                Cells.<SweepSummary>column("Dataset", 65, false, SweepSummary::dataset),
                Cells.<SweepSummary>column("Source", 200, false, s -> s.sourceKind() + ": " + s.source()),
                Cells.<SweepSummary>column("Created", 150, false, SweepSummary::created)));
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<SweepSummary>) c -> {
            if (!syncing) {
                vm.selectedSweeps.setAll(List.copyOf(getSelectionModel().getSelectedItems()));
            }
        });
        vm.selectedSweeps.addListener((ListChangeListener<SweepSummary>) c -> select(vm.selectedNames()));
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
