package org.ndsw.stats;

/**
 * Stable ascending order of a double array, like numpy's {@code argsort(kind="stable")}: equal values (including
 * −0.0 and 0.0) keep their input order. An LSD radix sort on the values' order-preserving bit patterns, which is
 * stable by construction and linear in n.
 */
final class StableOrder {
    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int DIGITS = (Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS;

    private StableOrder() {}

    /** Returns the indices that sort the (finite) {@code values} ascending; ties keep their input order. */
    static int[] of(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        int[][] counts = new int[DIGITS][BUCKETS];
        for (int i = 0; i < n; i++) {
            keys[i] = sortableBits(values[i]);
            order[i] = i;
            for (int d = 0; d < DIGITS; d++) {
                counts[d][digit(keys[i], d)]++;
            }
        }
        long[] keyBuffer = new long[n];
        int[] orderBuffer = new int[n];
        for (int d = 0; d < DIGITS; d++) {
            int[] starts = bucketStarts(counts[d], n);
            if (starts == null) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                int slot = starts[digit(keys[i], d)]++;
                keyBuffer[slot] = keys[i];
                orderBuffer[slot] = order[i];
            }
            long[] k = keys;
            keys = keyBuffer;
            keyBuffer = k;
            int[] o = order;
            order = orderBuffer;
            orderBuffer = o;
        }
        return order;
    }

    private static int digit(long key, int d) {
        return (int) (key >>> (d * DIGIT_BITS)) & (BUCKETS - 1);
    }

    /** Returns where each bucket starts, or null when one bucket holds all n keys (the pass would change nothing). */
    private static int[] bucketStarts(int[] counts, int n) {
        int[] starts = new int[BUCKETS];
        int sum = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (counts[b] == n) {
                return null;
            }
            starts[b] = sum;
            sum += counts[b];
        }
        return starts;
    }

    /** Maps a double to a long whose unsigned order is the double's numeric order (−0.0 taken as 0.0). */
    private static long sortableBits(double v) {
        long bits = Double.doubleToLongBits(v + 0.0);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
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
