package org.ndsw.catalog;

/** A field a query filters or sorts on: a column of runs, models or sweeps ({@link Column}) or a path in `net`. */
public sealed interface QueryField permits Column, NetField {
    /** The name users type, e.g. "error" or "net.ds[2]". */
    String label();

    /** The SQL expression over the aliases r (runs), m (models) and s (sweeps). */
    String sql();

    /** How values of the field are typed and compared. */
    Kind kind();

    /** The alias of the table the field reads: 'r' (runs), 's' (sweeps) or 'm' (models). */
    default char table() {
        return sql().charAt(0);
    }

    /** How a field's values are typed. */
    enum Kind {
        /** Numbers; counts take k, M and B suffixes. */
        NUMBER,
        /** Text, compared exactly. */
        TEXT,
        /** A model hash; `=` also matches a prefix of at least 6 hex digits. */
        HASH,
        /** A set of cell ops; only `has` applies. */
        OPS,
        /** A JSON value inside `net`: a number, a string, true or false; `has` tests array elements. */
        JSON
    }
}
