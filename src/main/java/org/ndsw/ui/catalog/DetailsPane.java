package org.ndsw.ui.catalog;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ndsw.catalog.RunRow;
import org.ndsw.ui.chart.FigureView;

/** The selected run: complexity and errors, its curves, its net as JSON, and every run of the same model. */
final class DetailsPane extends VBox {
    private final Label title = new Label("Select a run to see its details.");
    private final GridPane numbers = new GridPane();
    private final FigureView curves = new FigureView("catalog-curves");
    private final TextArea net = new TextArea();
    private final TableView<RunRow> runs = new TableView<>();

    DetailsPane(CatalogViewModel vm) {
        super(6);
        setId("catalog-details");
        setPadding(new Insets(8));
        title.setId("catalog-details-title");
        title.setStyle("-fx-font-weight: bold;");
        numbers.setHgap(10);
        numbers.setVgap(2);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        numbers.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), values);
        curves.setPrefHeight(220);
        net.setId("catalog-net");
        net.setEditable(false);
        net.setPrefRowCount(8);
        net.setStyle("-fx-font-family: monospace;");
        runs.setId("catalog-runs");
        runs.setPrefHeight(120);
        runs.setPlaceholder(new Label(""));
        runs.getColumns().addAll(List.of(
                Cells.<RunRow>column("Sweep", 110, false, RunRow::sweep),
                Cells.<RunRow>column("#", 45, true, r -> Integer.toString(r.seq())),
                Cells.<RunRow>column("Seed", 50, true, r -> Cells.integer(r.seed())),
                Cells.<RunRow>column("Error %", 65, true, r -> Cells.error(r.error())),
                Cells.<RunRow>column("Final %", 65, true, r -> Cells.error(r.finalError()))));
        VBox.setVgrow(net, Priority.ALWAYS);
        getChildren().addAll(title, numbers, curves, new Label("Net"), net, new Label("Runs of this model"), runs);
        vm.detailsProperty().addListener((o, a, d) -> show(d));
    }

    private void show(ModelDetails d) {
        numbers.getChildren().clear();
        if (d == null) {
            title.setText("Select a run to see its details.");
            curves.show(null);
            net.clear();
            runs.getItems().clear();
            return;
        }
        RunRow r = d.row();
        title.setText(r.sweep() + " #" + r.seq() + " — model " + r.model().substring(0, Math.min(12, r.model().length())));
        row(0, "Error (best epoch)", r.error() == null ? "—" : Cells.error(r.error()) + " %");
        row(1, "Error (final epoch)", r.finalError() == null ? "—" : Cells.error(r.finalError()) + " %");
        row(2, "Flops", r.flops() == null ? "—" : Cells.count(r.flops()) + String.format(Locale.ROOT, " (%.1f M)", r.flops() / 1e6));
        row(3, "Params", r.params() == null ? "—" : Cells.count(r.params()) + String.format(Locale.ROOT, " (%.3f M)", r.params() / 1e6));
        row(4, "Acts", Cells.count(r.acts()) + String.format(Locale.ROOT, " (%.3f M)", r.acts() / 1e6));
        row(5, "Space / dataset", r.space() + " / " + r.dataset());
        row(6, "Optimizer", breakable(d.optim()));
        curves.show(d.curves());
        net.setText(d.netJson());
        runs.getItems().setAll(d.runs());
    }

    /** Compact JSON with a space after each comma, so it wraps between settings and never inside a word. */
    static String breakable(String json) {
        return json == null ? "—" : json.replaceAll(",(?=\")", ", ");
    }

    private void row(int i, String name, String value) {
        Label v = new Label(value);
        v.setId("catalog-detail-" + i);
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        v.setTooltip(new javafx.scene.control.Tooltip(value));
        Label n = new Label(name);
        n.setMinWidth(Region.USE_PREF_SIZE);
        numbers.addRow(i, n, v);
    }
}
