package org.ndsw.space;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * The quantized random draws of pycls's sweep samplers (pycls/sweep/random.py), re-implemented on a
 * {@link SplittableRandom}: each draws a real number from a continuous distribution on [low, high] (widened by one
 * quantum so that the ends are as likely as any other value) and quantizes it to a multiple of q. Logarithms and
 * exponentials use {@link StrictMath}, so a seed gives the same values on every JVM.
 */
final class PyclsDraws {
    private PyclsDraws() {}

    /** A uniform multiple of q in [low, high]: f uniform in [low, high + q), floored to a multiple of q. */
    static int uniform(SplittableRandom rng, int low, int high, int q) {
        double f = low + (high + (double) q - low) * rng.nextDouble();
        return clamp((long) Math.floor(f / q), low / q, high / q) * q;
    }

    /**
     * A log-uniform multiple of q in [low, high]: log f uniform in (log(low - min(q, low / 2)), log high], rounded up
     * to a multiple of q. The quantum count is clamped to [low / q, high / q] against floating-point noise at the ends.
     */
    static BigDecimal logUniform(SplittableRandom rng, BigDecimal low, BigDecimal high, BigDecimal q) {
        double lo = low.doubleValue();
        double a = -StrictMath.log(high.doubleValue());
        double b = -StrictMath.log(lo - Math.min(q.doubleValue(), lo / 2));
        double f = StrictMath.exp(-(a + (b - a) * rng.nextDouble()));
        long k = (long) Math.ceil(f / q.doubleValue());
        long kLow = low.divide(q).longValueExact();
        long kHigh = high.divide(q).longValueExact();
        return q.multiply(BigDecimal.valueOf(Math.max(kLow, Math.min(kHigh, k))));
    }

    /** A power of two in [low, high], its exponent uniform (low and high powers of two, possibly below 1). */
    static BigDecimal power2(SplittableRandom rng, BigDecimal low, BigDecimal high) {
        int lo = exponent(low);
        int hi = exponent(high);
        int e = lo + (int) Math.floor((hi + 1 - lo) * rng.nextDouble());
        e = Math.min(hi, e);
        return e >= 0 ? new BigDecimal(java.math.BigInteger.ONE.shiftLeft(e))
                : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(-e)));
    }

    /**
     * pycls's power2_or_log_uniform for integers: a power of two in [low, high] with a uniform exponent; if it is q or
     * more, it is replaced by a log-uniform multiple of min(high, q) in [max(low, q), high].
     */
    static int power2OrLogUniform(SplittableRandom rng, int low, int high, int q) {
        int f = power2(rng, BigDecimal.valueOf(low), BigDecimal.valueOf(high)).intValueExact();
        if (f < q) {
            return f;
        }
        return logUniform(rng, BigDecimal.valueOf(Math.max(low, q)), BigDecimal.valueOf(high),
                BigDecimal.valueOf(Math.min(high, q))).intValueExact();
    }

    /** The number of values {@link #power2OrLogUniform} can return. */
    static long power2OrLogCount(int low, int high, int q) {
        long n = 0;
        for (long p = low; p <= high && p < q; p *= 2) {
            n++;
        }
        if (high >= q) {
            int step = Math.min(high, q);
            int from = Math.max(low, q);
            n += (high - from) / step + 1;
        }
        return n;
    }

    /** log2 of a power of two (1/128 gives -7). */
    static int exponent(BigDecimal powerOfTwo) {
        if (powerOfTwo.compareTo(BigDecimal.ONE) >= 0) {
            return powerOfTwo.toBigIntegerExact().bitLength() - 1;
        }
        return -(BigDecimal.ONE.divide(powerOfTwo).toBigIntegerExact().bitLength() - 1);
    }

    /** True if the value is a power of two (possibly below 1, as 1/128). */
    static boolean isPowerOfTwo(BigDecimal v) {
        if (v.signum() <= 0) {
            return false;
        }
        try {
            BigDecimal x = v.compareTo(BigDecimal.ONE) >= 0 ? v : BigDecimal.ONE.divide(v);
            java.math.BigInteger i = x.toBigIntegerExact();
            return i.bitCount() == 1;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static int clamp(long v, long lo, long hi) {
        return (int) Math.max(lo, Math.min(hi, v));
    }
}
