package org.ndsw.figure;

import java.util.List;
import java.util.Objects;

/**
 * One figure, fully described by data and labels: what {@link ChartBuilder} draws and what the GUI shows.
 *
 * @param kind the plot kind (it decides nothing about drawing; it names the figure for callers and tests)
 * @param title title line, may be empty
 * @param subtitle smaller second line (window, bins, statistics), may be empty
 * @param x horizontal axis
 * @param y vertical axis
 * @param series drawn in order, the first at the bottom; colours and dashes follow the order
 * @param markers reference lines
 * @param legend where the legend goes
 */
public record Figure(FigureKind kind, String title, String subtitle, Axis x, Axis y, List<Series> series,
                     List<Marker> markers, LegendPlacement legend) {
    /** Validates and copies the lists. */
    public Figure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(legend, "legend");
        series = List.copyOf(series);
        markers = List.copyOf(markers);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one series");
        }
    }

    /** The same figure under another title. */
    public Figure withTitle(String newTitle) {
        return new Figure(kind, newTitle, subtitle, x, y, series, markers, legend);
    }

    /** The same figure with another subtitle. */
    public Figure withSubtitle(String newSubtitle) {
        return new Figure(kind, title, newSubtitle, x, y, series, markers, legend);
    }

    /** Total stored points over all series: a measure of drawing cost. */
    public int pointCount() {
        return series.stream().mapToInt(Series::size).sum();
    }
}
