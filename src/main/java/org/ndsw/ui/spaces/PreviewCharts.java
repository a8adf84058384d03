package org.ndsw.ui.spaces;

import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.ndsw.app.space.SpacePreview;
import org.ndsw.figure.Figure;
import org.ndsw.figure.Figures;
import org.ndsw.figure.LabeledValues;
import org.ndsw.ui.chart.FigureView;

/** The editor's live histograms of params (M) and flops (B) of the preview samples. */
final class PreviewCharts extends HBox {
    private static final int BINS = 30;
    private final FigureView params = new FigureView("preview-params");
    private final FigureView flops = new FigureView("preview-flops");

    PreviewCharts(SpaceEditorViewModel ed) {
        super(6);
        HBox.setHgrow(params, Priority.ALWAYS);
        HBox.setHgrow(flops, Priority.ALWAYS);
        getChildren().addAll(params, flops);
        setPrefHeight(260);
        ed.previewProperty().addListener((o, a, r) -> show(r));
        show(ed.previewProperty().get());
    }

    private void show(SpacePreview.Result r) {
        params.show(r == null ? null : histogram(r, r.params(), 1e-6, "params (M)"));
        flops.show(r == null ? null : histogram(r, r.flops(), 1e-9, "flops (B)"));
    }

    /** A histogram of one complexity measure, scaled to the paper's units. */
    static Figure histogram(SpacePreview.Result r, long[] raw, double scale, String label) {
        double[] v = new double[raw.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = raw[i] * scale;
        }
        return Figures.complexityHistogram("", label, List.of(new LabeledValues(r.space().name(), v)), BINS, null);
    }
}
