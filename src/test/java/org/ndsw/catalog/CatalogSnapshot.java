package org.ndsw.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/** A digest of everything stored in a catalogue file (every row of every table, and the schema version). */
public final class CatalogSnapshot {
    private static final List<String> TABLES = List.of("sweeps", "models", "runs", "run_data");

    private CatalogSnapshot() {}

    /** The digest; equal digests mean equal content. A missing file has the digest "absent". */
    public static String of(Path file) throws Exception {
        if (!Files.exists(file)) {
            return "absent";
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                md.update(("v" + rs.getInt(1)).getBytes());
            }
            for (String t : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY 1")) {
                    ResultSetMetaData m = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            md.update(String.valueOf(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v).getBytes());
                            md.update((byte) 0);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The number of rows of a table. */
    public static long count(Path file, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }
}
