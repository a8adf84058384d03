package org.ndsw.stats;

/**
 * The terms A_v = C(n,v)·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v) of the Smirnov sum, evaluated step for step as scipy's
 * cephes/kolmogorov.c does (double-double mantissas with separate binary exponents, powers split so nothing
 * underflows), but on primitive registers so the hot loop of {@link Smirnov} allocates almost nothing.
 *
 * <p>Mutable: one instance per sum, walking v upwards with the binomial coefficient C(n, v); not thread-safe.
 */
final class SmirnovTerms {
    /** Keeps both parts of a double-double normal while powering (scipy's _MAX_EXPONENT). */
    private static final int MAX_EXPONENT = 960;
    private static final double LN2 = Math.log(2);

    private final int n;
    private final double x;
    private double binomialHi = 1;
    private double binomialLo = 0;
    private int binomialExp = 0;
    /** Result registers of the last primitive operation. */
    private double rHi;
    private double rLo;
    private int rExp;

    /** Starts at C(n, 1) = n, the coefficient of the first term after A_0. */
    SmirnovTerms(int n, double x) {
        this.n = n;
        this.x = x;
        advance(0);
    }

    /** Moves the binomial coefficient from C(n, j) to C(n, j + 1), renormalizing its mantissa. */
    void advance(int j) {
        quotient(n - j, j + 1.0);
        multiply(binomialHi, binomialLo, rHi, rLo);
        frexp(rHi, rLo);
        binomialHi = rHi;
        binomialLo = rLo;
        binomialExp += rExp;
    }

    /** Returns A_v, assuming the binomial coefficient is at C(n, v). */
    DoubleDouble term(int v) {
        quotient(n - v, n);
        addDouble(rHi, rLo, -x);
        powScaled(rHi, rLo, n - v);
        double t2Hi = rHi;
        double t2Lo = rLo;
        int t2Exp = rExp;
        quotient(v, n);
        addDouble(rHi, rLo, x);
        powScaled(rHi, rLo, v - 1);
        int exponent = binomialExp + rExp + t2Exp;
        multiply(rHi, rLo, t2Hi, t2Lo);
        multiply(rHi, rLo, binomialHi, binomialLo);
        return new DoubleDouble(DoubleDouble.scalb(rHi, exponent), DoubleDouble.scalb(rLo, exponent));
    }

    /** Sets the registers to a^m as a mantissa and exponent, splitting the power as scipy's pow2Scaled_D does. */
    private void powScaled(double aHi, double aLo, int m) {
        if (m <= 0) {
            scaledFromRecord(Smirnov.powScaled(new DoubleDouble(aHi, aLo), m));
            return;
        }
        frexp(aHi, aLo);
        double yHi = rHi;
        double yLo = rLo;
        int yExp = rExp;
        if (m == 1) {
            return;
        }
        int maxExpt = Smirnov.splitExponent(yHi, m);
        if (m <= maxExpt) {
            pow(yHi, yLo, m);
            frexp(rHi, rLo);
            rExp += m * yExp;
            return;
        }
        int q = m / maxExpt;
        int rem = m % maxExpt;
        powScaled(yHi, yLo, rem);
        double y2rHi = rHi;
        double y2rLo = rLo;
        int y2rExp = rExp;
        powScaled(yHi, yLo, maxExpt);
        int y2mExp = rExp;
        powScaled(rHi, rLo, q);
        int y2mqExp = rExp;
        multiply(y2rHi, y2rLo, rHi, rLo);
        frexp(rHi, rLo);
        rExp += y2mqExp + y2mExp * q + y2rExp + m * yExp;
    }

    /** Sets the registers to a^m for m &gt; 0 (scipy's pow_D); exponent 0. */
    private void pow(double aHi, double aLo, int m) {
        rExp = 0;
        if (aHi == 0) {
            rHi = 0;
            rLo = 0;
            return;
        }
        double ans = Math.pow(aHi, m);
        double r = aLo / aHi;
        double adj = m * r;
        if (Math.abs(adj) > 1e-8) {
            if (Math.abs(adj) < 1e-4) {
                adj += (m * r) * ((m - 1) / 2.0 * r);
            } else {
                adj = Math.expm1(m * Math.log1p(r));
            }
        }
        twoSum(ans, ans * adj);
    }

    private void scaledFromRecord(DoubleDouble.Scaled s) {
        rHi = s.mantissa().hi();
        rLo = s.mantissa().lo();
        rExp = s.exponent();
    }

    /** Sets the registers to (hi, lo)·2^-e with 0.5 &lt;= |hi| &lt; 1 (or 1 with lo of the other sign), e in rExp. */
    private void frexp(double hi, double lo) {
        if (hi == 0 || !Double.isFinite(hi)) {
            rHi = hi;
            rLo = lo;
            rExp = 0;
            return;
        }
        if (Math.getExponent(hi) == Double.MIN_EXPONENT - 1) {
            scaledFromRecord(new DoubleDouble(hi, lo).frexp());
            return;
        }
        int e = Math.getExponent(hi) + 1;
        double mHi = DoubleDouble.scalb(hi, -e);
        double mLo = DoubleDouble.scalb(lo, -e);
        if (Math.abs(mHi) == 0.5 && mHi * mLo < 0) {
            mHi *= 2;
            mLo *= 2;
            e -= 1;
        }
        rHi = mHi;
        rLo = mLo;
        rExp = e;
    }

    /** Sets the registers to a / b in double-double precision (as {@link DoubleDouble#quotient}). */
    private void quotient(double a, double b) {
        double q1 = a / b;
        double p = q1 * b;
        add(a, 0, -p, -Math.fma(q1, b, -p));
        double q2 = rHi / b;
        p = q2 * b;
        add(rHi, rLo, -p, -Math.fma(q2, b, -p));
        double q3 = rHi / b;
        renormalize(q1, q2);
        addDouble(rHi, rLo, q3);
    }

    /** Sets the registers to a·b (as {@link DoubleDouble#times(DoubleDouble)}). */
    private void multiply(double aHi, double aLo, double bHi, double bLo) {
        double p = aHi * bHi;
        double e = Math.fma(aHi, bHi, -p);
        renormalize(p, e + (aHi * bLo + aLo * bHi));
    }

    /** Sets the registers to a + b (as {@link DoubleDouble#plus(DoubleDouble)}). */
    private void add(double aHi, double aLo, double bHi, double bLo) {
        twoSum(aHi, bHi);
        double sHi = rHi;
        double sLo = rLo;
        twoSum(aLo, bLo);
        double tHi = rHi;
        double tLo = rLo;
        renormalize(sHi, sLo + tHi);
        renormalize(rHi, rLo + tLo);
    }

    /** Sets the registers to a + b for a double b (as {@link DoubleDouble#plus(double)}). */
    private void addDouble(double aHi, double aLo, double b) {
        twoSum(aHi, b);
        renormalize(rHi, rLo + aLo);
    }

    private void twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        rLo = (a - (s - bb)) + (b - bb);
        rHi = s;
    }

    private void renormalize(double a, double b) {
        double s = a + b;
        rLo = b - (s - a);
        rHi = s;
    }
}
