package org.ndsw.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads sweeps with their counts, and the catalogue's sizes. */
final class SweepReads {
    private static final String SUMMARY = "SELECT s.*, (SELECT count(*) FROM runs r WHERE r.sweep_id = s.id) AS runs,"
            + " (SELECT count(DISTINCT r.model_id) FROM runs r WHERE r.sweep_id = s.id) AS models FROM sweeps s";

    private final Connection conn;
    private final Path file;

    SweepReads(Connection conn, Path file) {
        this.conn = conn;
        this.file = file;
    }

    List<SweepSummary> summaries() {
        return list(SUMMARY + " ORDER BY s.name", null);
    }

    Optional<SweepSummary> summary(String name) {
        return list(SUMMARY + " WHERE s.name = ?", name).stream().findFirst();
    }

    List<SweepSummary> fromSource(String sourceName) {
        return list(SUMMARY + " WHERE s.source_name = ? ORDER BY s.name", sourceName);
    }

    Optional<Long> id(String name) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM sweeps WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot look up sweep " + name, e);
        }
    }

    CatalogInfo info() {
        try {
            long bytes = Files.size(file);
            Path wal = Path.of(file + "-wal");
            bytes += Files.exists(wal) ? Files.size(wal) : 0;
            return new CatalogInfo(file, (int) Sql.queryLong(conn, "PRAGMA user_version"), text("SELECT sqlite_version()"),
                    text("PRAGMA journal_mode"), bytes, Sql.queryLong(conn, "SELECT count(*) FROM sweeps"),
                    Sql.queryLong(conn, "SELECT count(*) FROM models"), Sql.queryLong(conn, "SELECT count(*) FROM runs"));
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot read sizes", e);
        } catch (IOException e) {
            throw new org.ndsw.NdswException("catalogue " + file + ": cannot read the file size: " + e.getMessage(), e);
        }
    }

    private String text(String sql) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private List<SweepSummary> list(String sql, String param) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<SweepSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot read sweeps", e);
        }
    }

    private static SweepSummary row(ResultSet rs) throws SQLException {
        return new SweepSummary(rs.getLong("id"), rs.getString("name"), rs.getString("space"), rs.getString("dataset"),
                rs.getString("source_kind"), rs.getString("source"), rs.getString("source_name"),
                rs.getString("source_sha256"), rs.getString("source_group"), rs.getString("recipe"),
                rs.getString("verification"), rs.getString("provenance"), rs.getString("created"),
                rs.getLong("models"), rs.getLong("runs"));
    }
}
