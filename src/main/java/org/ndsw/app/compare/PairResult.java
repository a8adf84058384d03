package org.ndsw.app.compare;

import java.util.Locale;
import org.ndsw.stats.KsResult;

/**
 * The KS comparison of two sets.
 *
 * @param a label of the first set
 * @param b label of the second set
 * @param ks scipy.stats.ks_2samp on the kept errors of both sets
 * @param normalizedD sup |F̂_a − F̂_b| between the normalized EDFs, or NaN when not normalizing
 */
public record PairResult(String a, String b, KsResult ks, double normalizedD) {
    /** The p-value for tables: three significant digits, or "< 1e-300" when it underflows to 0. */
    public String pValueText() {
        return ks.p() == 0 ? "< 1e-300" : String.format(Locale.ROOT, "%.3g", ks.p());
    }
}
