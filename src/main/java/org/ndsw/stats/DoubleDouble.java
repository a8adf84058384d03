package org.ndsw.stats;

/**
 * An unevaluated sum hi + lo of two doubles (about 32 significant digits), for the few sums and powers in
 * {@link Smirnov} whose rounding would otherwise show in the p-value. Algorithms: Dekker/Knuth two-sum and an
 * fma-based two-product, as in Hida, Li and Bailey's QD library, which scipy's dd_real also follows.
 *
 * @param hi the leading double
 * @param lo the trailing error term, |lo| &lt;= ulp(hi)/2
 */
record DoubleDouble(double hi, double lo) {
    static final DoubleDouble ZERO = new DoubleDouble(0, 0);
    static final DoubleDouble ONE = new DoubleDouble(1, 0);

    /** Returns a + b exactly, as a double-double. */
    static DoubleDouble sum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, err);
    }

    /** Returns a·b exactly, as a double-double. */
    static DoubleDouble product(double a, double b) {
        double p = a * b;
        return new DoubleDouble(p, Math.fma(a, b, -p));
    }

    /** Returns a / b to double-double precision. */
    static DoubleDouble quotient(double a, double b) {
        double q1 = a / b;
        DoubleDouble r = sum(a, 0).minus(product(q1, b));
        double q2 = r.hi / b;
        r = r.minus(product(q2, b));
        double q3 = r.hi / b;
        return renormalize(q1, q2).plus(q3);
    }

    /** Returns this + b. */
    DoubleDouble plus(DoubleDouble b) {
        DoubleDouble s = sum(hi, b.hi);
        DoubleDouble t = sum(lo, b.lo);
        DoubleDouble u = renormalize(s.hi, s.lo + t.hi);
        return renormalize(u.hi, u.lo + t.lo);
    }

    /** Returns this + b. */
    DoubleDouble plus(double b) {
        DoubleDouble s = sum(hi, b);
        return renormalize(s.hi, s.lo + lo);
    }

    /** Returns this − b. */
    DoubleDouble minus(DoubleDouble b) {
        return plus(b.negate());
    }

    /** Returns −this. */
    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    /** Returns this · b. */
    DoubleDouble times(DoubleDouble b) {
        DoubleDouble p = product(hi, b.hi);
        return renormalize(p.hi, p.lo + (hi * b.lo + lo * b.hi));
    }

    /** Returns this · b. */
    DoubleDouble times(double b) {
        DoubleDouble p = product(hi, b);
        return renormalize(p.hi, p.lo + lo * b);
    }

    /** Returns this / b. */
    DoubleDouble dividedBy(DoubleDouble b) {
        double q1 = hi / b.hi;
        DoubleDouble r = minus(b.times(q1));
        double q2 = r.hi / b.hi;
        r = r.minus(b.times(q2));
        double q3 = r.hi / b.hi;
        return renormalize(q1, q2).plus(q3);
    }

    /** Returns 1 / this. */
    DoubleDouble reciprocal() {
        return ONE.dividedBy(this);
    }

    /** Returns the largest integer not above this. */
    DoubleDouble floor() {
        double h = Math.floor(hi);
        double l = 0;
        if (h == hi) {
            l = Math.floor(lo);
        }
        return renormalize(h, l);
    }

    /** Returns this · 2^e, each part rounded once (C ldexp). */
    DoubleDouble scalb(int e) {
        return new DoubleDouble(scalb(hi, e), scalb(lo, e));
    }

    /** Returns x · 2^e; one multiplication by an exact power of two when 2^e is a normal double (Math.scalb loops). */
    static double scalb(double x, int e) {
        if (e >= Double.MIN_EXPONENT && e <= Double.MAX_EXPONENT) {
            return x * Double.longBitsToDouble((long) (e + Double.MAX_EXPONENT) << 52);
        }
        if (e < 0 && x != 0 && Math.getExponent(x) + e < Double.MIN_EXPONENT - 54) {
            return Math.copySign(0.0, x);
        }
        return Math.scalb(x, e);
    }

    /** Splits this into m·2^e with 0.5 &lt;= |m.hi| &lt; 1, or |m.hi| = 1 when hi and lo differ in sign (C frexp). */
    Scaled frexp() {
        if (hi == 0 || !Double.isFinite(hi)) {
            return new Scaled(this, 0);
        }
        int e = exponentOf(hi);
        DoubleDouble m = scalb(-e);
        if (Math.abs(m.hi) == 0.5 && m.hi * m.lo < 0) {
            return new Scaled(m.scalb(1), e - 1);
        }
        return new Scaled(m, e);
    }

    /** Returns e such that x = f·2^e with 0.5 &lt;= |f| &lt; 1, for finite non-zero x (subnormals included). */
    private static int exponentOf(double x) {
        if (Math.getExponent(x) == Double.MIN_EXPONENT - 1) {
            return Math.getExponent(x * 0x1p54) + 1 - 54;
        }
        return Math.getExponent(x) + 1;
    }

    /**
     * A double-double mantissa with a separate binary exponent, for values beyond the double range.
     *
     * @param mantissa the mantissa
     * @param exponent the power of two
     */
    record Scaled(DoubleDouble mantissa, int exponent) {}

    /** Returns whether this is zero. */
    boolean isZero() {
        return hi == 0;
    }

    /** Returns whether this is finite. */
    boolean isFinite() {
        return Double.isFinite(hi) && Double.isFinite(lo);
    }

    /** Returns the nearest double. */
    double value() {
        return hi + lo;
    }

    /** Returns a + b as a normalized pair, assuming |a| &gt;= |b| (quick two-sum). */
    private static DoubleDouble renormalize(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }
}
