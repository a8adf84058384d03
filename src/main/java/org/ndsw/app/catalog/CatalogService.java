package org.ndsw.app.catalog;

import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.CatalogInfo;
import org.ndsw.catalog.ErrorKind;
import org.ndsw.catalog.ModelError;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.QueryResult;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SweepSummary;

/**
 * Reading use cases of the catalogue shared by the CLI and the GUI: sweeps, queries, and the per-model errors the
 * statistics compare (`ndsw compare catalog:SWEEP`).
 */
public final class CatalogService {
    private final Catalog catalog;

    /** Reads `catalog`. */
    public CatalogService(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The errors of one sweep as the paper's analyses use them: one entry per model (runs of the same net in the
     * sweep, e.g. several seeds, are averaged), with the params and flops the sweep recorded.
     */
    public record SweepErrors(SweepSummary sweep, ErrorKind kind, List<ModelError> models) {
        /** Copies the list. */
        public SweepErrors {
            models = List.copyOf(models);
        }

        /** The errors in %, in record order. */
        public double[] errors() {
            return models.stream().mapToDouble(ModelError::error).toArray();
        }

        /** The recorded params, in the same order. */
        public double[] params() {
            return models.stream().mapToDouble(ModelError::params).toArray();
        }

        /** The recorded flops, in the same order. */
        public double[] flops() {
            return models.stream().mapToDouble(ModelError::flops).toArray();
        }
    }

    /** Every sweep with its counts. */
    public List<SweepSummary> sweeps() {
        return catalog.sweeps();
    }

    /** Sizes and versions of the catalogue. */
    public CatalogInfo info() {
        return catalog.info();
    }

    /** Runs a query (sorted, paged). */
    public QueryResult models(ModelQuery q) {
        return catalog.query(q);
    }

    /** The ids of every run a query matches, in its order: what a scrolling view reads rows by. */
    public long[] modelIds(ModelQuery q) {
        return catalog.queryIds(q);
    }

    /** Query rows of runs by id, in the order of `ids` (null where a run no longer exists). */
    public List<RunRow> rows(List<Long> ids) {
        return catalog.rows(ids);
    }

    /** The curves and optimizer settings of one run (a row of {@link #models}). */
    public RunData runData(long run) {
        return catalog.runData(run);
    }

    /** Deletes a sweep with its runs, and the models no other sweep uses; one transaction. */
    public void deleteSweep(String name) {
        SweepSummary s = catalog.sweep(name).orElseThrow(() -> new NdswException("catalogue " + catalog.file()
                + " has no sweep named " + Quote.of(name) + " (list them with `ndsw sweeps`)"));
        catalog.write(w -> {
            w.deleteSweep(s.id());
            return null;
        });
    }

    /** Per-model errors of a sweep ({@link ErrorKind#BEST} is `min_test_top1`, the paper's error), in %. */
    public SweepErrors errors(String sweep, ErrorKind kind) {
        SweepSummary s = catalog.sweep(sweep).orElseThrow(() -> new NdswException("catalogue " + catalog.file()
                + " has no sweep named " + Quote.of(sweep) + " (list them with `ndsw sweeps`)"));
        return new SweepErrors(s, kind, catalog.errors(sweep, kind));
    }
}
