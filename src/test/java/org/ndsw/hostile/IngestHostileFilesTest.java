package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.Records;
import org.ndsw.catalog.nds.ZipGuard;

/** Files a careless user or an attacker hands to `ndsw import`: each is refused by name, the catalogue untouched. */
class IngestHostileFilesTest {
    @TempDir Path dir;

    private ImportReport.SourceResult importOne(Path f) {
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            ImportReport.SourceResult r = new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT,
                    ProgressSink.NONE).sources().get(0);
            if (r.outcome() == ImportReport.Outcome.REJECTED) {
                assertTrue(c.sweeps().isEmpty(), "a refused file leaves no sweep");
            }
            return r;
        }
    }

    @Test
    void aGroupThatAppearsTwiceIsRefusedByName() throws Exception {
        // Found: the second "top" reached the database and failed there with "UNIQUE constraint failed: runs.sweep_id".
        Path f = dir.resolve("ResNet_reruns.json");
        String list = Records.list(Records.many(2));
        Files.writeString(f, "{\"top\": " + list + ", \"top\": " + list + "}");
        ImportReport.SourceResult r = importOne(f);
        assertEquals(ImportReport.Outcome.REJECTED, r.outcome());
        assertTrue(r.message().startsWith(f + ": group \"top\" appears twice"), r.message());
    }

    @Test
    void utf16TextIsNamedAsSuch() throws Exception {
        Path f = dir.resolve("ResNet.json");
        Files.write(f, Records.list(Records.many(1)).getBytes(StandardCharsets.UTF_16));
        String m = importOne(f).message();
        assertTrue(m.contains("the file looks like UTF-16 or UTF-32 text (it starts with byte 0xfe)"), m);
        assertTrue(m.contains("NDS files are UTF-8 JSON"), m);
    }

    @Test
    void anArchiveOfThousandsOfTinyFilesIsRefusedBeforeAnyImport() throws Exception {
        Path f = dir.resolve("many.zip");
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(os)) {
            for (int i = 0; i <= ZipGuard.MAX_FILES; i++) {
                z.putNextEntry(new ZipEntry("nds_data/S" + i + ".json"));
                z.write("[]".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
        }
        String m = importOne(f).message();
        assertEquals(f + ": the archive holds 1,001 .json files, more than the 1,000 accepted in one archive (each"
                + " becomes a sweep); nothing of it is imported; if you trust it, unzip it and import the folders you"
                + " need", m);
    }

    @Test
    void deepNestingInsideNetIsRefusedWithoutExhaustingTheStack() throws IOException {
        Path f = dir.resolve("ResNet.json");
        String deep = "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000);
        Files.writeString(f, "[" + Records.resnet56(6.0, 1).replace("\"block_type\"", "\"x\": " + deep + ", \"block_type\"")
                + "]");
        String m = importOne(f).message();
        assertTrue(m.contains("nesting deeper than 64 levels"), m);
        assertTrue(m.endsWith("in record 0, field \"net\""), m);
    }
}
