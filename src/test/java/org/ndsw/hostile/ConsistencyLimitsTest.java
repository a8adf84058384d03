package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.ProgressSink;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.NdsLimits;
import org.ndsw.catalog.nds.Records;

/**
 * `ndsw import`, `ndsw compare` and `ndsw analyze` read NDS files with the same {@link NdsLimits}: a file past them is
 * refused by all three, each naming the file, the record and the field; a file at the limits is read by all three.
 */
class ConsistencyLimitsTest {
    @TempDir Path dir;

    private Path file(String name, String extraKey, String extraValue) throws Exception {
        String rec = Records.resnet56(6.0, 1).replace("\"iter_time\"", "\"" + extraKey + "\": " + extraValue
                + ", \"iter_time\"");
        Path f = dir.resolve(name);
        Files.writeString(f, Records.list(List.of(Records.resnet56(5.0, 0), rec)));
        return f;
    }

    private String importMessage(Path f) {
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            ImportReport.SourceResult r = new ImportService(c)
                    .importPaths(List.of(f), ImportService.Options.DEFAULT, ProgressSink.NONE).sources().get(0);
            assertEquals(ImportReport.Outcome.REJECTED, r.outcome(), r.message());
            return r.message();
        }
    }

    private static void refusedNaming(Cli r, Path f, String what, String field) {
        assertTrue(r.refused(), r.errHead());
        assertTrue(r.err().startsWith("ndsw: " + f + ": " + what), r.errHead());
        assertTrue(r.err().contains("record index 1"), r.errHead());
        assertTrue(r.err().contains("field '" + field + "'"), r.errHead());
        assertTrue(r.err().length() < 500, "message of " + r.err().length() + " characters");
    }

    @Test
    void aStringPastTheLimitIsRefusedByImportCompareAndAnalyzeAlike() throws Exception {
        Path f = file("ResNet.json", "note", "\"" + "x".repeat(NdsLimits.MAX_STRING_CHARS + 1) + "\"");
        String what = "a string longer than 1,000,000 characters";
        String m = importMessage(f);
        assertTrue(m.startsWith(f + ": " + what), m);
        assertTrue(m.endsWith(", in record 1, field \"note\""), m);
        refusedNaming(Cli.run("compare", f.toString()), f, what, "note");
        Cli a = Cli.run("analyze", f.toString());
        assertTrue(a.refused(), a.errHead());
        assertTrue(a.err().contains(what) && a.err().contains("record 1") && a.err().contains("note"), a.errHead());
    }

    @Test
    void aNumberPastTheLimitIsRefusedByImportAndCompareAlike() throws Exception {
        Path f = file("ResNet.json", "big", "1" + "0".repeat(NdsLimits.MAX_NUMBER_CHARS + 1));
        String what = "a number longer than 1,000 characters";
        assertTrue(importMessage(f).startsWith(f + ": " + what), importMessage(f));
        refusedNaming(Cli.run("compare", f.toString()), f, what, "big");
    }

    @Test
    void aKeyPastTheLimitIsRefusedByImportAndCompareAlike() throws Exception {
        Path f = file("ResNet.json", "k".repeat(NdsLimits.MAX_KEY_CHARS + 1), "1");
        String what = "a key longer than 1,000 characters";
        assertTrue(importMessage(f).contains(what), importMessage(f));
        Cli r = Cli.run("compare", f.toString());
        assertTrue(r.refused(), r.errHead());
        assertTrue(r.err().startsWith("ndsw: " + f + ": " + what) && r.err().contains("record index 1"), r.errHead());
    }

    @Test
    void jsonLinesAndCsvUseTheSameLimits() throws Exception {
        String big = "x".repeat(NdsLimits.MAX_STRING_CHARS + 1);
        Path lines = dir.resolve("big.jsonl");
        Files.writeString(lines, "{\"min_test_top1\": 5}\n{\"min_test_top1\": 6, \"note\": \"" + big + "\"}\n");
        Cli r = Cli.run("compare", lines.toString());
        assertTrue(r.refused(), r.errHead());
        assertTrue(r.err().startsWith("ndsw: " + lines + ": a string longer than 1,000,000 characters"), r.errHead());
        assertTrue(r.err().contains("line 2") && r.err().contains("field 'note'"), r.errHead());
        Files.writeString(lines, Records.resnet56(5.0, 0) + "\n" + Records.resnet56(6.0, 1)
                .replace("\"iter_time\"", "\"note\": \"" + big + "\", \"iter_time\"") + "\n");
        Cli a = Cli.run("analyze", lines.toString());
        assertTrue(a.refused(), a.errHead());
        assertTrue(a.err().startsWith("ndsw: " + lines + ": line 2: a string longer than 1,000,000 characters"),
                a.errHead());
        assertTrue(a.err().strip().endsWith(", field \"note\""), a.errHead());
        Path csv = dir.resolve("big.csv");
        Files.writeString(csv, "error,note\n5,a\n6," + big + "\n");
        r = Cli.run("compare", csv.toString());
        assertTrue(r.refused(), r.errHead());
        assertTrue(r.err().startsWith("ndsw: " + csv + ": a string longer than 1,000,000 characters"), r.errHead());
        assertTrue(r.err().strip().endsWith(" at line 3"), r.errHead());
    }

    @Test
    void aFileAtTheLimitsIsReadByCompareAsByImport() throws Exception {
        Path f = file("ResNet.json", "k".repeat(NdsLimits.MAX_KEY_CHARS),
                "\"" + "y".repeat(NdsLimits.MAX_STRING_CHARS) + "\"");
        Cli r = Cli.run("compare", f.toString());
        assertEquals(0, r.exit(), r.errHead());
    }
}
