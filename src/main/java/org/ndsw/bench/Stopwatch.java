package org.ndsw.bench;

import java.util.Arrays;
import java.util.List;

/** Small timing helpers of the benchmarks: seconds since a start, and medians. */
final class Stopwatch {
    private Stopwatch() {}

    /** Seconds since `startNanos`. */
    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The median of the values (mean of the middle two for an even count). */
    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
