package org.ndsw.stats;

import org.ndsw.NdswException;

/** The area under an EDF up to an error ε, a one-number summary of a whole error distribution (docs/reference/analysis.md#edf-area). */
public final class EdfArea {
    private EdfArea() {}

    /** Returns ∫_0^ε F̂(e) de / ε = 1 − Σ w_i·min(1, e_i/ε), the normalized area under F̂ up to ε. */
    public static double upTo(WeightedEdf edf, double eps) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new NdswException("EDF area needs a finite ε > 0, got " + eps);
        }
        double sum = 0;
        for (int i = 0; i < edf.n(); i++) {
            sum += edf.weight(i) * Math.min(1, edf.error(i) / eps);
        }
        // Weights sum to 1 only up to rounding: with every error beyond ε the sum can exceed 1 by an ulp, and an area
        // of -1e-16 would print as -0.0000.
        return Math.max(0, 1 - sum);
    }

    /** Returns the area of a plain EDF up to ε (every weight 1/n). */
    public static double upTo(Edf edf, double eps) {
        return upTo(edf.weighted(), eps);
    }
}
