package org.ndsw.stats;

/**
 * The outcome of a two-sample Kolmogorov-Smirnov test.
 *
 * @param d the statistic D = sup |F1 − F2|
 * @param p the two-sided p-value (approximate for {@link #NEFF_ASYMPTOTIC})
 * @param method how p was computed: {@link #EXACT}, {@link #ASYMPTOTIC} (scipy's names) or {@link #NEFF_ASYMPTOTIC}
 */
public record KsResult(double d, double p, String method) {
    /** Exact null distribution (scipy method "exact"). */
    public static final String EXACT = "exact";
    /** Asymptotic Kolmogorov distribution at n = round(m·n/(m + n)) (scipy method "asymp"). */
    public static final String ASYMPTOTIC = "asymp";
    /** Weighted EDFs: the asymptotic formula at the effective sample sizes; an approximation, not scipy's. */
    public static final String NEFF_ASYMPTOTIC = "neff-asymp";
}
