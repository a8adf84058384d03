package org.ndsw.ui.catalog;

import org.ndsw.app.compare.CatalogSets;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.ui.compare.CompareInput;

/** A catalogue sweep as a set of the compare panel: read as `ndsw compare catalog:SWEEP` reads it. */
public record SweepInput(CatalogSession session, String sweep) implements CompareInput {
    @Override
    public String label() {
        return sweep;
    }

    @Override
    public String description() {
        return CatalogSets.PREFIX + sweep + " in " + session.file();
    }

    @Override
    public RecordSet read(ErrorMetric metric, Complexity required) {
        return session.read(c -> CatalogSets.read(c, CatalogSets.PREFIX + sweep, metric));
    }

    @Override
    public String toString() {
        return sweep + " (catalogue)";
    }
}
