package org.ndsw.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The analysis of one set of trained models.
 *
 * @param name the set's label
 * @param n the number of models
 * @param sampleSize m, the models per bootstrap sample
 * @param options how the ranges were estimated
 * @param parameters one range per parameter, in {@link ParameterTable} order
 * @param omitted parameters only some models have, left out
 */
public record SetAnalysis(String name, int n, int sampleSize, AnalysisOptions options, List<ParameterRange> parameters,
        List<String> omitted) {
    /** Copies the lists. */
    public SetAnalysis {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        parameters = List.copyOf(parameters);
        omitted = List.copyOf(omitted);
    }
}
