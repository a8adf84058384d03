package org.ndsw.stats;

/** Mean and population standard deviation, computed in two passes. */
final class Moments {
    private Moments() {}

    /** Returns the arithmetic mean. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Returns the population standard deviation sqrt(Σ(v − mean)²/n), numpy's std with ddof = 0. */
    static double populationStd(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
