package org.ndsw.figure;

/** A closed numeric interval used for axis ranges and histogram extents. */
public record Bounds(double lo, double hi) {
    /** Validates that the interval is finite and not empty. */
    public Bounds {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("bounds must be finite with lo < hi, got (" + lo + ", " + hi + ")");
        }
    }
}
