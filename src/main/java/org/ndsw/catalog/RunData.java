package org.ndsw.catalog;

/**
 * The bulky part of a run: the optimizer settings and other recorded fields as JSON text, and the curves.
 *
 * <p>`extra` is a JSON object holding every other key of an imported record, so an export gives them back.
 */
public record RunData(String optim, Curves curves, String extra) {
    /** No data. */
    public static final RunData EMPTY = new RunData(null, Curves.NONE, null);

    /** Replaces a null curve set by {@link Curves#NONE}. */
    public RunData {
        curves = curves == null ? Curves.NONE : curves;
    }

    /**
     * Per-epoch and per-iteration values of a run (null when not recorded). Errors are top-1 errors in %.
     * Arrays are shared, not copied: do not modify them.
     */
    public record Curves(double[] testEpTop1, double[] trainEpTop1, double[] trainEpLoss, double[] testEpLoss,
            double[] trainItLoss, double[] trainItTop1) {
        /** No curves. */
        public static final Curves NONE = new Curves(null, null, null, null, null, null);
    }
}
