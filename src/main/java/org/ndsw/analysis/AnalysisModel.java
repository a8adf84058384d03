package org.ndsw.analysis;

import org.ndsw.space.ModelSpec;

/**
 * One trained model as the analysis sees it.
 *
 * @param error top-1 error in %
 * @param net the model's net, or null when the source has none (a CSV of errors and complexities)
 * @param params raw parameter count, NaN if unknown
 * @param flops raw flop count, NaN if unknown
 * @param lr base learning rate, NaN if the record has none
 * @param wd weight decay, NaN if the record has none
 */
public record AnalysisModel(double error, ModelSpec net, double params, double flops, double lr, double wd) {
    /** Rejects a NaN or infinite error: such a record is not a trained model. */
    public AnalysisModel {
        if (!Double.isFinite(error)) {
            throw new IllegalArgumentException("error must be a finite number, got " + error);
        }
    }
}
