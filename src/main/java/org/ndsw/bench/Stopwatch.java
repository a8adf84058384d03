package org.ndsw.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The one timing helper of the benchmarks: seconds since a start and the median of repeated measurements. Every
 * benchmark reports medians through {@link #median(double[])}, so they all agree on what a median is (the mean of the
 * middle two for an even count).
 */
public final class Stopwatch {
    private Stopwatch() {}

    /** Seconds since {@code startNanos}, a {@link System#nanoTime()} reading. */
    public static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The median of the values (mean of the middle two for an even count); the array is not changed.
     *
     * @throws IllegalArgumentException when there are no values
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no measurements is undefined");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** The median of the values, as {@link #median(double[])}. */
    public static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
