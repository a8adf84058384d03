package org.ndsw.ui.chart;

import javafx.scene.layout.StackPane;
import org.jfree.chart.fx.ChartViewer;
import org.ndsw.figure.ChartBuilder;
import org.ndsw.figure.Figure;

/**
 * Shows a figure model on screen through jfreechart-fx: the same chart object that export writes to PNG and SVG, so
 * what is on screen is what gets exported.
 */
public final class FigureView extends StackPane {
    /** Base font size on screen, in points. */
    private static final float SCREEN_FONT_PT = 11f;
    private ChartViewer viewer;
    private Figure figure;

    /** An empty view. */
    public FigureView(String id) {
        setId(id);
        setMinSize(200, 150);
    }

    /** Shows `f`, or nothing when `f` is null. */
    public void show(Figure f) {
        figure = f;
        if (f == null) {
            getChildren().clear();
            viewer = null;
        } else if (viewer == null) {
            viewer = new ChartViewer(ChartBuilder.build(f, SCREEN_FONT_PT));
            getChildren().add(viewer);
        } else {
            viewer.setChart(ChartBuilder.build(f, SCREEN_FONT_PT));
        }
    }

    /** The figure on screen, or null. */
    public Figure figure() {
        return figure;
    }
}
