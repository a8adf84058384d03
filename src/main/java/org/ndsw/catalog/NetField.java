package org.ndsw.catalog;

import java.util.regex.Pattern;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * A path inside a model's canonical `net`, e.g. `ds[2]` (depth of stage 2) or `genotype.normal[0][0]`.
 *
 * <p>The path is checked against a strict pattern (names and indexes only) before it is placed in SQL as a
 * json_extract path, so it cannot inject anything. It reads `models.net_b`, the JSONB form of `net`, which SQLite
 * reads about four times faster than JSON text.
 */
public record NetField(String path) implements QueryField {
    private static final Pattern PATH = Pattern.compile("[a-z_][a-z0-9_]*(\\[\\d{1,4}])*(\\.[a-z_][a-z0-9_]*(\\[\\d{1,4}])*)*");

    /**
     * The longest path, in characters. The deepest real path, `genotype.normal_concat[3]`, has 25; the bound also keeps
     * the regular expression, which recurses once per segment, far from the thread's stack limit.
     */
    public static final int MAX_LENGTH = 100;

    /** Validates the path: at most {@link #MAX_LENGTH} characters of names and indexes. */
    public NetField {
        if (path.length() > MAX_LENGTH) {
            throw new NdswException("net." + Quote.cut(path) + " is too long for a field path (at most " + MAX_LENGTH
                    + " characters, got " + path.length() + "); write names and indexes such as net.ds[2]");
        }
        if (!PATH.matcher(path).matches()) {
            throw new NdswException("net." + Quote.cut(path) + " is not a field path; write names and indexes such as"
                    + " net.ds[2], net.width or net.genotype.normal[0][0]");
        }
    }

    @Override
    public String label() {
        return "net." + path;
    }

    @Override
    public String sql() {
        return "json_extract(m.net_b, '$." + path + "')";
    }

    @Override
    public Kind kind() {
        return Kind.JSON;
    }

    @Override
    public char table() {
        return 'm';
    }
}
