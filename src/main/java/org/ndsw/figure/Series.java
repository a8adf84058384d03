package org.ndsw.figure;

/**
 * One drawn element of a figure. Each kind maps to one JFreeChart renderer; the position of a series in its
 * figure picks its colour, dash pattern and marker shape from {@link Palette}.
 */
public sealed interface Series permits StepSeries, LineSeries, PointSeries, HistogramSeries, GraphSeries {
    /** Legend text; an empty label keeps the series out of the legend. */
    String label();

    /** Number of stored points (or bins), the cost of drawing it. */
    int size();
}
