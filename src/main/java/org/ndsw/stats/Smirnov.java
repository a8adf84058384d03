package org.ndsw.stats;

/**
 * The one-sided Kolmogorov-Smirnov (Smirnov) survival function P(D⁺_n &gt;= x), computed as scipy.special.smirnov
 * computes it (scipy 1.10, cephes/kolmogorov.c).
 *
 * <p>Smirnov/Birnbaum-Tingey sum: P = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v), or, when
 * few terms remain and x is small, the complementary "upper" sum; terms are formed with a double-double mantissa and
 * a separate exponent so that neither rounding nor the double range limits the result (van Mulbregt 2018,
 * arXiv:1802.06966). Only the survival function is needed here, so the derivative scipy carries along is omitted.
 * A Java re-implementation of scipy's code (BSD-3-Clause, SciPy Developers); see docs/stats.md.
 */
final class Smirnov {
    /** Beyond this n scipy switches to an approximation. */
    private static final int MAX_COMPUTE_N = 1_000_000;
    /** The upper sum is used only with at most this many terms... */
    private static final int UPPER_MAX_TERMS = 3;
    /** ...and n at least this. */
    private static final int UPPER_MIN_N = 10;
    /** cephes MINLOG = log(2^-1075): below exp of this the survival function underflows. */
    private static final double MIN_LOG = -7.451332191019412076235E2;
    /** Keeps both parts of a double-double normal while powering (scipy's _MAX_EXPONENT). */
    private static final int MAX_EXPONENT = 960;
    private static final double LN2 = Math.log(2);
    /** DBL_EPSILON, 2^-52. */
    private static final double EPSILON = Math.ulp(1.0);

    private Smirnov() {}

    /** Returns P(D⁺_n &gt;= x), the survival function of the one-sided KS statistic. */
    static double sf(int n, double x) {
        if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
            return Double.NaN;
        }
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        DoubleDouble nx = DoubleDouble.product(n, x);
        DoubleDouble nxFloorD = nx.floor();
        double alpha = nx.minus(nxFloorD).hi();
        int nxFloor = (int) nxFloorD.hi();
        if (alpha == 1) {
            nxFloor += 1;
            alpha = 0;
        }
        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0)) {
            double t = pow(DoubleDouble.sum(1, x), n - 1).value();
            return clip(1 - x * t);
        }
        if (-2 * n * x * x < MIN_LOG) {
            return 0;
        }
        if (nxFloor >= n - 1) {
            return clip(pow(DoubleDouble.sum(1, -x), n).value());
        }
        if (n > MAX_COMPUTE_N) {
            return approximateSf(n, x);
        }
        int lowerLast = n - nxFloor - (alpha == 0 ? 0 : 1);
        int upperFirst = n - nxFloor;
        if (alpha == 0) {
            lowerLast -= 1;
            upperFirst += 1;
        }
        int upperTerms = n - upperFirst + 1;
        boolean useUpper = (upperTerms <= 1 && x < 0.5)
                || (n >= UPPER_MIN_N && upperTerms <= UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));
        return useUpper ? clip(1 - sum(n, x, nxFloor, alpha, true, upperTerms))
                : clip(sum(n, x, nxFloor, alpha, false, lowerLast + 1));
    }

    /**
     * Returns x·Σ A_v over the lower (v = 0, 1, ...) or upper (v = n, n−1, ...) terms, with scipy's stopping rules: stop
     * after a term below DBL_EPSILON·sum/(4·terms left), or at a zero term past v = n/2.
     *
     * <p>Long lower sums are screened (see {@link Screen}): a term whose magnitude, estimated in plain double logs, is
     * below e^-36 of the largest term is not formed exactly; it is added as its estimate, and scipy's stopping rule is
     * applied to the estimate whenever that decides it with a wide margin. The estimates' errors move the sum by less
     * than 1e-20 of its value, so the result is scipy's to double precision, at a fraction of the cost.
     */
    private static double sum(int n, double x, int nxFloor, double alpha, boolean upper, int terms) {
        DoubleDouble first = upper ? pow(DoubleDouble.sum(1, x), n - 1)
                : pow(DoubleDouble.sum(1, -x), n).dividedBy(new DoubleDouble(x, 0));
        DoubleDouble total = DoubleDouble.ZERO.plus(first);
        double screened = 0;
        Screen screen = upper || terms < Screen.MIN_TERMS ? null : new Screen(n, x, terms);
        SmirnovTerms exact = new SmirnovTerms(n, x);
        int middle = n / 2;
        for (int j = 1; j < terms; j++) {
            int v = upper ? n - j : j;
            int decision = screen == null ? Screen.EXACT
                    : screen.decide(j, terms, middle, total.value() + screened);
            if (decision == Screen.STOP) {
                break;
            }
            if (decision == Screen.NEGLIGIBLE) {
                screened += Math.exp(screen.logTerm(j));
            } else if (decision == Screen.EXACT) {
                DoubleDouble term = exact.term(v);
                if (term.isFinite() && !term.isZero()) {
                    total = total.plus(term);
                }
                if (!term.isZero()) {
                    double partial = total.value() + screened;
                    if (4.0 * (terms - j) * Math.abs(term.value()) < EPSILON * partial && j != terms - 1) {
                        break;
                    }
                } else if (j > middle) {
                    break;
                }
            }
            exact.advance(j);
        }
        return DoubleDouble.product(x, 1).times(total.plus(screened)).value();
    }

    /**
     * Decides, from a term's log-magnitude estimate, whether scipy's sum needs it formed exactly. The estimate
     * log C(n,v) + (v−1)·log(x + v/n) + (n−v)·log(1 − x − v/n) is accurate to ~1e-11 in the log (rounding of n
     * logs, each ~1e-16; plain log rather than log1p, which Java 17 computes natively and slowly), far inside the
     * margins used here.
     */
    private static final class Screen {
        static final int MIN_TERMS = 64;
        static final int EXACT = 0;
        static final int NEGLIGIBLE = 1;
        static final int ZERO = 2;
        static final int STOP = 3;
        /**
         * Terms below e^-36 (about DBL_EPSILON) of the largest are added as their estimate: its ~1e-11 relative error
         * times e^-36 leaves even 10^6 such terms 1e-21 below the sum, far under its last bit.
         */
        private static final double NEGLIGIBLE_LOG = 36;
        /** Relative margin on scipy's stopping test within which the term is formed exactly. */
        private static final double MARGIN = 1e-6;
        /** Below log(2^-1075) scipy's term rounds to zero; above log(2^-1074) it does not. */
        private static final double ZERO_BELOW = -745.2;
        private static final double NONZERO_ABOVE = -744.4;

        /** Estimated log of term v = j, for j = 1 .. terms−1. */
        private final double[] logTerms;
        /** Terms with a log below this (the largest log term − 36) are added as their estimate. */
        private final double threshold;

        /** Estimates the logs of terms 1 .. terms−1 and finds the largest. */
        Screen(int n, double x, int terms) {
            logTerms = new double[terms];
            double logBinomial = Math.log(n);
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 1; v < terms; v++) {
                logTerms[v] = logBinomial + (v - 1) * Math.log(x + (double) v / n)
                        + (n - v) * Math.log(1 - x - (double) v / n);
                max = Math.max(max, logTerms[v]);
                logBinomial += Math.log((n - v) / (v + 1.0));
            }
            threshold = max - NEGLIGIBLE_LOG;
        }

        /** Returns the estimated log of term j. */
        double logTerm(int j) {
            return logTerms[j];
        }

        /** Returns what scipy's loop does with term j, given its current partial sum. */
        int decide(int j, int terms, int middle, double partial) {
            double est = logTerms[j];
            if (est < ZERO_BELOW) {
                return j > middle ? STOP : ZERO;
            }
            if (est >= threshold || est <= NONZERO_ABOVE) {
                return EXACT;
            }
            if (j == terms - 1) {
                return NEGLIGIBLE;
            }
            double lhs = 4.0 * (terms - j) * Math.exp(est);
            double rhs = EPSILON * partial;
            if (lhs < rhs * (1 - MARGIN)) {
                return STOP;
            }
            return lhs > rhs * (1 + MARGIN) ? NEGLIGIBLE : EXACT;
        }
    }

    /** Returns a^m for a double-double a, from pow(a.hi, m) corrected for a.lo (scipy's pow_D). */
    static DoubleDouble pow(DoubleDouble a, int m) {
        if (m <= 0) {
            return m == 0 ? DoubleDouble.ONE : pow(a, -m).reciprocal();
        }
        if (a.isZero()) {
            return DoubleDouble.ZERO;
        }
        double ans = Math.pow(a.hi(), m);
        double r = a.lo() / a.hi();
        double adj = m * r;
        if (Math.abs(adj) > 1e-8) {
            if (Math.abs(adj) < 1e-4) {
                adj += (m * r) * ((m - 1) / 2.0 * r);
            } else {
                adj = Math.expm1(m * Math.log1p(r));
            }
        }
        return DoubleDouble.sum(ans, ans * adj);
    }

    /** Returns a^m as mantissa·2^exponent, splitting the power so no intermediate underflows (pow2Scaled_D). */
    static DoubleDouble.Scaled powScaled(DoubleDouble a, int m) {
        if (m <= 0) {
            if (m == 0) {
                return new DoubleDouble.Scaled(DoubleDouble.ONE, 0);
            }
            DoubleDouble.Scaled inv = powScaled(a, -m);
            DoubleDouble.Scaled r = inv.mantissa().reciprocal().frexp();
            return new DoubleDouble.Scaled(r.mantissa(), -inv.exponent() + r.exponent());
        }
        DoubleDouble.Scaled ys = a.frexp();
        DoubleDouble y = ys.mantissa();
        if (m == 1) {
            return ys;
        }
        int maxExpt = splitExponent(y.hi(), m);
        if (m <= maxExpt) {
            DoubleDouble.Scaled r = pow(y, m).frexp();
            return new DoubleDouble.Scaled(r.mantissa(), r.exponent() + m * ys.exponent());
        }
        int q = m / maxExpt;
        int rem = m % maxExpt;
        DoubleDouble.Scaled y2r = powScaled(y, rem);
        DoubleDouble.Scaled y2m = powScaled(y, maxExpt);
        DoubleDouble.Scaled y2mq = powScaled(y2m.mantissa(), q);
        DoubleDouble.Scaled ans = y2r.mantissa().times(y2mq.mantissa()).frexp();
        int exponent = ans.exponent() + y2mq.exponent() + y2m.exponent() * q + y2r.exponent() + m * ys.exponent();
        return new DoubleDouble.Scaled(ans.mantissa(), exponent);
    }

    /** Returns the largest power y^k computed in one piece: 960, or less when y^m would fall below 2^-960. */
    static int splitExponent(double yHi, int m) {
        int maxExpt = MAX_EXPONENT;
        if (m * (yHi - 1) / yHi < -MAX_EXPONENT * LN2) {
            double lg2y = Math.log(yHi) / LN2;
            if (m * lg2y <= -MAX_EXPONENT) {
                maxExpt = (int) (nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
            }
        }
        return maxExpt;
    }

    /** scipy's nextPowerOf2 helper, kept literally: x rounded up by one ulp, as an integer when it is one. */
    private static double nextPowerOf2(double x) {
        double q = Math.scalb(x, 1 - 53);
        double l = Math.abs(q + x);
        if (l == 0) {
            return Math.abs(x);
        }
        int li = (int) l;
        return li == l ? li : l;
    }

    /** The approximation scipy uses above {@link #MAX_COMPUTE_N}: p ≈ exp(−(6nx + 1)² / 18n). */
    private static double approximateSf(int n, double x) {
        double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
        return logp < -LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
    }

    private static double clip(double p) {
        return p < 0 ? 0 : Math.min(p, 1);
    }
}
