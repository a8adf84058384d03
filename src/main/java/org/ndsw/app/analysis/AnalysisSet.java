package org.ndsw.app.analysis;

import java.util.List;
import java.util.Objects;
import org.ndsw.analysis.AnalysisModel;

/**
 * The models of one source, with their nets, in source order.
 *
 * @param label the label shown in tables and JSON
 * @param source where the models came from, as given
 * @param models the models with an error
 * @param skipped records left out because their error was NaN or missing (diverged runs)
 */
public record AnalysisSet(String label, String source, List<AnalysisModel> models, int skipped) {
    /** Copies the list. */
    public AnalysisSet {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        models = List.copyOf(models);
    }
}
