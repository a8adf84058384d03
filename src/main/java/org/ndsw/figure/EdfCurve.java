package org.ndsw.figure;

import java.util.Arrays;
import java.util.Objects;

/**
 * Input of an EDF overlay: one set's kept errors in ascending order, the cumulative weight after each (k/n for a plain
 * EDF, the normalized weights of eq. 3-4 otherwise) and its KS D against the overlay's reference set (NaN for none).
 */
public record EdfCurve(String label, double[] sortedErrors, double[] cumulative, double ksD) {
    /** Validates and copies the arrays. */
    public EdfCurve {
        Objects.requireNonNull(label, "label");
        if (sortedErrors.length == 0 || sortedErrors.length != cumulative.length) {
            throw new IllegalArgumentException("EDF of " + label + " needs matching non-empty errors and weights");
        }
        sortedErrors = sortedErrors.clone();
        cumulative = cumulative.clone();
    }

    /** A plain EDF (eq. 1) of unsorted errors: each model weighs 1/n. */
    public static EdfCurve plain(String label, double[] errors, double ksD) {
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        double[] cum = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            cum[i] = (i + 1.0) / sorted.length;
        }
        return new EdfCurve(label, sorted, cum, ksD);
    }

    @Override
    public double[] sortedErrors() {
        return sortedErrors.clone();
    }

    @Override
    public double[] cumulative() {
        return cumulative.clone();
    }

    /** Number of models in the curve. */
    public int n() {
        return sortedErrors.length;
    }

    /** Smallest error. */
    public double min() {
        return sortedErrors[0];
    }

    /** Largest error. */
    public double max() {
        return sortedErrors[sortedErrors.length - 1];
    }
}
