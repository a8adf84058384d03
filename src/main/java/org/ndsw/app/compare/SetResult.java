package org.ndsw.app.compare;

import org.ndsw.stats.DkwBand;
import org.ndsw.stats.WeightedEdf;

/**
 * One compared set after filtering.
 *
 * @param label the set's label
 * @param source where it came from
 * @param total models read (records with a NaN error are not models: see {@code skipped})
 * @param skipped records left out because their error was NaN
 * @param edf the EDF of the kept models: plain (weights 1/n) or normalized (eq. 3-4)
 * @param keptErrors errors of the kept models in file order (what the KS test compares)
 * @param keptParams params of the kept models in M (NaN where unknown), file order
 * @param keptFlops flops of the kept models in B (NaN where unknown), file order
 * @param binCounts kept models per complexity bin, or null when not normalized
 * @param min smallest kept error
 * @param mean mean of the kept errors, unweighted (numpy.mean)
 * @param median median of the kept errors, unweighted (numpy.median)
 * @param area EDF area up to ε of {@code edf} (weighted when normalized)
 */
public record SetResult(String label, String source, int total, int skipped, WeightedEdf edf, double[] keptErrors,
                        double[] keptParams, double[] keptFlops, int[] binCounts, double min, double mean,
                        double median, double area) {
    /** Copies the arrays. */
    public SetResult {
        keptErrors = keptErrors.clone();
        keptParams = keptParams.clone();
        keptFlops = keptFlops.clone();
        binCounts = binCounts == null ? null : binCounts.clone();
    }

    /** Confidence level of {@link #dkwEpsilon()}: a 95% band. */
    public static final double DKW_ALPHA = 0.05;

    /**
     * Half-width of the 95% Dvoretzky-Kiefer-Wolfowitz band of this set's EDF: with 95% confidence the true curve lies
     * within ± this value everywhere (effective sample size for normalized EDFs). Shows how certain a curve is at its n.
     */
    public double dkwEpsilon() {
        return DkwBand.of(edf, DKW_ALPHA).epsilon();
    }

    /** Number of kept models. */
    public int n() {
        return keptErrors.length;
    }

    @Override
    public double[] keptErrors() {
        return keptErrors.clone();
    }

    @Override
    public double[] keptParams() {
        return keptParams.clone();
    }

    @Override
    public double[] keptFlops() {
        return keptFlops.clone();
    }

    @Override
    public int[] binCounts() {
        return binCounts == null ? null : binCounts.clone();
    }

    /** The cumulative weight after each kept model in error order; the last is exactly 1 (weights sum to 1). */
    public double[] cumulative() {
        double[] c = edf.cumulative();
        c[c.length - 1] = 1.0;
        return c;
    }
}
