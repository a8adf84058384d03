package org.ndsw.app.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.app.NdsTestFiles;
import org.ndsw.app.ProgressSink;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.StoredRun;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.catalog.nds.Records;

/** NDS export re-imports to the same content; CSV is one line per run. */
class ExportServiceTest {
    @TempDir Path dir;

    private static void importInto(Catalog c, Path... files) {
        ImportReport r = new ImportService(c).importPaths(List.of(files), ImportService.Options.DEFAULT, ProgressSink.NONE);
        assertFalse(r.anyRejected(), () -> r.sources().toString());
    }

    private static List<StoredRun> stored(Catalog c, String sweep) {
        List<StoredRun> out = new ArrayList<>();
        c.forEachStoredRun(sweep, out::add);
        return out;
    }

    private static void assertSameContent(List<StoredRun> a, List<StoredRun> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            StoredRun x = a.get(i);
            StoredRun y = b.get(i);
            String where = "run " + i;
            assertEquals(x.seq(), y.seq(), where);
            assertEquals(x.seed(), y.seed(), where);
            assertEquals(x.error(), y.error(), where);
            assertEquals(x.finalError(), y.finalError(), where);
            assertEquals(x.epochs(), y.epochs(), where);
            assertEquals(x.flops(), y.flops(), where);
            assertEquals(x.params(), y.params(), where);
            assertEquals(x.net(), y.net(), where);
            assertEquals(tree(x.data().optim()), tree(y.data().optim()), where);
            assertEquals(tree(x.data().extra()), tree(y.data().extra()), where);
            assertArrayEquals(x.data().curves().testEpTop1(), y.data().curves().testEpTop1(), where);
            assertArrayEquals(x.data().curves().trainEpTop1(), y.data().curves().trainEpTop1(), where);
            assertArrayEquals(x.data().curves().trainEpLoss(), y.data().curves().trainEpLoss(), where);
            assertArrayEquals(x.data().curves().trainItLoss(), y.data().curves().trainItLoss(), where);
            assertArrayEquals(x.data().curves().trainItTop1(), y.data().curves().trainItTop1(), where);
        }
    }

    private static JsonNode tree(String json) {
        return json == null ? null : NdsJson.parse(json);
    }

    @Test
    void ndsExportReimportsToTheSameContent() throws Exception {
        Path src = NdsTestFiles.write(dir, "DARTS.json", "DARTS", 30, 1);
        List<String> recs = new ArrayList<>(Records.many(4));
        recs.set(2, recs.get(2).replace("\"ss\": [1, 1, 2, 2]}", "\"ss\": [1, 1, 2, 2], \"bot_muls\": [], \"num_gs\": null}")
                .replace("\"train_it_top1\": [90.0, 80.0, 70.0]", "\"train_it_top1\": [[90.0], [80.0, null]]"));
        Path hand = Files.writeString(dir.resolve("ResNet.json"), Records.list(recs));
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            importInto(c, src, hand);
            ExportService ex = new ExportService(c);
            Path outDir = Files.createDirectories(dir.resolve("out"));
            ExportService.Result r = ex.export("DARTS", ExportService.Format.NDS, outDir.resolve("DARTS_copy.json"));
            assertEquals(30, r.runs());
            ex.export("ResNet", ExportService.Format.NDS, outDir.resolve("ResNet_copy.json"));
            importInto(c, outDir.resolve("DARTS_copy.json"), outDir.resolve("ResNet_copy.json"));
            assertSameContent(stored(c, "DARTS"), stored(c, "DARTS_copy"));
            assertSameContent(stored(c, "ResNet"), stored(c, "ResNet_copy"));
            assertEquals(4, c.info().models() - 30 + 3, "re-imported nets are the same models");
        }
        JsonNode again = NdsJson.parse(Files.readString(dir.resolve("out/ResNet_copy.json")));
        assertEquals("{\"block_type\":\"res_basic_block\",\"ds\":[1,9,9,9],\"ws\":[16,16,32,64],\"ss\":[1,1,2,2],"
                + "\"bot_muls\":[],\"num_gs\":null}", NdsJson.text(again.get(2).get("net")), "the net as recorded");
        assertTrue(Double.isNaN(again.get(0).get("train_ep_loss").get(1).doubleValue()), "NaN stays a number");
        assertTrue(Files.readString(dir.resolve("out/ResNet_copy.json")).contains(",NaN,"), "written as a bare NaN");
    }

    @Test
    void exportingARerunsFileNameWritesItsGroups() throws Exception {
        Path src = NdsTestFiles.write(dir, "ResNet_reruns.json", "ResNet", 3, 2, List.of("top", "mid"));
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            importInto(c, src);
            Path out = dir.resolve("again/ResNet_reruns.json");
            Files.createDirectories(out.getParent());
            ExportService.Result r = new ExportService(c).export("ResNet_reruns", ExportService.Format.NDS, out);
            assertEquals(List.of("ResNet_reruns/top", "ResNet_reruns/mid"), r.sweeps());
            JsonNode o = NdsJson.parse(Files.readString(out));
            assertEquals(List.of("top", "mid"), List.of(o.fieldNames().next(), "mid"));
            assertEquals(3, o.get("mid").size());
            assertEquals(NdsJson.parse(Files.readString(src)).get("top").get(1).get("min_test_top1"),
                    o.get("top").get(1).get("min_test_top1"));
        }
    }

    @Test
    void csvHasAHeaderAndOneQuotedLinePerRun() throws Exception {
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            importInto(c, NdsTestFiles.write(dir, "ResNet.json", "ResNet", 12, 3));
            Path out = dir.resolve("r.csv");
            assertEquals(12, new ExportService(c).export("ResNet", ExportService.Format.CSV, out).runs());
            List<String> lines = Files.readAllLines(out);
            assertEquals(13, lines.size());
            assertEquals(String.join(",", Csv.COLUMNS), lines.get(0));
            String first = lines.get(1);
            assertTrue(first.startsWith("ResNet,0,"), first);
            assertTrue(first.contains(",ResNet,cifar10,stage,\"{\"\"block_type\"\":\"\"res_basic_block\"\",\"\"ds\"\":[1,"),
                    first);
            assertTrue(first.endsWith("]}\""), first);
        }
    }

    @Test
    void anUnknownSweepWritesNoFile() throws Exception {
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            Path out = dir.resolve("x.json");
            NdswException e = assertThrows(NdswException.class,
                    () -> new ExportService(c).export("Nope", ExportService.Format.NDS, out));
            assertTrue(e.getMessage().contains("has no sweep named \"Nope\""));
            assertFalse(Files.exists(out));
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
            }
        }
    }
}
