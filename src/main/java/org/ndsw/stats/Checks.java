package org.ndsw.stats;

import org.ndsw.NdswException;

/** Argument checks shared by the statistics, with messages that name the argument and the value at fault. */
final class Checks {
    private Checks() {}

    /** Returns a copy of {@code values} after checking it is non-empty and finite. */
    static double[] finiteCopy(String what, double[] values) {
        if (values == null || values.length == 0) {
            throw new NdswException(what + " must not be empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new NdswException(what + " must be finite, got " + values[i] + " at index " + i);
            }
        }
        return values.clone();
    }

    /** Checks that {@code value} is at least {@code min}. */
    static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new NdswException(what + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** Checks that {@code value} lies in [0, 30], the range of powers of two the analyses accept. */
    static int power(String what, int value) {
        if (value < 0 || value > 30) {
            throw new NdswException(what + " must be between 0 and 30, got " + value);
        }
        return value;
    }
}
