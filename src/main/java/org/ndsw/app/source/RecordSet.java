package org.ndsw.app.source;

import java.util.Objects;

/**
 * The models of one source: error (%) and raw params / flops counts per model (NaN where the source has none), in file
 * order. Records whose error is NaN (diverged runs, as Python writes them) are not models here; {@code skipped}
 * counts them.
 *
 * @param label the source's label
 * @param source where it came from, as given (path and group)
 * @param error top-1 error in percent
 * @param params raw parameter counts
 * @param flops raw flop counts
 * @param skipped records left out because their error was NaN
 */
public record RecordSet(String label, String source, double[] error, double[] params, double[] flops, int skipped) {
    /** Validates lengths and copies the arrays. */
    public RecordSet {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        if (error.length != params.length || error.length != flops.length) {
            throw new IllegalArgumentException("columns differ in length");
        }
        error = error.clone();
        params = params.clone();
        flops = flops.clone();
    }

    /** Number of models. */
    public int size() {
        return error.length;
    }

    @Override
    public double[] error() {
        return error.clone();
    }

    @Override
    public double[] params() {
        return params.clone();
    }

    @Override
    public double[] flops() {
        return flops.clone();
    }

    /** The given complexity of every model in the paper's unit (M params or B flops); NaN where unknown. */
    public double[] complexity(Complexity c) {
        double[] raw = c == Complexity.PARAMS ? params : flops;
        double[] scaled = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            scaled[i] = c.toPaperUnit(raw[i]);
        }
        return scaled;
    }
}
