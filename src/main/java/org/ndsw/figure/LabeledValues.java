package org.ndsw.figure;

import java.util.Objects;

/** Input of a histogram: one set's values (e.g. complexity in M params) under a legend label. */
public record LabeledValues(String label, double[] values) {
    /** Validates and copies the values. */
    public LabeledValues {
        Objects.requireNonNull(label, "label");
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
