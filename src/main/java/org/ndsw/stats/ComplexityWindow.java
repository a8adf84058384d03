package org.ndsw.stats;

import java.util.List;
import org.ndsw.NdswException;

/**
 * A complexity window with strict bounds: a model is kept when lo &lt; c &lt; hi (paper eq. 3-4, docs/reference/analysis.md).
 *
 * <p>Units are the caller's; the paper's windows are in millions of params or billions of flops, e.g.
 * (0.02, 0.856) M params for Fig. 3.
 *
 * @param lo the exclusive lower bound c_min
 * @param hi the exclusive upper bound c_max
 */
public record ComplexityWindow(double lo, double hi) {
    /** Checks that both bounds are finite and lo &lt; hi. */
    public ComplexityWindow {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new NdswException("complexity window needs finite bounds with lo < hi, got (" + lo + ", " + hi + ")");
        }
    }

    /** Returns whether lo &lt; c &lt; hi. */
    public boolean contains(double c) {
        return lo < c && c < hi;
    }

    /** Returns the window's width hi − lo. */
    public double width() {
        return hi - lo;
    }

    /** Returns c_min = the largest of the compared sets' minimum complexities (docs/reference/analysis.md). */
    public static double commonMin(List<double[]> complexities) {
        if (complexities == null || complexities.isEmpty()) {
            throw new NdswException("commonMin needs at least one set of complexities");
        }
        double cMin = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < complexities.size(); s++) {
            double[] c = Checks.finiteCopy("complexities of set " + s, complexities.get(s));
            double setMin = Double.POSITIVE_INFINITY;
            for (double v : c) {
                setMin = Math.min(setMin, v);
            }
            cMin = Math.max(cMin, setMin);
        }
        return cMin;
    }

    /** Returns c_min = the largest of the compared sets' minimum complexities (docs/reference/analysis.md). */
    public static double commonMin(double[]... complexities) {
        return commonMin(List.of(complexities));
    }

    /** Returns the window (c_min, hi) with c_min from {@link #commonMin(List)}. */
    public static ComplexityWindow common(double hi, List<double[]> complexities) {
        return new ComplexityWindow(commonMin(complexities), hi);
    }
}
