package org.ndsw.catalog.nds;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads JSON numbers from a {@link JsonBytes} lexer: the grammar of RFC 8259 plus Python's NaN, Infinity and
 * -Infinity, converted exactly ({@link FastDouble}, falling back to {@link Double#parseDouble}).
 *
 * <p>The common case — a plain decimal of at most 19 significant digits inside the buffer — takes a path without a
 * bounds check per byte and reads eight fraction digits at a time; everything else takes the careful path.
 */
final class JsonNumbers {
    private static final int MAX_SIGNIFICANT = 19;
    /** Bytes that must be buffered for the fast path of {@link #number}: longer numbers take the careful path. */
    private static final int FAST_WINDOW = 40;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final JsonBytes lx;
    private final char[] chars = new char[64];
    /** Whether the last number read had no fraction and no exponent, and its value if it fits a long. */
    boolean integral;
    long integralValue;
    boolean integralFits;

    JsonNumbers(JsonBytes lx) {
        this.lx = lx;
    }

    /**
     * Reads the numbers of a list whose '[' was consumed, through its ']', into `out`: true at the end of the list,
     * false when the next element is not a number (nothing of that element consumed).
     */
    boolean numbers(Numbers out) {
        int c = lx.peek();
        if (c == ']') {
            lx.pos++;
            return true;
        }
        while (true) {
            if (!(c >= '0' && c <= '9' || c == '-' || c == 'N' || c == 'I')) {
                return false;
            }
            out.add(numberAt(c));
            c = lx.pos < lx.limit && lx.buf[lx.pos] == ',' ? ',' : lx.peek();
            if (c == ',') {
                lx.pos++;
                c = lx.peek();
            } else if (c == ']') {
                lx.pos++;
                return true;
            } else {
                throw lx.error("expected ',' or ']' in a list, got " + JsonBytes.describe(c));
            }
        }
    }

    /** Reads a number (or NaN, Infinity, -Infinity) and returns its exact double value. */
    double number() {
        return numberAt(lx.peek());
    }

    /** Reads a number whose first byte `c` was peeked. */
    private double numberAt(int c) {
        if (lx.limit - lx.pos >= FAST_WINDOW && (c >= '0' && c <= '9' || c == '-')) {
            double v = fastNumber();
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return slowNumber(c);
    }

    /**
     * The common case without a bounds check per byte: a plain decimal of at most 19 significant digits, fully inside
     * the buffer, that FastDouble decides. Returns NaN, consuming nothing, for anything else.
     */
    private double fastNumber() {
        final byte[] b = lx.buf;
        int i = lx.pos;
        final int end = lx.pos + FAST_WINDOW;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long w = 0;
        int digits = 0;
        int q = 0;
        int start = i;
        int d = b[i] - '0';
        if (d == 0) {
            i++;
        } else {
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                w = w * 10 + d;
                digits++;
                i++;
            }
        }
        if (i == start || digits > MAX_SIGNIFICANT - 1 || i >= end) {
            return Double.NaN;
        }
        boolean isInt = true;
        if (b[i] == '.') {
            isInt = false;
            i++;
            int frac = i;
            while (i + 8 <= end && digits + 8 <= MAX_SIGNIFICANT) {
                long eight = (long) LONG_LE.get(b, i);
                if (!eightDigits(eight)) {
                    break;
                }
                w = w * 100_000_000L + eightDigitValue(eight);
                digits += 8;
                q -= 8;
                i += 8;
            }
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                if (w == 0 && d == 0) {
                    q--;
                } else {
                    w = w * 10 + d;
                    digits++;
                    q--;
                }
                i++;
            }
            if (i == frac || digits > MAX_SIGNIFICANT || i >= end) {
                return Double.NaN;
            }
        }
        byte next = b[i];
        if (next == 'e' || next == 'E' || next == 'N' || next == 'I') {
            return Double.NaN;
        }
        double v = FastDouble.of(w, q, negative);
        if (Double.isNaN(v)) {
            return v;
        }
        lx.pos = i;
        integral = isInt;
        integralFits = isInt && digits <= 18;
        integralValue = negative ? -w : w;
        return v;
    }

    /** True if the 8 bytes of `v` (little-endian) are all ASCII digits (fast_float's is_made_of_eight_digits_fast). */
    private static boolean eightDigits(long v) {
        return (((v + 0x4646464646464646L) | (v - 0x3030303030303030L)) & 0x8080808080808080L) == 0;
    }

    /** The value of 8 ASCII digits loaded little-endian, first digit most significant (fast_float's SWAR method). */
    private static long eightDigitValue(long v) {
        v -= 0x3030303030303030L;
        v = v * 10 + (v >>> 8);
        long mask = 0x000000FF000000FFL;
        v = ((v & mask) * 0x000F424000000064L + ((v >>> 16) & mask) * 0x0000271000000001L) >>> 32;
        return v & 0xFFFFFFFFL;
    }

    private double slowNumber(int c) {
        if (c == 'N' || c == 'I') {
            return special(false);
        }
        lx.mark = lx.pos;
        boolean negative = false;
        if (c == '-') {
            lx.pos++;
            negative = true;
            if (lx.peekRaw() == 'I') {
                lx.mark = -1;
                return special(true);
            }
        }
        long w = 0;
        int digits = 0;
        int q = 0;
        boolean overflow = false;
        long intValue = 0;
        boolean intFits = true;
        int first = lx.peekRaw();
        if (first < '0' || first > '9') {
            throw lx.error("expected a number, got " + JsonBytes.describe(first));
        }
        if (first == '0') {
            lx.pos++;
        } else {
            for (int d = lx.peekRaw(); d >= '0' && d <= '9'; d = lx.peekRaw()) {
                lx.pos++;
                guardLength();
                if (digits < MAX_SIGNIFICANT) {
                    w = w * 10 + (d - '0');
                    digits++;
                } else {
                    overflow = true;
                    q++;
                }
                intFits &= intValue <= (Long.MAX_VALUE - 9) / 10;
                intValue = intValue * 10 + (d - '0');
            }
        }
        boolean isInt = true;
        if (lx.peekRaw() == '.') {
            lx.pos++;
            isInt = false;
            int d = lx.peekRaw();
            if (d < '0' || d > '9') {
                throw lx.error("expected a digit after the decimal point, got " + JsonBytes.describe(d));
            }
            for (; d >= '0' && d <= '9'; d = lx.peekRaw()) {
                lx.pos++;
                guardLength();
                if (w == 0 && d == '0') {
                    q--;
                } else if (digits < MAX_SIGNIFICANT) {
                    w = w * 10 + (d - '0');
                    digits++;
                    q--;
                } else {
                    overflow = true;
                }
            }
        }
        int e = lx.peekRaw();
        if (e == 'e' || e == 'E') {
            lx.pos++;
            isInt = false;
            q += exponent();
        }
        integral = isInt;
        integralFits = isInt && intFits;
        integralValue = negative ? -intValue : intValue;
        double v = overflow ? Double.NaN : FastDouble.of(w, q, negative);
        if (Double.isNaN(v)) {
            v = slowParse();
        }
        lx.mark = -1;
        return v;
    }

    private double special(boolean negative) {
        integral = false;
        integralFits = false;
        if (lx.literal("NaN") && !negative) {
            return Double.NaN;
        }
        if (lx.literal("Infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw lx.error("expected a number, got " + JsonBytes.describe(lx.peek()));
    }

    private int exponent() {
        int s = lx.peekRaw();
        boolean neg = s == '-';
        if (s == '-' || s == '+') {
            lx.pos++;
        }
        int d = lx.peekRaw();
        if (d < '0' || d > '9') {
            throw lx.error("expected a digit in the exponent, got " + JsonBytes.describe(d));
        }
        int x = 0;
        for (; d >= '0' && d <= '9'; d = lx.peekRaw()) {
            lx.pos++;
            guardLength();
            x = Math.min(x * 10 + (d - '0'), 100_000);
        }
        return neg ? -x : x;
    }

    /** Stops a number literal longer than {@link NdsLimits#MAX_NUMBER_CHARS} before it fills memory. */
    private void guardLength() {
        if (lx.pos - lx.mark > NdsLimits.MAX_NUMBER_CHARS) {
            lx.mark = -1;
            throw lx.error(NdsLimits.tooLong("a number", NdsLimits.MAX_NUMBER_CHARS));
        }
    }

    private double slowParse() {
        int n = lx.pos - lx.mark;
        char[] text = n <= chars.length ? chars : new char[n];
        for (int i = 0; i < n; i++) {
            text[i] = (char) lx.buf[lx.mark + i];
        }
        return Double.parseDouble(new String(text, 0, n));
    }
}
