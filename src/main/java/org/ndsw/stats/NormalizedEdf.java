package org.ndsw.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;

/**
 * A complexity-normalized EDF (paper eq. 3-4, docs/reference/analysis.md): models outside the window are dropped, the window is
 * cut into k equal-width bins and each kept model weighs 1/(k·count of its bin), so every bin carries mass 1/k.
 *
 * <p>Bins follow numpy.histogram: bin j is [lo + j·w, lo + (j+1)·w), w = (hi − lo)/k. With {@link BinPolicy#MERGE}
 * an empty bin's mass goes to its nearest non-empty bin instead (see {@link BinPolicy}), so a non-empty bin carrying
 * mass m·(1/k) gives its models weight m/(k·count).
 *
 * @param edf the normalized EDF of the kept models
 * @param kept the input indices of the kept models, ascending (so {@code kept.length} is n after filtering)
 * @param binCounts the number of kept models in each of the k bins
 * @param window the complexity window
 * @param policy what was done with empty bins
 */
public record NormalizedEdf(WeightedEdf edf, int[] kept, int[] binCounts, ComplexityWindow window, BinPolicy policy) {
    /** How many empty bins an error message lists before summarizing the rest. */
    private static final int LISTED_EMPTY_BINS = 8;

    /** Copies the arrays. */
    public NormalizedEdf {
        kept = kept.clone();
        binCounts = binCounts.clone();
    }

    /** Builds the normalized EDF of eq. 3-4 for errors with the given complexities. */
    public static NormalizedEdf of(double[] errors, double[] complexity, ComplexityWindow window, int bins,
            BinPolicy policy) {
        double[] e = Checks.finiteCopy("errors", errors);
        double[] c = Checks.finiteCopy("complexity", complexity);
        if (e.length != c.length) {
            throw new NdswException("errors and complexity must have the same length, got "
                    + e.length + " and " + c.length);
        }
        Checks.atLeast("bins", bins, 1);
        int[] kept = keptIndices(c, window);
        if (kept.length == 0) {
            throw new NdswException(String.format(Locale.ROOT,
                    "normalized EDF: no model has complexity in (%s, %s)", fmt(window.lo()), fmt(window.hi())));
        }
        double[] edges = ComplexityBins.edges(window, bins);
        int[] binOf = new int[kept.length];
        int[] counts = new int[bins];
        for (int i = 0; i < kept.length; i++) {
            binOf[i] = ComplexityBins.index(c[kept[i]], edges);
            counts[binOf[i]]++;
        }
        double[] shares = binShares(counts, edges, policy);
        double[] keptErrors = new double[kept.length];
        double[] weights = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            keptErrors[i] = e[kept[i]];
            weights[i] = shares[binOf[i]] / ((double) bins * counts[binOf[i]]);
        }
        return new NormalizedEdf(WeightedEdf.of(keptErrors, weights), kept, counts, window, policy);
    }

    /** Returns the number of kept models. */
    public int n() {
        return kept.length;
    }

    /** Returns the number of bins k. */
    public int bins() {
        return binCounts.length;
    }

    /** Returns a copy of the kept input indices, ascending. */
    @Override
    public int[] kept() {
        return kept.clone();
    }

    /** Returns a copy of the per-bin model counts. */
    @Override
    public int[] binCounts() {
        return binCounts.clone();
    }

    /** Returns the bin edges lo + j·(hi − lo)/k, j = 0..k. */
    public double[] binEdges() {
        return ComplexityBins.edges(window, binCounts.length);
    }

    /** Returns the indices with lo &lt; c &lt; hi, ascending. */
    private static int[] keptIndices(double[] c, ComplexityWindow window) {
        int[] kept = new int[c.length];
        int n = 0;
        for (int i = 0; i < c.length; i++) {
            kept[n] = i;
            n += window.contains(c[i]) ? 1 : 0;
        }
        return Arrays.copyOf(kept, n);
    }

    /**
     * Returns how many bins' worth of mass (1/k each) each bin carries: 1 for every bin under STRICT (which forbids
     * empty bins), merged shares under MERGE. A model's weight is share/(k·count), i.e. 1/(k·count) as in the
     * notebooks whenever no bin is empty.
     */
    private static double[] binShares(int[] counts, double[] edges, BinPolicy policy) {
        List<Integer> empty = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] == 0) {
                empty.add(j);
            }
        }
        if (!empty.isEmpty() && policy == BinPolicy.STRICT) {
            throw new NdswException(emptyBinsMessage(empty, edges));
        }
        return mergedShares(counts);
    }

    /** Gives each empty bin's share to the nearest non-empty bin, half to each side on a tie; non-empty bins keep 1. */
    static double[] mergedShares(int[] counts) {
        int k = counts.length;
        double[] shares = new double[k];
        for (int j = 0; j < k; j++) {
            if (counts[j] > 0) {
                shares[j] += 1;
                continue;
            }
            int left = nearestNonEmpty(counts, j, -1);
            int right = nearestNonEmpty(counts, j, +1);
            if (right < 0 || (left >= 0 && j - left < right - j)) {
                shares[left] += 1;
            } else if (left < 0 || right - j < j - left) {
                shares[right] += 1;
            } else {
                shares[left] += 0.5;
                shares[right] += 0.5;
            }
        }
        return shares;
    }

    /** Returns the first non-empty bin from j in direction step, or −1 when there is none. */
    private static int nearestNonEmpty(int[] counts, int j, int step) {
        for (int i = j + step; i >= 0 && i < counts.length; i += step) {
            if (counts[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Names the empty bins, e.g. "2 of 40 complexity bins are empty: [0.0209, 0.0418), ...". */
    private static String emptyBinsMessage(List<Integer> empty, double[] edges) {
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < Math.min(empty.size(), LISTED_EMPTY_BINS); i++) {
            int j = empty.get(i);
            ranges.append(i == 0 ? "" : ", ").append(j == 0 ? "(" : "[")
                    .append(fmt(edges[j])).append(", ").append(fmt(edges[j + 1])).append(')');
        }
        if (empty.size() > LISTED_EMPTY_BINS) {
            ranges.append(", and ").append(empty.size() - LISTED_EMPTY_BINS).append(" more");
        }
        return "normalized EDF: " + empty.size() + " of " + (edges.length - 1) + " complexity bins are empty: "
                + ranges + " — widen the window, use fewer bins, or the merge bin policy (--bins-policy merge)";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedEdf other
                && edf.equals(other.edf)
                && Arrays.equals(kept, other.kept)
                && Arrays.equals(binCounts, other.binCounts)
                && window.equals(other.window)
                && policy == other.policy;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * edf.hashCode() + Arrays.hashCode(kept)) + Arrays.hashCode(binCounts);
    }

    @Override
    public String toString() {
        return "NormalizedEdf[n=" + kept.length + ", bins=" + binCounts.length + ", window=" + window
                + ", policy=" + policy + "]";
    }
}
