package org.ndsw.catalog.nds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ndsw.Quote;

/**
 * A byte-level JSON lexer over a stream, fast enough for files of hundreds of MB made mostly of numbers.
 *
 * <p>It reads whitespace, punctuation and strings; {@link JsonNumbers} reads numbers on it and {@link JsonTrees}
 * small trees. Positions are tracked for messages; errors are {@link SyntaxError}s carrying the byte offset, line and
 * column.
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


    private final InputStream in;
    /** The buffer, the next byte, the end of the data and the first byte to keep on refill (-1: none). */
    byte[] buf = new byte[1 << 16];
    int pos;
    int limit;
    int mark = -1;
    private long base;
    private boolean eof;
    private long line = 1;
    private long lineStart;
    private byte[] side = new byte[1 << 12];
    private int sideLen;

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

    /** Reads a string value whose opening quote is next (see {@link #string(int, String)}). */
    String string() {
        return string(NdsLimits.MAX_STRING_CHARS, "a string");
    }

    /** Reads a key whose opening quote is next (see {@link #string(int, String)}). */
    String name() {
        return string(NdsLimits.MAX_KEY_CHARS, "a key");
    }

    /**
     * Reads a string whose opening quote is next, decoding escapes and checking UTF-8; one of more than `max`
     * characters fails (early, once its bytes are past what `max` characters can take), naming `what` it was.
     */
    String string(int max, String what) {
        expect('"', what);
        long opening = offset() - 1;
        int start = side(0);
        long maxBytes = 3L * max;
        while (true) {
            int c = nextRaw("inside a string");
            if (c == '"') {
                return checked(decode(start, opening), max, what, opening);
            }
            if (sideLen > maxBytes) {
                throw tooLong(what, max, opening);
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
            return Quote.of(String.valueOf((char) c));
        }
        return String.format("byte 0x%02x", c);
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

    private String checked(String s, int max, String what, long opening) {
        if (s.length() > max) {
            throw tooLong(what, max, opening);
        }
        return s;
    }

    private SyntaxError tooLong(String what, int max, long opening) {
        String head = new String(side, 0, Math.min(sideLen, 40), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", "?");
        return new SyntaxError(NdsLimits.tooLong(what, max) + " that begins " + Quote.of(head) + " starts", opening, line,
                opening - lineStart + 1);
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

    /** The next byte without skipping whitespace, or -1 at the end. */
    int peekRaw() {
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
