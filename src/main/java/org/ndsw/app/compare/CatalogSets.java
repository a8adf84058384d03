package org.ndsw.app.compare;

import org.ndsw.app.catalog.CatalogService;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.catalog.ErrorKind;

/** Reads a catalogue sweep as a set of trained models to compare: `catalog:SWEEP` or `NAME=catalog:SWEEP`. */
public final class CatalogSets {
    /** The prefix that marks a compare source as a catalogue sweep. */
    public static final String PREFIX = "catalog:";

    private CatalogSets() {}

    /** True if a source text names a catalogue sweep. */
    public static boolean isCatalogSource(String text) {
        int eq = text.indexOf('=');
        String rest = eq > 0 && !text.startsWith(PREFIX) ? text.substring(eq + 1) : text;
        return rest.startsWith(PREFIX);
    }

    /** Reads the sweep a source text names; runs of one net in the sweep count as one model (errors averaged). */
    public static RecordSet read(CatalogService catalog, String text, ErrorMetric metric) {
        String label = null;
        String rest = text;
        int eq = text.indexOf('=');
        if (eq > 0 && !text.startsWith(PREFIX)) {
            label = text.substring(0, eq);
            rest = text.substring(eq + 1);
        }
        String sweep = rest.substring(PREFIX.length());
        CatalogService.SweepErrors e = catalog.errors(sweep, metric == ErrorMetric.FINAL ? ErrorKind.FINAL : ErrorKind.BEST);
        double[] params = e.params();
        double[] flops = e.flops();
        return new RecordSet(label == null ? sweep : label, PREFIX + sweep, e.errors(), params, flops, 0);
    }
}
