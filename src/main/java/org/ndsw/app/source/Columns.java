package org.ndsw.app.source;

import java.util.Arrays;

/** Growable columns of error, params and flops that a reader fills one model at a time. */
final class Columns {
    private double[] error = new double[1024];
    private double[] params = new double[1024];
    private double[] flops = new double[1024];
    private int size;
    private int skipped;

    /** Adds a model, or counts it as skipped when its error is NaN. */
    void add(double e, double p, double f) {
        if (Double.isNaN(e)) {
            skipped++;
            return;
        }
        if (size == error.length) {
            error = Arrays.copyOf(error, size * 2);
            params = Arrays.copyOf(params, size * 2);
            flops = Arrays.copyOf(flops, size * 2);
        }
        error[size] = e;
        params[size] = p;
        flops[size] = f;
        size++;
    }

    RecordSet toRecordSet(String label, String source) {
        return new RecordSet(label, source, Arrays.copyOf(error, size), Arrays.copyOf(params, size),
                Arrays.copyOf(flops, size), skipped);
    }
}
