package org.ndsw.stats;

/** Stable ascending order of a double array (ties keep input order), like numpy's {@code argsort(kind="stable")}. */
final class StableOrder {
    private StableOrder() {}

    /** Returns the indices that sort {@code values} ascending; equal values keep their input order. */
    static int[] of(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                merge(values, order, buffer, lo, lo + width, Math.min(lo + 2 * width, n));
            }
        }
        return order;
    }

    /** Merges the sorted runs [lo, mid) and [mid, hi) of {@code order}, taking from the left run on ties. */
    private static void merge(double[] values, int[] order, int[] buffer, int lo, int mid, int hi) {
        if (values[order[mid - 1]] <= values[order[mid]]) {
            return;
        }
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && values[buffer[i]] <= values[buffer[j]])) {
                order[k] = buffer[i++];
            } else {
                order[k] = buffer[j++];
            }
        }
    }

    /** Returns {@code values[order[i]]} for every i. */
    static double[] gather(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }
}
