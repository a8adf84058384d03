package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.app.catalog.ExportService;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.NdsReader;
import org.ndsw.catalog.nds.Records;

/**
 * One error domain and one quoting rule at every entry point: {@link Domains#ERROR} refuses an error outside
 * [0, 100] with the same words in `ndsw import`, `ndsw compare` and `ndsw analyze`, and a long user value is quoted
 * by {@link org.ndsw.Quote} wherever a message repeats it.
 */
class ConsistencyDomainsTest {
    @TempDir Path dir;

    @Test
    void anErrorAboveOneHundredIsRefusedInTheSameWordsByImportCompareAndAnalyze() throws Exception {
        Path f = dir.resolve("ResNet.json");
        Files.writeString(f, Records.list(List.of(Records.resnet56(5.0, 0), Records.resnet56(100.5, 1))));
        String words = Domains.ERROR.refusal(100.5, "min_test_top1").substring("min_test_top1".length());
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            ImportReport.SourceResult r = new ImportService(c)
                    .importPaths(List.of(f), ImportService.Options.DEFAULT, ProgressSink.NONE).sources().get(0);
            assertEquals(ImportReport.Outcome.REJECTED, r.outcome());
            assertTrue(r.message().contains("record 1") && r.message().contains("min_test_top1" + words), r.message());
        }
        Cli compare = Cli.run("compare", f.toString());
        assertTrue(compare.refused() && compare.err().contains("record index 1: field 'min_test_top1'" + words),
                compare.err());
        Cli analyze = Cli.run("analyze", f.toString());
        assertTrue(analyze.refused() && analyze.err().contains(f + ": record 1") && analyze.err().contains(words),
                analyze.err());
    }

    @Test
    void theNdsReaderUsesTheErrorDomainsWords() throws Exception {
        String rec = Records.resnet56(-0.5, 0);
        try (NdsReader r = new NdsReader(new java.io.ByteArrayInputStream(
                Records.list(List.of(rec)).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "F.json")) {
            assertEquals(Domains.ERROR.refusal(-0.5, "min_test_top1"), r.next().problem());
        }
    }

    @Test
    void aLongFormatIsQuotedShort() {
        String m = assertThrows(NdswException.class, () -> ExportService.Format.parse("x".repeat(10_000)))
                .getMessage();
        assertTrue(m.startsWith("--format must be nds or csv, got \"xxx"), m);
        assertTrue(m.endsWith("(10000 characters)") && m.length() < 300, m);
    }

    @Test
    void aLongGroupNameOrSweepNameIsQuotedShort() throws Exception {
        Path f = dir.resolve("ResNet.json");
        String group = "g".repeat(900);
        Files.writeString(f, "{\"" + group + "\": 5}");
        try (NdsReader r = new NdsReader(Files.newInputStream(f), f.toString())) {
            String m = assertThrows(NdswException.class, r::next).getMessage();
            assertTrue(m.contains("group \"ggg") && m.contains("(900 characters) must be a list"), m);
            assertTrue(m.length() < 400, m);
        }
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            String m = assertThrows(NdswException.class, () -> new ExportService(c).export("s".repeat(5_000),
                    ExportService.Format.NDS, dir.resolve("out.json"))).getMessage();
            assertTrue(m.contains("(5000 characters)") && m.length() < 400, m);
        }
    }

    @Test
    void aTruncatedStringIsQuotedByQuote() throws Exception {
        Path f = dir.resolve("Long.json");
        Files.writeString(f, Records.list(List.of(Records.resnet56(5.0, 0).replace("\"iter_time\"",
                "\"note\": \"" + "q".repeat(1_100_000) + "\", \"iter_time\""))));
        try (NdsReader r = new NdsReader(Files.newInputStream(f), f.toString())) {
            String m = assertThrows(NdswException.class, r::next).getMessage();
            assertTrue(m.contains("that begins \"qqqq"), m);
            assertTrue(m.endsWith("in record 0, field \"note\""), m);
        }
    }
}
