package org.ndsw.app.report;

import org.ndsw.NdswException;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.figure.FigureSize;

/**
 * What a report holds.
 *
 * @param analysis how the good ranges are estimated
 * @param curves k: curves of the k best and k worst runs
 * @param top the best models listed per set with their nets
 * @param randomSearchPower P of the random-search curves (m = 2^0 .. 2^P), or -1 for the largest P every set allows,
 *     at most 8
 * @param size the size of every figure
 */
public record ReportOptions(AnalysisOptions analysis, int curves, int top, int randomSearchPower, FigureSize size) {
    /** The defaults of {@code ndsw report}. */
    public static final ReportOptions DEFAULTS = new ReportOptions(AnalysisOptions.DEFAULTS, 3, 5, -1,
            FigureSize.LARGE);

    /** Validates the counts. */
    public ReportOptions {
        if (curves < 1 || curves > 8) {
            throw new NdswException("--curves must be between 1 and 8 (one colour each), got " + curves);
        }
        if (top < 1 || top > 1000) {
            throw new NdswException("--top must be between 1 and 1000, got " + top);
        }
        if (randomSearchPower < -1 || randomSearchPower > 20) {
            throw new NdswException("--random-search must be between 0 and 20, got " + randomSearchPower);
        }
    }
}
