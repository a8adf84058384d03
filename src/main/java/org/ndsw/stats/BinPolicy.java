package org.ndsw.stats;

/** What {@link NormalizedEdf} does when a complexity bin holds no model. */
public enum BinPolicy {
    /** An empty bin is an error naming the empty bin ranges, as the paper's procedure requires (eq. 3-4). */
    STRICT,
    /**
     * Each empty bin hands its mass 1/k to the nearest non-empty bin (by bin index; an empty bin exactly between two
     * non-empty bins gives half to each), so every kept model still has a weight and the weights still sum to 1.
     */
    MERGE
}
