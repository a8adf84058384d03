package org.ndsw.stats;

import java.util.Arrays;
import org.ndsw.NdswException;

/**
 * Counts of values in equal-width bins, as numpy.histogram(values, bins) builds them: bins span [min, max], each is
 * half-open [a, b) except the last, which includes max.
 *
 * @param edges the bins + 1 edges, ascending
 * @param counts the number of values in each bin
 */
public record Histogram(double[] edges, long[] counts) {
    /** Copies the arrays and checks there is one more edge than counts. */
    public Histogram {
        edges = edges.clone();
        counts = counts.clone();
        if (edges.length != counts.length + 1) {
            throw new NdswException("a histogram needs one more edge than counts, got "
                    + edges.length + " edges and " + counts.length + " counts");
        }
    }

    /** Builds the histogram of values in the given number of equal-width bins over [min, max]. */
    public static Histogram of(double[] values, int bins) {
        double[] v = Checks.finiteCopy("values", values);
        Checks.atLeast("bins", bins, 1);
        double lo = Arrays.stream(v).min().orElseThrow();
        double hi = Arrays.stream(v).max().orElseThrow();
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = ComplexityBins.edges(new ComplexityWindow(lo, hi), bins);
        long[] counts = new long[bins];
        for (double x : v) {
            counts[ComplexityBins.index(x, edges)]++;
        }
        return new Histogram(edges, counts);
    }

    /** Returns a copy of the edges. */
    @Override
    public double[] edges() {
        return edges.clone();
    }

    /** Returns a copy of the counts. */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram other && Arrays.equals(edges, other.edges) && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[bins=" + counts.length + ", range=[" + edges[0] + ", " + edges[edges.length - 1] + "]]";
    }
}
