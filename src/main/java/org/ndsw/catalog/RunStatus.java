package org.ndsw.catalog;

import java.util.Arrays;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/** The state of a run; imported NDS records are all {@link #DONE}. */
public enum RunStatus {
    /** Trained to the end; its errors are final. */
    DONE,
    /** Stopped with an error; its errors, if any, are partial. */
    FAILED,
    /** Training now. */
    RUNNING,
    /** Waiting to be trained. */
    QUEUED;

    /** The lower-case name stored in the catalogue and used in queries. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or typed status name. */
    public static RunStatus parse(String s) {
        return Arrays.stream(values()).filter(v -> v.label().equalsIgnoreCase(s)).findFirst()
                .orElseThrow(() -> new NdswException("status must be one of done, failed, running, queued, got " + Quote.of(s)));
    }
}
