package org.ndsw.app.catalog;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.catalog.RunData;
import org.ndsw.figure.Axis;
import org.ndsw.figure.Figure;
import org.ndsw.figure.FigureKind;
import org.ndsw.figure.Figures;
import org.ndsw.figure.LegendPlacement;
import org.ndsw.figure.LineSeries;
import org.ndsw.figure.Series;

/** Figures of one stored run: what the catalogue's details pane shows and exports. */
public final class RunFigures {
    private RunFigures() {}

    /** Test and train top-1 error per epoch (epochs from 1), or null when the run recorded no curve. */
    public static Figure curves(String title, RunData.Curves c) {
        List<Series> series = new ArrayList<>();
        add(series, "test error", c.testEpTop1());
        add(series, "train error", c.trainEpTop1());
        if (series.isEmpty()) {
            return null;
        }
        return new Figure(FigureKind.CURVES, title, "", Axis.count("epoch"), Axis.linear(Figures.ERROR_LABEL),
                series, List.of(), LegendPlacement.INSIDE_UPPER_RIGHT);
    }

    private static void add(List<Series> out, String label, double[] values) {
        if (values == null || values.length == 0) {
            return;
        }
        out.add(LineSeries.perEpoch(label, values));
    }
}
