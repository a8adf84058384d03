package org.ndsw.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.ndsw.NdswException;

/** Brings a catalogue file to the latest schema version, one transaction per step. */
final class Migrator {
    private final Connection conn;
    private final Path file;

    Migrator(Connection conn, Path file) {
        this.conn = conn;
        this.file = file;
    }

    /** Checks the file is an ndsw catalogue no newer than `steps`, then applies the missing steps in order. */
    int migrate(List<Migration> steps) throws SQLException {
        int latest = steps.get(steps.size() - 1).version();
        int version = (int) Sql.queryLong(conn, "PRAGMA user_version");
        int appId = (int) Sql.queryLong(conn, "PRAGMA application_id");
        checkIsCatalogue(version, appId);
        if (version > latest) {
            throw new NdswException("catalogue " + file + " has schema version " + version
                    + ", written by a newer ndsw; this version reads schema versions up to " + latest);
        }
        for (Migration m : steps) {
            if (m.version() > version) {
                apply(m);
                version = m.version();
            }
        }
        return version;
    }

    private void checkIsCatalogue(int version, int appId) throws SQLException {
        if (appId == Schema.APPLICATION_ID) {
            return;
        }
        long tables = Sql.queryLong(conn, "SELECT count(*) FROM sqlite_schema");
        if (appId != 0 || version != 0 || tables != 0) {
            throw new NdswException(file + " is a SQLite database but not an ndsw catalogue (application_id "
                    + appId + ", " + tables + " schema objects); choose another --catalog file");
        }
    }

    private void apply(Migration m) throws SQLException {
        Sql.exec(conn, "BEGIN IMMEDIATE");
        try {
            for (String sql : m.statements()) {
                Sql.exec(conn, sql);
            }
            Sql.exec(conn, "PRAGMA application_id = " + Schema.APPLICATION_ID);
            Sql.exec(conn, "PRAGMA user_version = " + m.version());
            Sql.exec(conn, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            Sql.exec(conn, "ROLLBACK");
            throw new NdswException("catalogue " + file + ": migration to schema version " + m.version() + " ("
                    + m.description() + ") failed, the file is unchanged: " + e.getMessage(), e);
        }
    }
}
