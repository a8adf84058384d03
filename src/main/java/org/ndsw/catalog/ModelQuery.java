package org.ndsw.catalog;

import java.util.List;
import org.ndsw.NdswException;

/**
 * A query of runs with their models: which sweeps (none = all), filters (all must hold), order and page.
 *
 * @param sort keys in priority order; the run's sweep and record order break ties
 * @param limit rows per page, 0 for all
 * @param offset rows skipped before the page
 */
public record ModelQuery(List<String> sweeps, List<Condition> where, List<SortKey> sort, int limit, int offset) {

    /** Copies the lists and checks the page. */
    public ModelQuery {
        sweeps = List.copyOf(sweeps);
        where = List.copyOf(where);
        sort = List.copyOf(sort);
        if (limit < 0 || offset < 0) {
            throw new NdswException("limit and offset must not be negative, got limit " + limit + ", offset " + offset);
        }
    }

    /** Every run of the given sweeps in record order. */
    public static ModelQuery of(String... sweeps) {
        return new ModelQuery(List.of(sweeps), List.of(), List.of(), 0, 0);
    }
}
