package org.ndsw.app.compare;

import org.ndsw.NdswException;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;

/**
 * What a comparison computes.
 *
 * @param error which error of each record to compare
 * @param normalize the complexity to normalize by (eq. 3-4), or null for plain EDFs (eq. 1)
 * @param bins k, the number of complexity bins when normalizing
 * @param range the complexity window in the paper's units (M params / B flops), or null for the default window:
 *     c_min = the largest of the sets' minimum complexities, c_max = the paper's CIFAR value (docs/reference/analysis.md)
 * @param binPolicy what to do with an empty bin
 * @param areaEps ε of the EDF area, in % error
 * @param randomSearchPower P for random-search curves m = 2^0 .. 2^P, or -1 for none
 * @param seed seed of the random-search draws
 */
public record CompareOptions(ErrorMetric error, Complexity normalize, int bins, ComplexityWindow range,
                             BinPolicy binPolicy, double areaEps, int randomSearchPower, long seed) {
    /**
     * Default ε of the EDF area: 10% error. Neither the paper nor the notebooks fix ε; 10% keeps the CIFAR models of
     * interest (the paper's good models are under 8%) and gives 0 to anything worse. Use another ε for ImageNet.
     */
    public static final double DEFAULT_AREA_EPS = 10.0;
    /** Default k: the paper's NAS figures use 20 (Fig. 3 uses 40, Fig. 6 uses 10). */
    public static final int DEFAULT_BINS = 20;
    /** Largest random-search power: 2^20 models per trial is past any sweep's size. */
    public static final int MAX_RANDOM_SEARCH_POWER = 20;

    /** Validates the options. */
    public CompareOptions {
        if (error == null || binPolicy == null) {
            throw new NdswException("compare options need an error metric and a bin policy");
        }
        if (bins < 1 || bins > 10_000) {
            throw new NdswException("--bins must be between 1 and 10000, got " + bins);
        }
        if (range != null && normalize == null) {
            throw new NdswException("--range is a complexity window: it needs --normalize params or flops");
        }
        if (range != null && !(range.lo() >= 0)) {
            throw new NdswException("--range lower bound must be >= 0, got " + range.lo());
        }
        if (!(areaEps > 0) || !Double.isFinite(areaEps)) {
            throw new NdswException("--area-eps must be a positive number of percent, got " + areaEps);
        }
        if (randomSearchPower < -1 || randomSearchPower > MAX_RANDOM_SEARCH_POWER) {
            throw new NdswException("--random-search P must be between 0 and " + MAX_RANDOM_SEARCH_POWER
                    + ", got " + randomSearchPower);
        }
    }

    /** Plain EDFs of the best-epoch error with default settings. */
    public static CompareOptions defaults() {
        return new CompareOptions(ErrorMetric.BEST, null, DEFAULT_BINS, null, BinPolicy.STRICT, DEFAULT_AREA_EPS, -1, 0);
    }
}
