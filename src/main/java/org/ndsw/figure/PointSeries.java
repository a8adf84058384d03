package org.ndsw.figure;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Unconnected points, one per model. {@link #thinned} keeps one point per cell of a fine grid so a 25k-model scatter
 * draws (and saves as SVG) fast while looking the same.
 */
public record PointSeries(String label, double[] x, double[] y) implements Series {
    /**
     * Cells per axis of {@link #thinned}: on a 300 pt wide plot a cell is 1.5 pt, half a 3 pt marker, so the
     * thinned cloud covers the same area as the full one.
     */
    public static final int GRID = 200;

    /** Validates and copies the arrays. */
    public PointSeries {
        Objects.requireNonNull(label, "label");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        x = x.clone();
        y = y.clone();
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
    public int size() {
        return x.length;
    }

    /**
     * Keeps the first point in each cell of a GRID x GRID grid over the given axis ranges (x in log10 space when
     * {@code logX}); points outside the ranges or not drawable (NaN, x ≤ 0 on a log axis) are dropped.
     */
    public static PointSeries thinned(String label, double[] x, double[] y, Bounds xRange, Bounds yRange, boolean logX) {
        double x0 = logX ? Math.log10(xRange.lo()) : xRange.lo();
        double x1 = logX ? Math.log10(xRange.hi()) : xRange.hi();
        Set<Long> cells = new HashSet<>();
        double[] kx = new double[x.length];
        double[] ky = new double[x.length];
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            double u = logX ? Math.log10(x[i]) : x[i];
            long cx = (long) Math.floor((u - x0) / (x1 - x0) * GRID);
            long cy = (long) Math.floor((y[i] - yRange.lo()) / (yRange.hi() - yRange.lo()) * GRID);
            boolean inside = Double.isFinite(u) && Double.isFinite(y[i]) && cx >= 0 && cx <= GRID && cy >= 0 && cy <= GRID;
            if (inside && cells.add(cx * (GRID + 1) + cy)) {
                kx[kept] = x[i];
                ky[kept] = y[i];
                kept++;
            }
        }
        return new PointSeries(label, Arrays.copyOf(kx, kept), Arrays.copyOf(ky, kept));
    }
}
