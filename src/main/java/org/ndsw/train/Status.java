package org.ndsw.train;

import java.util.Locale;

/** How a run ended. */
public enum Status {
    /** All epochs trained. */
    DONE,
    /** The loss became NaN, infinite or exploded; training stopped. */
    DIVERGED,
    /** An error or a cancellation stopped the run. */
    FAILED;

    /** The name in result files: "done", "diverged", "failed". */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
