package org.ndsw.complexity;

import org.ndsw.NdswException;

/**
 * Inclusive bounds on params and flops for sampling: a candidate is kept if min <= value <= max.
 *
 * <p>Unset bounds are 0 and Long.MAX_VALUE.
 */
public record Window(long minParams, long maxParams, long minFlops, long maxFlops) {
    /** No bounds. */
    public static final Window NONE = new Window(0, Long.MAX_VALUE, 0, Long.MAX_VALUE);

    /** Validates that each minimum is at most its maximum. */
    public Window {
        if (minParams > maxParams) {
            throw new NdswException("--min-params (" + minParams + ") must not exceed --max-params (" + maxParams + ")");
        }
        if (minFlops > maxFlops) {
            throw new NdswException("--min-flops (" + minFlops + ") must not exceed --max-flops (" + maxFlops + ")");
        }
    }

    /** True if a model with these counts lies in the window. */
    public boolean contains(long params, long flops) {
        return params >= minParams && params <= maxParams && flops >= minFlops && flops <= maxFlops;
    }

    /** True if a complexity lies in the window. */
    public boolean contains(Complexity c) {
        return contains(c.params(), c.flops());
    }

    /** True if the window has any bound. */
    public boolean isBounded() {
        return !equals(NONE);
    }
}
