package org.ndsw.catalog;

import java.util.List;

/** A page of query rows and the number of rows matching the filters over all pages. */
public record QueryResult(List<RunRow> rows, long total) {
    /** Copies the rows. */
    public QueryResult {
        rows = List.copyOf(rows);
    }
}
