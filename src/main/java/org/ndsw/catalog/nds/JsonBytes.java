package org.ndsw.catalog.nds;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level JSON lexer over a stream, fast enough for files of hundreds of MB made mostly of numbers.
 *
 * <p>It reads whitespace, punctuation, key strings and numbers itself (numbers by the grammar of RFC 8259 plus
 * Python's NaN, Infinity and -Infinity), converting numbers exactly ({@link FastDouble}, falling back to
 * {@link Double#parseDouble}). {@link JsonTrees} builds small trees on it. Positions are tracked for messages; errors
 * are {@link SyntaxError}s carrying the byte offset, line and column.
 */
final class JsonBytes {
    /** A syntax error at a position of the input. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long offset;
        final long line;
        final long column;

        SyntaxError(String message, long offset, long line, long column) {
            super(message, null, false, false);
            this.offset = offset;
            this.line = line;
            this.column = column;
        }
    }

    private static final int MAX_SIGNIFICANT = 19;
    /** Bytes that must be buffered for the fast path of {@link #number}: longer numbers take the careful path. */
    private static final int FAST_WINDOW = 40;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private int mark = -1;
    private long base;
    private boolean eof;
    private long line = 1;
    private long lineStart;
    private byte[] side = new byte[1 << 12];
    private int sideLen;
    private final char[] chars = new char[64];
    /** Whether the last number read had no fraction and no exponent, and its value if it fits a long. */
    boolean integral;
    long integralValue;
    boolean integralFits;

    JsonBytes(InputStream in) {
        this.in = in;
    }

    /** The absolute offset of the next byte. */
    long offset() {
        return base + pos;
    }

    /** Skips a UTF-8 byte order mark at the very start, if any. */
    void skipBom() {
        if (has(3) && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }

    /** Skips whitespace and returns the next byte (unsigned) without consuming it, or -1 at the end. */
    int peek() {
        while (pos < limit || fill()) {
            int c = buf[pos] & 0xFF;
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = offset();
            } else {
                return c;
            }
        }
        return -1;
    }

    /** Consumes the byte {@link #peek} returned. */
    void skip() {
        pos++;
    }

    /** Consumes `c` after whitespace or fails naming `what` was expected. */
    void expect(char c, String what) {
        int got = peek();
        if (got != c) {
            throw error("expected " + what + ", got " + describe(got));
        }
        pos++;
    }

    /** After an element: consumes `end` and returns true, or consumes ',' and returns false; else fails. */
    boolean close(char end, String where) {
        int c = peek();
        if (c == end || c == ',') {
            pos++;
            return c == end;
        }
        throw error("expected ',' or '" + end + "' in " + where + ", got " + describe(c));
    }

    /** Reads a string whose opening quote is next, decoding escapes and checking UTF-8. */
    String string() {
        expect('"', "a string");
        long opening = offset() - 1;
        int start = side(0);
        while (true) {
            int c = nextRaw("inside a string");
            if (c == '"') {
                return decode(start, opening);
            }
            if (c < 0x20) {
                throw error("control byte " + describe(c) + " inside a string");
            }
            if (c == '\\') {
                escape();
            } else {
                put((byte) c);
            }
        }
    }

    /**
     * Reads the numbers of a list whose '[' was consumed, through its ']', into `out`: true at the end of the list,
     * false when the next element is not a number (nothing of that element consumed).
     */
    boolean numbers(Numbers out) {
        int c = peek();
        if (c == ']') {
            pos++;
            return true;
        }
        while (true) {
            if (!(c >= '0' && c <= '9' || c == '-' || c == 'N' || c == 'I')) {
                return false;
            }
            out.add(numberAt(c));
            c = pos < limit && buf[pos] == ',' ? ',' : peek();
            if (c == ',') {
                pos++;
                c = peek();
            } else if (c == ']') {
                pos++;
                return true;
            } else {
                throw error("expected ',' or ']' in a list, got " + describe(c));
            }
        }
    }

    /** Reads a number (or NaN, Infinity, -Infinity) and returns its exact double value. */
    double number() {
        return numberAt(peek());
    }

    /** Reads a number whose first byte `c` was peeked. */
    private double numberAt(int c) {
        if (limit - pos >= FAST_WINDOW && (c >= '0' && c <= '9' || c == '-')) {
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
        final byte[] b = buf;
        int i = pos;
        final int end = pos + FAST_WINDOW;
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
        pos = i;
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
        mark = pos;
        boolean negative = false;
        if (c == '-') {
            pos++;
            negative = true;
            if (peekRaw() == 'I') {
                mark = -1;
                return special(true);
            }
        }
        long w = 0;
        int digits = 0;
        int q = 0;
        boolean overflow = false;
        long intValue = 0;
        boolean intFits = true;
        int first = peekRaw();
        if (first < '0' || first > '9') {
            throw error("expected a number, got " + describe(first));
        }
        if (first == '0') {
            pos++;
        } else {
            for (int d = peekRaw(); d >= '0' && d <= '9'; d = peekRaw()) {
                pos++;
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
        if (peekRaw() == '.') {
            pos++;
            isInt = false;
            int d = peekRaw();
            if (d < '0' || d > '9') {
                throw error("expected a digit after the decimal point, got " + describe(d));
            }
            for (; d >= '0' && d <= '9'; d = peekRaw()) {
                pos++;
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
        int e = peekRaw();
        if (e == 'e' || e == 'E') {
            pos++;
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
        mark = -1;
        return v;
    }

    /** True if the next bytes (after whitespace) spell `word`; consumes them if so. */
    boolean literal(String word) {
        if (peek() != word.charAt(0)) {
            return false;
        }
        if (!has(word.length())) {
            throw error("unexpected end of input");
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[pos + i] != word.charAt(i)) {
                throw error("unexpected " + describe(buf[pos + i] & 0xFF) + " (expected " + word + ")");
            }
        }
        pos += word.length();
        return true;
    }

    /** A syntax error at the current position. */
    SyntaxError error(String what) {
        long at = offset();
        return new SyntaxError(what, at, line, at - lineStart + 1);
    }

    static String describe(int c) {
        if (c < 0) {
            return "the end of the input";
        }
        if (c >= 0x20 && c < 0x7F) {
            return "'" + (char) c + "'";
        }
        return String.format("byte 0x%02x", c);
    }

    private double special(boolean negative) {
        integral = false;
        integralFits = false;
        if (literal("NaN") && !negative) {
            return Double.NaN;
        }
        if (literal("Infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw error("expected a number, got " + describe(peek()));
    }

    private int exponent() {
        int s = peekRaw();
        boolean neg = s == '-';
        if (s == '-' || s == '+') {
            pos++;
        }
        int d = peekRaw();
        if (d < '0' || d > '9') {
            throw error("expected a digit in the exponent, got " + describe(d));
        }
        int x = 0;
        for (; d >= '0' && d <= '9'; d = peekRaw()) {
            pos++;
            x = Math.min(x * 10 + (d - '0'), 100_000);
        }
        return neg ? -x : x;
    }

    private double slowParse() {
        int n = pos - mark;
        char[] text = n <= chars.length ? chars : new char[n];
        for (int i = 0; i < n; i++) {
            text[i] = (char) buf[mark + i];
        }
        return Double.parseDouble(new String(text, 0, n));
    }

    private void escape() {
        int e = nextRaw("inside a string");
        switch (e) {
            case '"', '\\', '/' -> put((byte) e);
            case 'b' -> put((byte) '\b');
            case 'f' -> put((byte) '\f');
            case 'n' -> put((byte) '\n');
            case 'r' -> put((byte) '\r');
            case 't' -> put((byte) '\t');
            case 'u' -> {
                int cp = 0;
                for (int i = 0; i < 4; i++) {
                    int h = Character.digit(nextRaw("inside a string"), 16);
                    if (h < 0) {
                        throw error("bad \\u escape in a string");
                    }
                    cp = cp * 16 + h;
                }
                for (byte b : String.valueOf((char) cp).getBytes(StandardCharsets.UTF_8)) {
                    put(b);
                }
            }
            default -> throw error("bad escape \\" + (char) e + " in a string");
        }
    }

    /** Decodes the string bytes; an error points at the string's opening quote. */
    private String decode(int start, long opening) {
        boolean ascii = true;
        for (int i = start; i < sideLen; i++) {
            ascii &= side[i] >= 0;
        }
        if (ascii) {
            return new String(side, start, sideLen - start, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(side, start, sideLen - start)).toString();
        } catch (CharacterCodingException e) {
            throw new SyntaxError("a string that is not valid UTF-8 starts", opening, line, opening - lineStart + 1);
        }
    }

    private int side(int at) {
        sideLen = at;
        return at;
    }

    private void put(byte b) {
        if (sideLen == side.length) {
            side = Arrays.copyOf(side, side.length * 2);
        }
        side[sideLen++] = b;
    }

    private int nextRaw(String where) {
        if (pos < limit || fill()) {
            return buf[pos++] & 0xFF;
        }
        throw error("unexpected end of input " + where);
    }

    private int peekRaw() {
        return pos < limit || fill() ? buf[pos] & 0xFF : -1;
    }

    private boolean has(int n) {
        while (limit - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Reads more input, keeping bytes from the mark on; false at the end of the input. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        int keep = mark >= 0 ? mark : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            base += keep;
            limit -= keep;
            pos -= keep;
            mark = mark >= 0 ? 0 : -1;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
