package org.ndsw.train;

import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/** Where an engine computes. */
public enum Device {
    CPU, GPU;

    /** Parses "cpu" or "gpu" (case-insensitive). */
    public static Device parse(String s) {
        for (Device d : values()) {
            if (d.name().equalsIgnoreCase(s)) {
                return d;
            }
        }
        throw new NdswException("device must be cpu or gpu, got " + Quote.of(s));
    }

    /** The lower-case name used on the command line and in results. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
