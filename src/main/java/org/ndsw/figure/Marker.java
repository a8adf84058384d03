package org.ndsw.figure;

import java.util.Objects;

/** A reference line across the plot: vertical at an x value or horizontal at a y value, with a short label. */
public record Marker(Orientation orientation, double value, String label) {
    /** Direction of the line. */
    public enum Orientation { VERTICAL, HORIZONTAL }

    /** Validates the marker. */
    public Marker {
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("marker value must be finite, got " + value);
        }
    }

    /** A vertical line at x. */
    public static Marker atX(double x, String label) {
        return new Marker(Orientation.VERTICAL, x, label);
    }
}
