package org.ndsw.stats;

import org.ndsw.NdswException;

/**
 * A Dvoretzky-Kiefer-Wolfowitz confidence band around an EDF: with probability at least 1 − α the true distribution
 * lies within ±ε of the EDF everywhere, ε = sqrt(ln(2/α)/(2n)) (Massart's tight constant, 1990). Beyond the paper: it
 * shows how certain a curve is at its sample size.
 *
 * <p>For weighted (normalized) EDFs n is the Kish effective sample size (Σw)²/Σw², an approximation: the bound is
 * proved for equal weights only.
 *
 * @param alpha the miscoverage probability α, in (0, 1)
 * @param effectiveN the sample size the width is computed for
 * @param epsilon the half-width ε
 */
public record DkwBand(double alpha, double effectiveN, double epsilon) {
    /** Returns the band of a weighted EDF, using its effective sample size. */
    public static DkwBand of(WeightedEdf edf, double alpha) {
        return forSize(edf.effectiveSize(), alpha);
    }

    /** Returns the band of a plain EDF of n models. */
    public static DkwBand of(Edf edf, double alpha) {
        return forSize(edf.n(), alpha);
    }

    /** Returns the band for n models: ε = sqrt(ln(2/α)/(2n)). */
    public static DkwBand forSize(double n, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new NdswException("DKW band needs 0 < alpha < 1, got " + alpha);
        }
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new NdswException("DKW band needs a positive sample size, got " + n);
        }
        return new DkwBand(alpha, n, Math.sqrt(Math.log(2 / alpha) / (2 * n)));
    }

    /** Returns the lower edge max(0, F − ε) at EDF value F. */
    public double lower(double f) {
        return Math.max(0, f - epsilon);
    }

    /** Returns the upper edge min(1, F + ε) at EDF value F. */
    public double upper(double f) {
        return Math.min(1, f + epsilon);
    }
}
