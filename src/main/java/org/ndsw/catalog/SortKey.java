package org.ndsw.catalog;

/** One key of a query's order; rows with no value for the field come last in either direction. */
public record SortKey(QueryField field, boolean descending) {}
