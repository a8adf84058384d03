package org.ndsw.cli;

import java.util.Arrays;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.figure.FigureSize;
import org.ndsw.stats.ComplexityWindow;

/** Parsing of option values shared by commands, with messages that name the option and the value. */
final class CliOptions {
    private CliOptions() {}

    /** Returns the value (lower-cased) if it is one of the choices, else a user error listing them. */
    static String choice(String option, String value, String... choices) {
        String v = value.toLowerCase(Locale.ROOT);
        if (Arrays.asList(choices).contains(v)) {
            return v;
        }
        throw new NdswException(option + " must be one of " + String.join("|", choices) + ", got " + Quote.of(value));
    }

    /** Parses {@code LO,HI} into a strict complexity window. */
    static ComplexityWindow range(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new NdswException("--range must be LO,HI (e.g. 0.02,0.856), got " + Quote.of(text));
        }
        try {
            double lo = Double.parseDouble(parts[0].trim());
            double hi = Double.parseDouble(parts[1].trim());
            if (!(lo < hi)) {
                throw new NdswException("--range needs LO < HI, got " + Quote.of(text));
            }
            return new ComplexityWindow(lo, hi);
        } catch (NumberFormatException e) {
            throw new NdswException("--range must be two numbers LO,HI, got " + Quote.of(text));
        }
    }

    /** The figure size preset named by --plot-size. */
    static FigureSize figureSize(String name) {
        return switch (choice("--plot-size", name, "column", "large", "screen")) {
            case "column" -> FigureSize.COLUMN;
            case "screen" -> FigureSize.SCREEN;
            default -> FigureSize.LARGE;
        };
    }
}
