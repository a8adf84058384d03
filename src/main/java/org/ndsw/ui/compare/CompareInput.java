package org.ndsw.ui.compare;

import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.app.source.SourceReader;
import org.ndsw.app.source.SourceSpec;

/** One set of trained models the compare panel can read: a file, or a catalogue sweep (ui.catalog.SweepInput). */
public interface CompareInput {
    /** The label shown in legends and tables. */
    String label();

    /** Where the models come from, for tooltips and errors. */
    String description();

    /** Reads the models with the given error; `required` is a complexity every model must have, or null. */
    RecordSet read(ErrorMetric metric, Complexity required);

    /** A file source: NDS JSON, JSON Lines or CSV (as `ndsw compare` reads them). */
    static CompareInput file(SourceSpec spec) {
        return new CompareInput() {
            @Override
            public String label() {
                return spec.label();
            }

            @Override
            public String description() {
                return spec.path() + (spec.group() == null ? "" : "#" + spec.group());
            }

            @Override
            public RecordSet read(ErrorMetric metric, Complexity required) {
                return SourceReader.read(spec, metric, required);
            }

            @Override
            public String toString() {
                return label();
            }
        };
    }
}
