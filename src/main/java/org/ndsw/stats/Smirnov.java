package org.ndsw.stats;

/**
 * The one-sided Kolmogorov-Smirnov (Smirnov) survival function P(D⁺_n &gt;= x), computed as scipy.special.smirnov
 * computes it (scipy 1.10, cephes/kolmogorov.c).
 *
 * <p>Smirnov/Birnbaum-Tingey sum: P = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v), or, when
 * few terms remain and x is small, the complementary "upper" sum; terms are formed with a double-double mantissa and
 * a separate exponent so that neither rounding nor the double range limits the result (van Mulbregt 2018,
 * arXiv:1802.06966). Only the survival function is needed here, so the derivative scipy carries along is omitted.
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

    /** Returns x·Σ A_v over the lower (v = 0, 1, ...) or upper (v = n, n−1, ...) terms, stopping when negligible. */
    private static double sum(int n, double x, int nxFloor, double alpha, boolean upper, int terms) {
        DoubleDouble first = upper ? pow(DoubleDouble.sum(1, x), n - 1)
                : pow(DoubleDouble.sum(1, -x), n).dividedBy(new DoubleDouble(x, 0));
        DoubleDouble total = DoubleDouble.ZERO.plus(first);
        DoubleDouble.Scaled binomial = nextBinomial(new DoubleDouble.Scaled(DoubleDouble.ONE, 0), n, 0);
        int middle = n / 2;
        for (int j = 1; j < terms; j++) {
            int v = upper ? n - j : j;
            DoubleDouble term = term(n, x, v, binomial);
            if (term.isFinite() && !term.isZero()) {
                total = total.plus(term);
            }
            if (!term.isZero()) {
                if (4.0 * (terms - j) * Math.abs(term.value()) < Math.ulp(1.0) * total.value() && j != terms - 1) {
                    break;
                }
            } else if (j > middle) {
                break;
            }
            binomial = nextBinomial(binomial, n, j);
        }
        return DoubleDouble.product(x, 1).times(total).value();
    }

    /** Returns C(n, v)·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v), with C(n, v) given as a scaled mantissa. */
    private static DoubleDouble term(int n, double x, int v, DoubleDouble.Scaled binomial) {
        DoubleDouble.Scaled t2 = powScaled(DoubleDouble.quotient(n - v, n).plus(-x), n - v);
        DoubleDouble.Scaled t1 = powScaled(DoubleDouble.quotient(v, n).plus(x), v - 1);
        DoubleDouble product = t1.mantissa().times(t2.mantissa()).times(binomial.mantissa());
        return product.scalb(binomial.exponent() + t1.exponent() + t2.exponent());
    }

    /** Returns C(n, j+1) from C(n, j), renormalizing the mantissa. */
    private static DoubleDouble.Scaled nextBinomial(DoubleDouble.Scaled c, int n, int j) {
        DoubleDouble.Scaled m = c.mantissa().times(DoubleDouble.quotient(n - j, j + 1.0)).frexp();
        return new DoubleDouble.Scaled(m.mantissa(), c.exponent() + m.exponent());
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
    private static DoubleDouble.Scaled powScaled(DoubleDouble a, int m) {
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
        int maxExpt = MAX_EXPONENT;
        if (m * (y.hi() - 1) / y.hi() < -MAX_EXPONENT * LN2) {
            double lg2y = Math.log(y.hi()) / LN2;
            if (m * lg2y <= -MAX_EXPONENT) {
                maxExpt = (int) (nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
            }
        }
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
