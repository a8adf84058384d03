package org.ndsw.app.compare;

import java.util.Locale;
import org.ndsw.NdswException;

/** The figures {@code ndsw compare --plot [KIND:]FILE} can draw from a comparison. */
public enum CompareFigure {
    /** The (normalized) error EDFs of all sets, legend with n, min and KS D against the first set. */
    EDF("edf"),
    /** Error against complexity of the kept models (the normalizing complexity, or params). */
    SCATTER("scatter"),
    /** Complexity histograms of the kept models (over the window's bins when normalizing). */
    COMPLEXITY("complexity"),
    /** Random-search efficiency curves with ±2σ bands (needs --random-search P). */
    RANDOM_SEARCH("random-search");

    private final String key;

    CompareFigure(String key) {
        this.key = key;
    }

    /** The name used before ':' on the command line. */
    public String key() {
        return key;
    }

    /** Whether the text names a kind. */
    public static boolean isKey(String key) {
        for (CompareFigure f : values()) {
            if (f.key.equals(key.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Finds a kind by its command-line name. */
    public static CompareFigure byKey(String key) {
        for (CompareFigure f : values()) {
            if (f.key.equals(key.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new NdswException("unknown figure kind '" + key + "': expected edf, scatter, complexity or random-search");
    }
}
