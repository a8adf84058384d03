package org.ndsw.complexity;

import java.util.Arrays;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * How flops are counted (docs/reference/complexity.md). Params and acts are the same under both conventions.
 *
 * <p>NDS: conv multiply-adds + 5 per BN output element + fc weights + fc bias — the convention of the released data.
 * MACS: conv multiply-adds + fc weights + fc bias, BN free — the convention of current pycls.
 */
public enum Convention {
    NDS("nds", 5),
    MACS("macs", 0);

    private final String cliName;
    private final int flopsPerBnElement;

    Convention(String cliName, int flopsPerBnElement) {
        this.cliName = cliName;
        this.flopsPerBnElement = flopsPerBnElement;
    }

    /** The name used on the command line and in files. */
    public String cliName() {
        return cliName;
    }

    /** Flops charged per element of a BN output. */
    public int flopsPerBnElement() {
        return flopsPerBnElement;
    }

    /** Parses a convention name ("nds" or "macs"). */
    public static Convention parse(String name) {
        return Arrays.stream(values()).filter(c -> c.cliName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new NdswException("convention must be \"nds\" or \"macs\", got " + Quote.of(name)));
    }
}
