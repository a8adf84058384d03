package org.ndsw.catalog;

import java.util.List;

/**
 * One step of the catalogue schema: the SQL that takes a file from `version - 1` to `version`.
 *
 * <p>Steps are applied in order, each in its own transaction together with the new `PRAGMA user_version`, so a
 * failed step leaves the file at the version it had.
 */
public record Migration(int version, String description, List<String> statements) {
    /** Copies the statements. */
    public Migration {
        statements = List.copyOf(statements);
    }
}
