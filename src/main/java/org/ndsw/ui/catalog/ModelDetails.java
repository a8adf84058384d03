package org.ndsw.ui.catalog;

import java.util.List;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunRow;
import org.ndsw.figure.Figure;

/**
 * What the details pane shows for one selected run: the run, its net as indented JSON, its curves as a figure (null
 * if none were recorded), its optimizer settings as stored (JSON text), and every run of the same model in the catalogue.
 */
public record ModelDetails(RunRow row, String netJson, Figure curves, String optim, List<RunRow> runs) {
    /** Copies the list. */
    public ModelDetails {
        runs = List.copyOf(runs);
    }

    /** Builds the details from a row, its stored data and the runs of its model. */
    static ModelDetails of(RunRow row, RunData data, List<RunRow> runs) {
        String title = row.sweep() + " #" + row.seq();
        return new ModelDetails(row, Json.pretty(row.net()), org.ndsw.app.catalog.RunFigures.curves(title, data.curves()),
                data.optim() == null ? "" : data.optim(), runs);
    }
}
