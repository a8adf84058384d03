package org.ndsw.figure;

import java.util.Objects;

/** Bars over equal or unequal bins: {@code counts[i]} models fell in [edges[i], edges[i+1]). */
public record HistogramSeries(String label, double[] edges, double[] counts) implements Series {
    /** Validates and copies the arrays. */
    public HistogramSeries {
        Objects.requireNonNull(label, "label");
        if (counts.length == 0 || edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram needs k > 0 counts and k + 1 edges, got "
                    + counts.length + " and " + edges.length);
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }

    @Override
    public int size() {
        return counts.length;
    }

    /**
     * Counts values into {@code bins} equal-width bins over {@code range}; values outside the range (or NaN) are
     * ignored, the upper edge belongs to the last bin.
     */
    public static HistogramSeries of(String label, double[] values, int bins, Bounds range) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        double width = (range.hi() - range.lo()) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = range.lo() + i * width;
        }
        double[] counts = new double[bins];
        for (double v : values) {
            if (v >= range.lo() && v <= range.hi()) {
                counts[Math.min(bins - 1, (int) ((v - range.lo()) / width))]++;
            }
        }
        return new HistogramSeries(label, edges, counts);
    }
}
