package org.ndsw.figure;

import java.util.Objects;

/**
 * A reference line across the plot, vertical at an x value or horizontal at a y value, with a short label; or, when
 * {@code to > value}, a shaded band from {@code value} to {@code to} (e.g. a parameter's good range).
 */
public record Marker(Orientation orientation, double value, double to, String label) {
    /** Direction of the line. */
    public enum Orientation { VERTICAL, HORIZONTAL }

    /** Validates the marker. */
    public Marker {
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(value) || !Double.isFinite(to) || to < value) {
            throw new IllegalArgumentException("marker needs finite value <= to, got " + value + " and " + to);
        }
    }

    /** A line at the value. */
    public Marker(Orientation orientation, double value, String label) {
        this(orientation, value, value, label);
    }

    /** Whether this marker is a shaded band rather than a line. */
    public boolean band() {
        return to > value;
    }

    /** A shaded vertical band from x = lo to x = hi. */
    public static Marker bandX(double lo, double hi, String label) {
        return new Marker(Orientation.VERTICAL, lo, hi, label);
    }

    /** A vertical line at x. */
    public static Marker atX(double x, String label) {
        return new Marker(Orientation.VERTICAL, x, label);
    }
}
