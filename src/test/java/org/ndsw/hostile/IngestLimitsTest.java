package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.app.catalog.ExportService;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.NdsLimits;
import org.ndsw.catalog.nds.Records;

/** Import and export agree on what an NDS file may hold; past the limits, import names file, record and field. */
class IngestLimitsTest {
    @TempDir Path dir;

    private Path file(String name, String extraKey, String extraValue) throws Exception {
        String rec = Records.resnet56(6.0, 1).replace("\"iter_time\"", "\"" + extraKey + "\": " + extraValue
                + ", \"iter_time\"");
        Path f = dir.resolve(name);
        Files.writeString(f, Records.list(List.of(Records.resnet56(5.0, 0), rec)));
        return f;
    }

    private static ImportReport.SourceResult importFile(Catalog c, Path f) {
        return new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT, ProgressSink.NONE)
                .sources().get(0);
    }

    @Test
    void aStringPastTheLimitIsRefusedNamingFileRecordAndField() throws Exception {
        Path f = file("ResNet.json", "note", "\"" + "x".repeat(5_000_000) + "\"");
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            ImportReport.SourceResult r = importFile(c, f);
            assertEquals(ImportReport.Outcome.REJECTED, r.outcome());
            String m = r.message();
            assertTrue(m.startsWith(f + ": a string longer than 1,000,000 characters"), m);
            assertTrue(m.endsWith(", in record 1, field \"note\""), m);
            assertTrue(m.length() < 400, "quotes only the start of the value: " + m.length());
            assertTrue(c.sweeps().isEmpty());
        }
    }

    @Test
    void aKeyPastTheLimitIsRefused() throws Exception {
        Path f = file("ResNet.json", "k".repeat(20_000), "1");
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            String m = importFile(c, f).message();
            assertTrue(m.contains("a key longer than 1,000 characters"), m);
            assertTrue(m.contains("in record 1"), m);
        }
    }

    @Test
    void aNumberPastTheLimitIsRefused() throws Exception {
        Path f = file("ResNet.json", "big", "1" + "0".repeat(5000));
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            String m = importFile(c, f).message();
            assertTrue(m.contains("a number longer than 1,000 characters"), m);
            assertTrue(m.endsWith("in record 1, field \"big\""), m);
        }
    }

    @Test
    void whatImportsAtTheLimitExportsAndReimports() throws Exception {
        String atLimit = "y".repeat(NdsLimits.MAX_STRING_CHARS);
        String key = "k".repeat(NdsLimits.MAX_KEY_CHARS);
        Path f = file("ResNet.json", key, "\"" + atLimit + "\"");
        Path out = dir.resolve("out").resolve("ResNet.json");
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            assertEquals(ImportReport.Outcome.IMPORTED, importFile(c, f).outcome());
            Files.createDirectories(out.getParent());
            new ExportService(c).export("ResNet", ExportService.Format.NDS, out);
        }
        try (Catalog c2 = Catalog.openOrCreate(dir.resolve("c2.db"))) {
            assertEquals(ImportReport.Outcome.IMPORTED, importFile(c2, out).outcome());
        }
    }

    @Test
    void anExportThatCannotWriteARunNamesTheSweepAndTheRunAndLeavesNoFile() throws Exception {
        Path db = dir.resolve("c.db");
        Path f = file("ResNet.json", "note", "\"short\"");
        try (Catalog c = Catalog.openOrCreate(db)) {
            assertEquals(ImportReport.Outcome.IMPORTED, importFile(c, f).outcome());
        }
        // A catalogue written by an older ndsw, without the limits: a 2 MB string in run 1's kept keys.
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db); PreparedStatement st = conn.prepareStatement(
                "UPDATE run_data SET extra = ? WHERE run_id = (SELECT id FROM runs WHERE seq = 1)")) {
            st.setString(1, "{\"note\":\"" + "z".repeat(2_000_000) + "\"}");
            assertEquals(1, st.executeUpdate());
        }
        Path out = dir.resolve("out.json");
        try (Catalog c = Catalog.openOrCreate(db)) {
            String m = assertThrows(NdswException.class,
                    () -> new ExportService(c).export("ResNet", ExportService.Format.NDS, out)).getMessage();
            assertTrue(m.startsWith(out + ": cannot export sweep \"ResNet\", run 1: "), m);
            assertTrue(m.endsWith("; nothing was written"), m);
        }
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }
}
