package org.ndsw.catalog.nds;

import java.math.BigInteger;

/**
 * Exact decimal to double conversion for the common case, by the Eisel-Lemire algorithm.
 *
 * <p>Given a decimal significand w (at most 19 digits) and a power of ten q, returns the double nearest to w * 10^q,
 * exactly as {@link Double#parseDouble} would, or NaN when the fast path cannot decide (then the caller falls back to
 * {@link Double#parseDouble}). Reference: D. Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and
 * Experience 51(8), 2021, algorithm as in Go's strconv (eisel_lemire.go) and fast_float. The table holds 128-bit
 * approximations of 5^q: truncated for q &gt;= 0, rounded up for q &lt; 0, as fast_float's generator computes them.
 */
final class FastDouble {
    static final int MIN_Q = -342;
    static final int MAX_Q = 308;
    /** hi and lo 64-bit halves of 5^q normalized to 128 bits, q = MIN_Q..MAX_Q. */
    private static final long[] HI = new long[MAX_Q - MIN_Q + 1];
    private static final long[] LO = new long[MAX_Q - MIN_Q + 1];
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
    private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    static {
        for (int q = MIN_Q; q <= MAX_Q; q++) {
            BigInteger c = q >= 0 ? positive(q) : negative(-q);
            HI[q - MIN_Q] = c.shiftRight(64).longValue();
            LO[q - MIN_Q] = c.and(MASK64).longValue();
        }
    }

    private FastDouble() {}

    private static BigInteger positive(int q) {
        BigInteger p = BigInteger.valueOf(5).pow(q);
        int shift = 128 - p.bitLength();
        return shift >= 0 ? p.shiftLeft(shift) : p.shiftRight(-shift);
    }

    private static BigInteger negative(int q) {
        BigInteger p = BigInteger.valueOf(5).pow(q);
        int z = p.bitLength();
        int b = q <= 27 ? z + 127 : 2 * z + 128;
        BigInteger c = BigInteger.ONE.shiftLeft(b).divide(p).add(BigInteger.ONE);
        while (c.compareTo(TWO_128) >= 0) {
            c = c.shiftRight(1);
        }
        return c;
    }

    /** The double nearest to w * 10^q (w read as unsigned), or NaN if the fast path cannot tell. */
    static double of(long w, int q, boolean negative) {
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (q < MIN_Q || q > MAX_Q) {
            return Double.NaN;
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        long retExp2 = ((217706L * q) >> 16) + 64 + 1023 - lz;
        int i = q - MIN_Q;
        long xHi = unsignedMultiplyHigh(w, HI[i]);
        long xLo = w * HI[i];
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + w, xLo) < 0) {
            long yHi = unsignedMultiplyHigh(w, LO[i]);
            long yLo = w * LO[i];
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + w, yLo) < 0) {
                return Double.NaN;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        retExp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return Double.NaN;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            retExp2 += 1;
        }
        if (retExp2 - 1 < 0 || retExp2 - 1 >= 0x7FF - 1) {
            return Double.NaN;
        }
        long bits = retExp2 << 52 | mantissa & 0x000FFFFFFFFFFFFFL;
        return Double.longBitsToDouble(negative ? bits | 0x8000000000000000L : bits);
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        long hi = Math.multiplyHigh(x, y);
        return hi + ((x >> 63) & y) + ((y >> 63) & x);
    }
}
