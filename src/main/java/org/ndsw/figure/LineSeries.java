package org.ndsw.figure;

import java.util.Objects;

/**
 * A polyline through (x, y) with an optional symmetric band y ± halfWidth (e.g. ±2σ of random search).
 * {@code halfWidth} is null when there is no band.
 */
public record LineSeries(String label, double[] x, double[] y, double[] halfWidth) implements Series {
    /** Validates and copies the arrays. */
    public LineSeries {
        Objects.requireNonNull(label, "label");
        if (x.length == 0 || x.length != y.length || (halfWidth != null && halfWidth.length != x.length)) {
            throw new IllegalArgumentException("a line series needs matching non-empty x, y (and band) arrays");
        }
        x = x.clone();
        y = y.clone();
        halfWidth = halfWidth == null ? null : halfWidth.clone();
    }

    /** A series of one value per epoch, at x = 1, 2, …, n. */
    public static LineSeries perEpoch(String label, double[] values) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return of(label, x, values);
    }

    /** A line without a band. */
    public static LineSeries of(String label, double[] x, double[] y) {
        return new LineSeries(label, x, y, null);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] halfWidth() {
        return halfWidth == null ? null : halfWidth.clone();
    }

    /** Whether a band is drawn around the line. */
    public boolean hasBand() {
        return halfWidth != null;
    }

    @Override
    public int size() {
        return x.length;
    }
}
