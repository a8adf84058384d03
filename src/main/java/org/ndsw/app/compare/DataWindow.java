package org.ndsw.app.compare;

import java.util.List;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.RecordSet;
import org.ndsw.stats.ComplexityBins;
import org.ndsw.stats.ComplexityWindow;

/**
 * A complexity window and bin count chosen from the data, for sets the paper's window (c_max = the CIFAR value) does
 * not fit: c_min is the largest of the sets' smallest complexities (the paper's rule), c_max the smallest of their
 * largest (nudged up so that model is kept, the bounds being strict), and k the largest count up to the one asked for
 * that leaves no bin of any set empty.
 *
 * @param window the fitted window
 * @param bins the fitted k
 */
public record DataWindow(ComplexityWindow window, int bins) {
    /** Fits the window and k to `sets`; null when the sets share no complexity range. */
    public static DataWindow fit(List<RecordSet> sets, Complexity c, int maxBins) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (RecordSet s : sets) {
            double setMin = Double.POSITIVE_INFINITY;
            double setMax = Double.NEGATIVE_INFINITY;
            for (double v : s.complexity(c)) {
                setMin = Math.min(setMin, v);
                setMax = Math.max(setMax, v);
            }
            lo = Math.max(lo, setMin);
            hi = Math.min(hi, setMax);
        }
        hi = Math.nextUp(hi);
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return null;
        }
        ComplexityWindow window = new ComplexityWindow(lo, hi);
        for (int k = maxBins; k > 1; k--) {
            if (emptyBins(sets, c, window, k) == 0) {
                return new DataWindow(window, k);
            }
        }
        return new DataWindow(window, 1);
    }

    /** The number of (set, bin) pairs with no model in `window` cut into k bins: 0 when normalization can run. */
    public static int emptyBins(List<RecordSet> sets, Complexity c, ComplexityWindow window, int k) {
        double[] edges = ComplexityBins.edges(window, k);
        int empty = 0;
        for (RecordSet s : sets) {
            int[] counts = new int[k];
            for (double v : s.complexity(c)) {
                if (window.contains(v)) {
                    counts[ComplexityBins.index(v, edges)]++;
                }
            }
            for (int n : counts) {
                empty += n == 0 ? 1 : 0;
            }
        }
        return empty;
    }
}
