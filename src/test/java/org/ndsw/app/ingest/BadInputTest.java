package org.ndsw.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.NdsTestFiles;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.CatalogSnapshot;
import org.ndsw.catalog.nds.Records;
import org.ndsw.catalog.nds.Zips;

/** Every kind of bad input is refused with a message naming file and position, and changes nothing. */
class BadInputTest {
    @TempDir Path dir;
    Path db;
    String before;

    @BeforeEach
    void catalogueWithOneSweep() throws Exception {
        db = dir.resolve("c.db");
        try (Catalog c = Catalog.openOrCreate(db)) {
            new ImportService(c).importPaths(List.of(NdsTestFiles.write(dir, "Vanilla.json", "Vanilla", 5, 1)),
                    ImportService.Options.DEFAULT, ProgressSink.NONE);
        }
        before = CatalogSnapshot.of(db);
    }

    /** Imports `file` and returns the rejection message, after checking the catalogue did not change. */
    private String rejected(Path file) throws Exception {
        ImportReport r;
        try (Catalog c = Catalog.open(db)) {
            r = new ImportService(c).importPaths(List.of(file), ImportService.Options.DEFAULT, ProgressSink.NONE);
        }
        assertTrue(r.anyRejected());
        assertEquals(ImportReport.Outcome.REJECTED, r.sources().get(r.sources().size() - 1).outcome());
        assertEquals(before, CatalogSnapshot.of(db), "the catalogue must be unchanged");
        return r.sources().get(r.sources().size() - 1).message();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<String> records(int n) {
        return new ArrayList<>(Records.many(n));
    }

    @Test
    void record500WithAWrongTypeRejectsTheWholeFile() throws Exception {
        List<String> recs = records(1000);
        recs.set(500, recs.get(500).replace("\"params\": 855770", "\"params\": \"855770\""));
        Path f = file("ResNet.json", Records.list(recs));
        String m = rejected(f);
        assertTrue(m.startsWith(f + ": record 500 (byte "), m);
        assertTrue(m.contains("params must be a non-negative integer, got a string; the file is rejected and the"
                + " catalogue unchanged"), m);
    }

    @Test
    void truncatedJson() throws Exception {
        String text = Records.list(records(20));
        Path f = file("ResNet.json", text.substring(0, text.length() / 2));
        String m = rejected(f);
        assertTrue(m.startsWith(f + ": not valid JSON: "), m);
        assertTrue(m.contains("end of the input at byte " + text.length() / 2), m);
        assertTrue(m.matches(".*, in record 1\\d$"), m);
    }

    @Test
    void missingKeys() throws Exception {
        List<String> recs = records(5);
        recs.set(2, recs.get(2).replace("\"net\": " + Records.R56_NET + ", ", ""));
        String m = rejected(file("ResNet.json", Records.list(recs)));
        assertTrue(m.contains(": record 2 (byte "), m);
        assertTrue(m.contains("): the key net is missing;"), m);
    }

    @Test
    void aRecordWithNoError() throws Exception {
        List<String> recs = records(5);
        recs.set(3, recs.get(3).replaceAll("\"min_test_top1\": [0-9.]+, ", ""));
        String m = rejected(file("ResNet.json", Records.list(recs)));
        assertTrue(m.contains(": record 3 (byte "), m);
        assertTrue(m.contains("has no error: the key min_test_top1 (best-epoch top-1 error in %) is missing"), m);
    }

    @Test
    void aNetWithAFieldWeDoNotKnowRejectsTheFileNamingTheField() throws Exception {
        List<String> recs = records(5);
        recs.set(1, recs.get(1).replace("\"block_type\": \"res_basic_block\",", "\"block_type\": \"res_basic_block\", \"stem\": 3,"));
        String m = rejected(file("ResNet.json", Records.list(recs)));
        assertTrue(m.contains(": record 1 (byte "), m);
        assertTrue(m.contains("net has unknown field \"stem\""), m);
    }

    @Test
    void bytesThatAreNotUtf8() throws Exception {
        List<String> recs = records(5);
        recs.set(4, recs.get(4).replace("\"iter_time\"", "\"note\": \"XX\", \"iter_time\""));
        byte[] bytes = Records.list(recs).getBytes(StandardCharsets.UTF_8);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("\"XX\"") + 1;
        bytes[at] = (byte) 0xC0;
        bytes[at + 1] = (byte) 0x80;
        Path f = dir.resolve("ResNet.json");
        Files.write(f, bytes);
        String m = rejected(f);
        assertTrue(m.startsWith(f + ": a string that is not valid UTF-8 starts at byte"), m);
        assertTrue(m.matches("(?s).*, in record 4(, field \"[^\"]+\")?"), m);
    }

    @Test
    void absurdNesting() throws Exception {
        List<String> recs = records(3);
        recs.set(1, recs.get(1).replace("\"act_mem\": 1.5", "\"act_mem\": " + "{\"a\": ".repeat(100_000) + "1"
                + "}".repeat(100_000)));
        Path f = file("ResNet.json", Records.list(recs));
        String m = rejected(f);
        assertTrue(m.startsWith(f + ": nesting deeper than 64 levels at byte"), m);
        assertTrue(m.matches("(?s).*, in record 1(, field \"[^\"]+\")?"), m);
    }

    @Test
    void aZipWithPathTraversal() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("nds_data/ResNet.json", Records.list(records(3)));
        entries.put("../x.json", Records.list(records(3)));
        Path zip = Zips.write(dir.resolve("data.zip"), entries);
        String m = rejected(zip);
        assertEquals(zip + ": entry \"../x.json\" points outside the archive (path traversal); the archive is rejected"
                + " and nothing of it is imported", m);
    }

    @Test
    void aZipBomb() throws Exception {
        Path zip = Zips.write(dir.resolve("data.zip"), Map.of("nds_data/ResNet.json", "[" + " ".repeat(30 << 20) + "]"));
        String m = rejected(zip);
        assertTrue(m.startsWith(zip + "!nds_data/ResNet.json: declares "), m);
        assertTrue(m.contains("over the 100:1 limit for archives (a zip bomb?)"), m);
    }

    @Test
    void anEmptyFileAndATopLevelNumber() throws Exception {
        Path empty = file("ResNet.json", "");
        assertTrue(rejected(empty).contains("got an empty file at byte 0"));
        Path number = file("Vanilla_rng1.json", "42");
        assertTrue(rejected(number).startsWith(number + ": not valid JSON: expected a JSON list of records"));
    }

    @Test
    void aRejectedFileDoesNotStopTheOthers() throws Exception {
        Path bad = file("ResNet.json", "[" + Records.resnet56(6.0, 1) + ",");
        Path good = NdsTestFiles.write(dir, "ResNeXt-A.json", "ResNeXt-A", 4, 2);
        ImportReport r;
        try (Catalog c = Catalog.open(db)) {
            r = new ImportService(c).importPaths(List.of(bad, good, dir.resolve("missing.json")),
                    ImportService.Options.DEFAULT, ProgressSink.NONE);
        }
        assertEquals(List.of(ImportReport.Outcome.REJECTED, ImportReport.Outcome.IMPORTED, ImportReport.Outcome.REJECTED),
                r.sources().stream().map(ImportReport.SourceResult::outcome).toList());
        assertEquals(dir.resolve("missing.json") + ": no such file or folder", r.sources().get(2).message());
        assertEquals(4, CatalogSnapshot.count(db, "runs") - 5);
    }
}
