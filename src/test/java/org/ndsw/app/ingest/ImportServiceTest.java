package org.ndsw.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.NdsTestFiles;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.CatalogSnapshot;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.catalog.nds.Zips;

/** Importing every file shape of docs/reference/nds-json.md#files into a real catalogue file, idempotently and verified. */
class ImportServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(
            com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    @TempDir Path dir;

    private ImportReport run(Path catalog, ImportService.Options o, Path... paths) {
        try (Catalog c = Catalog.openOrCreate(catalog)) {
            return new ImportService(c).importPaths(List.of(paths), o, ProgressSink.NONE);
        }
    }

    private ImportReport run(Path catalog, Path... paths) {
        return run(catalog, ImportService.Options.DEFAULT, paths);
    }

    private List<SweepSummary> sweeps(Path catalog) {
        try (Catalog c = Catalog.open(catalog)) {
            return c.sweeps();
        }
    }

    @Test
    void aListFileBecomesOneVerifiedSweepNamedAfterIt() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 40, 1);
        Path db = dir.resolve("c.db");
        ImportReport r = run(db, f);
        assertFalse(r.anyRejected());
        ImportReport.SweepResult s = r.sources().get(0).sweeps().get(0);
        assertEquals("ResNet", s.name());
        assertEquals("cifar10", s.dataset());
        assertEquals(40, s.runs());
        VerificationReport v = s.verification();
        assertEquals(40, v.complexityChecked());
        assertEquals(0, v.flops().count());
        assertEquals(0, v.params().count());
        assertEquals(40, v.bestEpochChecked());
        assertEquals(0, v.bestEpoch().count());
        assertEquals(List.of(1L), v.values().get("ds[0]"));
        assertEquals(List.of(0.1), v.values().get("optim.base_lr"));
        SweepSummary stored = sweeps(db).get(0);
        assertEquals("nds-import", stored.sourceKind());
        assertEquals(f.toString(), stored.source());
        assertEquals(64, stored.sourceSha256().length());
        assertEquals(0.1, JSON.readTree(stored.recipe()).get("base_lr").doubleValue());
        assertEquals(40, JSON.readTree(stored.verification()).get("complexity").get("checked").intValue());
    }

    @Test
    void errorsAreStoredAsRecordedTopOneErrorsNeverAccuracies() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 30, 2);
        Path db = dir.resolve("c.db");
        run(db, f);
        JsonNode records = JSON.readTree(f.toFile());
        try (Catalog c = Catalog.open(db)) {
            List<RunRow> rows = c.query(ModelQuery.of("ResNet")).rows();
            for (RunRow row : rows) {
                JsonNode rec = records.get(row.seq());
                assertEquals(rec.get("min_test_top1").doubleValue(), row.error());
                JsonNode test = rec.get("test_ep_top1");
                assertEquals(test.get(test.size() - 1).doubleValue(), row.finalError());
                assertEquals(rec.get("params").longValue(), row.params());
            }
        }
    }

    @Test
    void aRerunsFileBecomesTopAndMidSweeps() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet_reruns.json", "ResNet", 7, 3, List.of("top", "mid"));
        Path db = dir.resolve("c.db");
        ImportReport r = run(db, f);
        assertEquals(List.of("ResNet_reruns/top", "ResNet_reruns/mid"),
                r.sources().get(0).sweeps().stream().map(ImportReport.SweepResult::name).toList());
        List<SweepSummary> s = sweeps(db);
        assertEquals(List.of("ResNet_reruns/mid", "ResNet_reruns/top"), s.stream().map(SweepSummary::name).toList());
        assertEquals(List.of("mid", "top"), s.stream().map(SweepSummary::sourceGroup).toList());
        assertTrue(s.stream().allMatch(x -> x.runs() == 7 && x.space().equals("ResNet")));
    }

    @Test
    void seedFilesOfTheSameNetsShareModelsButKeepTheirOwnSweeps() throws Exception {
        Path a = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 25, 4);
        Path b = NdsTestFiles.write(dir, "ResNet_rng1.json", "ResNet", 25, 4);
        Path c = NdsTestFiles.write(dir, "ResNet_lr-wd.json", "ResNet", 10, 5);
        Path d = NdsTestFiles.write(dir, "DARTS_fix-w-d.json", "DARTS", 10, 6);
        Path db = dir.resolve("c.db");
        run(db, a, b, c, d);
        assertEquals(List.of("DARTS_fix-w-d", "ResNet", "ResNet_lr-wd", "ResNet_rng1"),
                sweeps(db).stream().map(SweepSummary::name).toList());
        assertEquals(List.of("DARTS", "ResNet", "ResNet", "ResNet"), sweeps(db).stream().map(SweepSummary::space).toList());
        try (Catalog cat = Catalog.open(db)) {
            assertEquals(70, cat.info().runs());
            assertEquals(45, cat.info().models(), "the 25 nets of ResNet.json and ResNet_rng1.json are the same models");
        }
    }

    @Test
    void complexityMismatchesAreCountedWithExamplesNotHidden() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 20, 8);
        JsonNode recs = JSON.readTree(f.toFile());
        String text = Files.readString(f);
        for (int i : new int[] {3, 11}) {
            long flops = recs.get(i).get("flops").longValue();
            text = text.replace("\"flops\":" + flops + ",", "\"flops\":" + (flops + 1) + ",");
        }
        Files.writeString(f, text);
        ImportReport r = run(dir.resolve("c.db"), f);
        VerificationReport v = r.sources().get(0).sweeps().get(0).verification();
        assertFalse(r.anyRejected(), "a mismatch is reported, the data still imported as recorded");
        assertEquals(2, v.flops().count());
        assertFalse(v.flopsInformational());
        assertTrue(v.flops().examples().get(0).where().startsWith("record 3 (byte "));
        long f3 = recs.get(3).get("flops").longValue();
        assertEquals("recorded " + (f3 + 1) + ", computed " + f3, v.flops().examples().get(0).detail());
    }

    @Test
    void nasFlopsDifferencesAreInformationWhileParamsMustMatch() throws Exception {
        Path f = NdsTestFiles.write(dir, "DARTS.json", "DARTS", 12, 9);
        JsonNode recs = JSON.readTree(f.toFile());
        long p0 = recs.get(0).get("params").longValue();
        Files.writeString(f, Files.readString(f).replaceAll("\"flops\":(\\d+)", "\"flops\":9$1")
                .replace("\"params\":" + p0 + ",", "\"params\":" + (p0 + 7) + ","));
        VerificationReport v = run(dir.resolve("c.db"), f).sources().get(0).sweeps().get(0).verification();
        assertTrue(v.flopsInformational());
        assertEquals(12, v.flops().count());
        assertEquals(1, v.params().count());
        assertTrue(v.complexityRule().contains("NAS cells: params must match, flops differences are information only"));
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndSaysSo() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 15, 10);
        Path db = dir.resolve("c.db");
        run(db, f);
        String before = CatalogSnapshot.of(db);
        Path copy = Files.createDirectories(dir.resolve("elsewhere")).resolve("ResNet.json");
        Files.copy(f, copy);
        ImportReport r = run(db, f, copy);
        assertEquals(List.of(ImportReport.Outcome.UNCHANGED, ImportReport.Outcome.UNCHANGED),
                r.sources().stream().map(ImportReport.SourceResult::outcome).toList());
        assertEquals("already imported, unchanged (sweep ResNet)", r.sources().get(0).message());
        assertFalse(r.anyRejected());
        assertEquals(before, CatalogSnapshot.of(db));
    }

    @Test
    void aDifferentFileOfTheSameNameIsRefusedUnlessReplaced() throws Exception {
        Path db = dir.resolve("c.db");
        run(db, NdsTestFiles.write(dir, "ResNet.json", "ResNet", 15, 11));
        String before = CatalogSnapshot.of(db);
        Path other = NdsTestFiles.write(Files.createDirectories(dir.resolve("new")), "ResNet.json", "ResNet", 9, 12);
        ImportReport r = run(db, other);
        assertEquals(ImportReport.Outcome.REJECTED, r.sources().get(0).outcome());
        assertTrue(r.sources().get(0).message().contains("sweep ResNet was imported from a different file named ResNet.json"),
                r.sources().get(0).message());
        assertTrue(r.sources().get(0).message().endsWith("pass --replace to replace it"));
        assertEquals(before, CatalogSnapshot.of(db));
        r = run(db, new ImportService.Options(true, false), other);
        assertEquals(ImportReport.Outcome.IMPORTED, r.sources().get(0).outcome());
        assertEquals(9, sweeps(db).get(0).runs());
        try (Catalog c = Catalog.open(db)) {
            assertEquals(9, c.info().models(), "models only the replaced sweep used are gone");
        }
    }

    @Test
    void aZipAsDownloadedAndAFolderImportEveryFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("nds_data"));
        NdsTestFiles.write(data, "Vanilla.json", "Vanilla", 6, 13);
        NdsTestFiles.write(data, "ResNet_reruns.json", "ResNet", 3, 14, List.of("top", "mid"));
        Path zip = Zips.write(dir.resolve("data.zip"), Map.of(
                "nds_data/Vanilla.json", Files.readString(data.resolve("Vanilla.json")),
                "nds_data/ResNet_reruns.json", Files.readString(data.resolve("ResNet_reruns.json"))));
        Path fromZip = dir.resolve("zip.db");
        run(fromZip, zip);
        assertEquals(List.of("ResNet_reruns/mid", "ResNet_reruns/top", "Vanilla"),
                sweeps(fromZip).stream().map(SweepSummary::name).toList());
        assertEquals(zip + "!nds_data/Vanilla.json", sweeps(fromZip).get(2).source());
        Path fromFolder = dir.resolve("folder.db");
        run(fromFolder, data);
        assertEquals(sweeps(fromZip).stream().map(SweepSummary::sourceSha256).toList(),
                sweeps(fromFolder).stream().map(SweepSummary::sourceSha256).toList());
        assertEquals(ImportReport.Outcome.UNCHANGED, run(fromFolder, zip).sources().get(0).outcome());
    }

    @Test
    void skipInvalidLeavesOutBadRecordsReportsThemAndStillCountsAsRejectedInput() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 10, 15);
        JsonNode recs = JSON.readTree(f.toFile());
        String err = recs.get(4).get("min_test_top1").toString();
        Files.writeString(f, Files.readString(f).replaceFirst("\"min_test_top1\":" + java.util.regex.Pattern.quote(err),
                "\"min_test_top1\":null"));
        ImportReport r = run(dir.resolve("c.db"), new ImportService.Options(false, true), f);
        ImportReport.SweepResult s = r.sources().get(0).sweeps().get(0);
        assertEquals(9, s.runs());
        assertEquals(1, s.verification().skipped().count());
        assertTrue(s.verification().skipped().examples().get(0).where().startsWith("record 4 (byte"));
        assertEquals("has no error: min_test_top1 is null", s.verification().skipped().examples().get(0).detail());
        assertTrue(r.anyRejected());
    }

    @Test
    void aNetDifferingOnlyInKeyOrderIsNotKeptTwice() throws Exception {
        Path f = Files.writeString(dir.resolve("ResNet.json"), org.ndsw.catalog.nds.Records.list(
                List.of(org.ndsw.catalog.nds.Records.resnet56(6.0, 1))));
        Path db = dir.resolve("c.db");
        run(db, f);
        try (Catalog c = Catalog.open(db)) {
            List<org.ndsw.catalog.StoredRun> runs = new ArrayList<>();
            c.forEachStoredRun("ResNet", runs::add);
            assertFalse(JSON.readTree(runs.get(0).data().extra()).has("net"), runs.get(0).data().extra());
        }
    }

    @Test
    void progressCountsRecordsAndBytesAndCancellingLeavesTheCatalogueUnchanged() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 1200, 16);
        Path db = dir.resolve("c.db");
        run(db, NdsTestFiles.write(dir, "Vanilla.json", "Vanilla", 5, 17));
        String before = CatalogSnapshot.of(db);
        List<String> messages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        ProgressSink cancelAfterFirst = new ProgressSink() {
            @Override
            public void update(String message, double fraction) {
                messages.add(message);
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return !messages.isEmpty();
            }
        };
        ImportReport r;
        try (Catalog c = Catalog.open(db)) {
            r = new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT, cancelAfterFirst);
        }
        assertEquals(ImportReport.Outcome.REJECTED, r.sources().get(0).outcome());
        assertEquals(f + ": import cancelled; the catalogue is unchanged", r.sources().get(0).message());
        assertTrue(messages.get(0).matches("ResNet.json: 500 records, \\d+ of \\d+ MB"), messages.get(0));
        assertTrue(fractions.get(0) > 0 && fractions.get(0) < 1);
        assertEquals(before, CatalogSnapshot.of(db));
    }
}
