package org.ndsw;

/**
 * Quotes user-supplied text in messages: at most {@link #MAX} characters, so that a 10 MB bad value cannot flood a
 * terminal or a log. The one place every message that repeats a user value goes through.
 */
public final class Quote {
    /** The most characters of a user value a message repeats. */
    public static final int MAX = 200;

    private Quote() {}

    /** The value in double quotes, cut to {@link #MAX} characters with a note of its full length. */
    public static String of(String value) {
        if (value == null) {
            return "nothing";
        }
        return value.length() <= MAX ? '"' + value + '"' : '"' + head(value) + "\"... (" + value.length() + " characters)";
    }

    /** The value without quotes, cut to {@link #MAX} characters with a note of its full length. */
    public static String cut(String value) {
        if (value == null) {
            return "nothing";
        }
        if (value.length() <= MAX) {
            return value;
        }
        return head(value) + "... (" + value.length() + " characters)";
    }

    private static String head(String value) {
        int end = Character.isHighSurrogate(value.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return value.substring(0, end);
    }
}
