package org.ndsw.train.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ndsw.NdswException;

/** Deterministic stratified subsets: each class keeps its share of the images, chosen by a seeded shuffle. */
public final class Subsets {
    private Subsets() {}

    /**
     * A subset of n images with class proportions kept (largest remainder, ties to the lower class index), each class's
     * images picked by a seeded shuffle and the result in original order.
     */
    public static ImageSet stratified(ImageSet set, int n, long seed, String option) {
        return set.select(indices(set.labels(), set.classes().size(), n, seed, option));
    }

    /**
     * The indices, ascending, of the images {@link #stratified} keeps, from the labels alone: readers of image folders
     * use it to decode only the chosen files.
     *
     * @param labels class index of each image
     * @param classes number of classes
     * @param n images to keep
     * @param seed the subset seed
     * @param option how messages name the size, e.g. "--train-subset"
     */
    public static int[] indices(int[] labels, int classes, int n, long seed, String option) {
        if (n < 1 || n > labels.length) {
            throw new NdswException(String.format(Locale.ROOT, "%s must be between 1 and the %,d images of the set, got %,d",
                    option, labels.length, n));
        }
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        int[] quota = quotas(counts, n);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> chosen = new ArrayList<>(n);
        for (int c = 0; c < quota.length; c++) {
            int[] members = membersOf(labels, c);
            shuffle(members, rng.split());
            for (int i = 0; i < quota[c]; i++) {
                chosen.add(members[i]);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Per-class counts summing to n, proportional to the class sizes (largest remainder method). */
    static int[] quotas(int[] counts, int n) {
        long total = Arrays.stream(counts).asLongStream().sum();
        int[] q = new int[counts.length];
        double[] rest = new double[counts.length];
        int assigned = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) counts[c] * n / total;
            q[c] = (int) Math.floor(exact);
            rest[c] = exact - q[c];
            assigned += q[c];
        }
        for (; assigned < n; assigned++) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (q[c] < counts[c] && (best < 0 || rest[c] > rest[best])) {
                    best = c;
                }
            }
            q[best]++;
            rest[best] = -1;
        }
        return q;
    }

    private static int[] membersOf(int[] labels, int c) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
