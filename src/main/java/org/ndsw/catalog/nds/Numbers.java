package org.ndsw.catalog.nds;

import java.util.Arrays;

/** A growable list of doubles, reused from record to record. */
final class Numbers {
    private double[] values = new double[1024];
    private int size;

    void clear() {
        size = 0;
    }

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
