package org.ndsw.catalog.nds;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;

/**
 * The one definition of what an NDS file may hold: import ({@link NdsReader}) refuses past these limits, and export
 * and every other reader of the dialect ({@link NdsJson#MAPPER}) read with the same ones, so whatever imports also
 * exports.
 *
 * <p>NDS records hold short strings (block types, job ids) and short keys; the limits are far above any real file
 * and far below what would exhaust memory when a hostile file repeats them.
 */
public final class NdsLimits {
    /** Deepest nesting accepted; NDS records nest 5 levels (record, net, genotype, cell, edge). */
    public static final int MAX_DEPTH = 64;
    /** Longest string value, in characters (UTF-16 units, as Jackson counts). */
    public static final int MAX_STRING_CHARS = 1_000_000;
    /** Longest key, in characters. */
    public static final int MAX_KEY_CHARS = 1_000;
    /** Longest number literal, in characters (Jackson's own default). */
    public static final int MAX_NUMBER_CHARS = 1_000;

    private NdsLimits() {}

    /** The same limits as Jackson read constraints. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING_CHARS)
                .maxNameLength(MAX_KEY_CHARS).maxNumberLength(MAX_NUMBER_CHARS).build();
    }

    /**
     * Jackson's refusal of a value past these limits in the words import uses, e.g. "a string longer than 1,000,000
     * characters (the limit for NDS files)", so every reader of NDS files reports a limit the same way.
     */
    public static String describe(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("String value length")) {
            return tooLong("a string", MAX_STRING_CHARS);
        }
        if (isKeyLimit(e)) {
            return tooLong("a key", MAX_KEY_CHARS);
        }
        if (m.startsWith("Number value length") || m.startsWith("Number length")) {
            return tooLong("a number", MAX_NUMBER_CHARS);
        }
        if (m.startsWith("Document nesting depth")) {
            return String.format(Locale.ROOT, "JSON nested deeper than %d levels (the limit for NDS files)", MAX_DEPTH);
        }
        return m.lines().findFirst().orElse(m);
    }

    /** True if Jackson refused a key (a field name) past {@link #MAX_KEY_CHARS}. */
    public static boolean isKeyLimit(StreamConstraintsException e) {
        return String.valueOf(e.getOriginalMessage()).startsWith("Name length");
    }

    /** "a string longer than 1,000,000 characters", for messages. */
    static String tooLong(String what, int max) {
        return String.format(Locale.ROOT, "%s longer than %,d characters (the limit for NDS files)", what, max);
    }
}
