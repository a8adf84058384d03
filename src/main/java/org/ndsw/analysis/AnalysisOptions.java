package org.ndsw.analysis;

import org.ndsw.Domains;
import org.ndsw.NdswException;

/**
 * How the good range of each parameter is estimated.
 *
 * @param fraction the share f of the n models in one bootstrap sample: m = max(1, floor(f n)); pycls uses 0.25
 * @param alpha the good range holds the 1 - alpha central mass: quantiles alpha/2, 0.5 and 1 - alpha/2
 * @param bootstrap 0 for the exact law; B &gt; 0 for pycls's Monte-Carlo version with B resamples
 * @param seed the seed of the Monte-Carlo version
 */
public record AnalysisOptions(double fraction, double alpha, int bootstrap, long seed) {
    /** pycls's sample fraction (get_filters' {@code sample=0.25}). */
    public static final double DEFAULT_FRACTION = 0.25;
    /** pycls's alpha of 5%, giving the 2.5/50/97.5 percentiles. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** Resamples of the Monte-Carlo version; each holds one int, and pycls uses 2,500. */
    public static final Domains.IntDomain BOOTSTRAP = new Domains.IntDomain("bootstrap resamples", 0, 1_000_000,
            "0 = exact; pycls uses 2,500");
    /** Most models the Monte-Carlo version draws in all (resamples times m), so that it ends in seconds. */
    public static final long MAX_DRAWS = 1_000_000_000L;
    /** The exact law with pycls's fraction and alpha. */
    public static final AnalysisOptions DEFAULTS = new AnalysisOptions(DEFAULT_FRACTION, DEFAULT_ALPHA, 0, 0);

    /** Validates the fraction (0, 1], alpha (0, 1) and a non-negative number of resamples. */
    public AnalysisOptions {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new NdswException("--fraction must be in (0, 1], got " + fraction);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new NdswException("--alpha must be in (0, 1), got " + alpha);
        }
        BOOTSTRAP.check(bootstrap, "--bootstrap");
    }

    /** True for the Monte-Carlo version. */
    public boolean monteCarlo() {
        return bootstrap > 0;
    }

    /** The three quantile levels alpha/2, 0.5, 1 - alpha/2. */
    public double[] levels() {
        return new double[] {alpha / 2, 0.5, 1 - alpha / 2};
    }
}
