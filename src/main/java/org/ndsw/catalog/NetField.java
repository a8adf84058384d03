package org.ndsw.catalog;

import java.util.regex.Pattern;
import org.ndsw.NdswException;

/**
 * A path inside a model's canonical `net`, e.g. `ds[2]` (depth of stage 2) or `genotype.normal[0][0]`.
 *
 * <p>The path is checked against a strict pattern (names and indexes only) before it is placed in SQL as a
 * json_extract path, so it cannot inject anything. It reads `models.net_b`, the JSONB form of `net`, which SQLite
 * reads about four times faster than JSON text.
 */
public record NetField(String path) implements QueryField {
    private static final Pattern PATH = Pattern.compile("[a-z_][a-z0-9_]*(\\[\\d{1,4}])*(\\.[a-z_][a-z0-9_]*(\\[\\d{1,4}])*)*");

    /** Validates the path. */
    public NetField {
        if (!PATH.matcher(path).matches()) {
            throw new NdswException("net." + path + " is not a field path; write names and indexes such as net.ds[2],"
                    + " net.width or net.genotype.normal[0][0]");
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
