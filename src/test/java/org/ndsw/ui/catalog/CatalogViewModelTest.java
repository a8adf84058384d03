package org.ndsw.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.LocalHttp;
import org.ndsw.catalog.Column;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SortKey;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.ui.task.DirectTaskRunner;

/** The catalogue panel's view model on a real SQLite file: import, sweeps, paged query, filters, sort, details. */
class CatalogViewModelTest {
    @TempDir Path dir;
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final CatalogViewModel vm = new CatalogViewModel(tasks);

    @AfterEach
    void close() {
        vm.close();
        tasks.assertFailuresHandled();
    }

    private ImportReport importTwo() throws Exception {
        Path a = CatalogFixtures.nds(dir, "ResNet.json", "ResNet", 450, 1);
        Path b = CatalogFixtures.nds(dir, "Vanilla.json", "Vanilla", 120, 2);
        ImportReport[] out = new ImportReport[1];
        vm.importPaths(List.of(a, b), dir.resolve("c.db")).onSuccess(i -> out[0] = i.report());
        return out[0];
    }

    @Test
    void anImportCreatesTheCatalogueAndListsItsSweeps() throws Exception {
        ImportReport r = importTwo();
        assertEquals(2, r.sources().size());
        assertTrue(Files.exists(dir.resolve("c.db")));
        assertEquals(List.of("ResNet", "Vanilla"), vm.sweepNames());
        assertEquals(570, vm.rows().size());
        assertEquals("570 of 570 runs in 2 sweeps", vm.messageProperty().get());
        assertFalse(vm.importing.get());
        ImportSummary s = ImportSummary.of(r);
        assertEquals("Imported 570 runs in 2 sweeps", s.headline());
        assertTrue(s.imported().contains("sweep ResNet (space ResNet, cifar10): 450 runs"), s.imported());
        assertFalse(s.anyRejected());
    }

    @Test
    void rowsAreReadAPageAtATimeAndOnlyWhenAsked() throws Exception {
        importTwo();
        PagedRows rows = vm.rows();
        assertEquals(1, rows.pagesInMemory());
        assertNull(rows.peek(PagedRows.PAGE + 1));
        RunRow r = rows.get(PagedRows.PAGE + 1);
        assertNotNull(r);
        assertEquals(2, rows.pagesInMemory());
        assertEquals(r, rows.peek(PagedRows.PAGE + 1));
        assertNotNull(rows.get(569));
    }

    @Test
    void selectingASweepFiltersAndSortingOrdersInTheCatalogue() throws Exception {
        importTwo();
        vm.selectedSweeps.setAll(vm.sweeps.stream().filter(s -> s.name().equals("Vanilla")).toList());
        assertEquals(120, vm.rows().size());
        vm.sort.set(List.of(new SortKey(Column.ERROR, true)));
        PagedRows rows = vm.rows();
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            errors.add(rows.get(i).error());
        }
        List<Double> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, errors);
    }

    @Test
    void whereTextAndRangesNarrowTheRows() throws Exception {
        importTwo();
        vm.where.set("space = ResNet");
        vm.error.max.set("8");
        vm.params.min.set("0.4M");
        vm.query();
        PagedRows rows = vm.rows();
        assertTrue(rows.size() > 0 && rows.size() < 450, "rows " + rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RunRow r = rows.get(i);
            assertEquals("ResNet", r.sweep());
            assertTrue(r.error() <= 8 && r.params() >= 400_000, r.toString());
        }
        vm.clearFilters();
        assertEquals(570, vm.rows().size());
    }

    @Test
    void aBadFilterIsReportedAndKeepsTheRows() throws Exception {
        importTwo();
        var before = vm.rows().query();
        vm.params.min.set("lots");
        vm.query();
        assertEquals("params from \"lots\" is not a number; write e.g. 5.5, 0.5M or 120M", vm.filterErrorProperty().get());
        assertEquals(before, vm.rows().query());
        vm.params.min.set("");
        vm.where.set("colour = red");
        vm.query();
        assertTrue(vm.filterErrorProperty().get().contains("unknown field \"colour\""), vm.filterErrorProperty().get());
    }

    @Test
    void detailsShowNetCurvesAndTheRunsOfTheModel() throws Exception {
        importTwo();
        RunRow first = vm.rows().get(0);
        vm.selectedRow.set(first);
        ModelDetails d = vm.detailsProperty().get();
        assertEquals(first, d.row());
        assertEquals(NdsJson.parse(first.net()), NdsJson.parse(d.netJson()));
        assertTrue(d.netJson().contains("\n"), "indented");
        assertNotNull(d.curves());
        assertEquals(10, d.curves().series().get(0).size());
        assertTrue(d.runs().stream().allMatch(r -> r.model().equals(first.model())));
        assertTrue(d.optim().contains("base_lr"), d.optim());
    }

    @Test
    void deleteAndExportASweep() throws Exception {
        importTwo();
        Path out = dir.resolve("out/Vanilla.json");
        Files.createDirectories(out.getParent());
        vm.export("Vanilla", out);
        assertEquals(120, NdsJson.parse(Files.readString(out)).size());
        vm.delete(List.of("Vanilla"));
        assertEquals(List.of("ResNet"), vm.sweepNames());
        assertEquals(450, vm.rows().size());
    }

    @Test
    void aRejectedFileIsNamedAndLeavesTheCatalogueAsItWas() throws Exception {
        importTwo();
        Path bad = Files.writeString(dir.resolve("Bad.json"), "[{\"params\": \"many\"}]");
        ImportReport[] out = new ImportReport[1];
        vm.importPaths(List.of(bad), dir.resolve("c.db")).onSuccess(i -> out[0] = i.report());
        ImportSummary s = ImportSummary.of(out[0]);
        assertTrue(s.anyRejected());
        assertTrue(s.rejected().startsWith(bad.toString()), s.rejected());
        assertTrue(s.rejected().contains("params"), s.rejected());
        assertTrue(s.rejected().endsWith(ImportSummary.WHAT_TO_DO));
        assertEquals(List.of("ResNet", "Vanilla"), vm.sweepNames());
        assertEquals(570, vm.rows().size());
    }

    @Test
    void importingTheSameFileAgainSaysNothingIsNew() throws Exception {
        importTwo();
        ImportReport[] out = new ImportReport[1];
        vm.importPaths(List.of(dir.resolve("Vanilla.json")), dir.resolve("c.db")).onSuccess(i -> out[0] = i.report());
        ImportSummary s = ImportSummary.of(out[0]);
        assertEquals("Nothing new: 1 input was imported before", s.headline());
        assertFalse(s.anyRejected());
        assertEquals(570, vm.rows().size());
    }

    @Test
    void aUrlIsDownloadedNextToTheCatalogueImportedAndReusedTheNextTime() throws Exception {
        Path a = CatalogFixtures.nds(dir, "ResNet.json", "ResNet", 30, 1);
        Path b = CatalogFixtures.nds(dir, "Vanilla.json", "Vanilla", 20, 2);
        try (LocalHttp http = new LocalHttp().file("/nds/data.zip", LocalHttp.ndsZip(List.of(a, b)))
                .status("/nds/missing.zip", 404)) {
            String url = http.url("/nds/data.zip");
            ImportReport[] out = new ImportReport[1];
            vm.importUrl(url, false, dir.resolve("c.db")).onSuccess(i -> out[0] = i.report());
            assertEquals(List.of("ResNet", "Vanilla"), vm.sweepNames());
            assertEquals(url + "!nds_data/ResNet.json", vm.sweeps.get(0).source());
            assertFalse(vm.importing.get());
            ImportSummary s = ImportSummary.of(out[0]);
            assertEquals("Imported 50 runs in 2 sweeps", s.headline());
            assertTrue(s.imported().startsWith(url + ": downloaded to " + dir.resolve("downloads/data.zip")), s.imported());

            vm.importUrl(url, false, dir.resolve("c.db")).onSuccess(i -> out[0] = i.report());
            s = ImportSummary.of(out[0]);
            assertEquals("Nothing new: 2 inputs were imported before", s.headline());
            assertTrue(s.imported().startsWith(url + ": using " + dir.resolve("downloads/data.zip")), s.imported());
            assertEquals(1, http.hits("/nds/data.zip"));
            vm.importUrl(url, true, dir.resolve("c.db"));
            assertEquals(2, http.hits("/nds/data.zip"));

            String missing = http.url("/nds/missing.zip");
            Throwable[] failure = new Throwable[1];
            vm.importUrl(missing, false, dir.resolve("c.db")).onFailure(t -> failure[0] = t);
            assertEquals("cannot download " + missing + ": the server answered HTTP 404 (no such file on the server)",
                    failure[0].getMessage());
            assertFalse(vm.importing.get());
            assertEquals(List.of("ResNet", "Vanilla"), vm.sweepNames());
        }
    }

    @Test
    void aDroppedLinkIsImportedAndOtherTextIsNot() {
        List<String> urls = new ArrayList<>();
        DropImport drop = new DropImport(p -> { }, urls::add);
        assertTrue(drop.dropUrl(" https://dl.fbaipublicfiles.com/nds/data.zip\n"));
        assertFalse(drop.dropUrl("file:///tmp/data.zip"));
        assertFalse(drop.dropUrl("just some text"));
        assertEquals(List.of("https://dl.fbaipublicfiles.com/nds/data.zip"), urls);
    }

    @Test
    void theTwoBundledDataSetsCollideAndTheGuiOffersReplaceOrANewNameWithoutFlags() throws Exception {
        Path db = dir.resolve("c.db");
        vm.importPaths(List.of(Path.of("sample-data/nds-mini")), db);
        Path study = Path.of("sample-data/study/ResNet.json");
        ImportReport[] out = new ImportReport[1];
        vm.importPaths(List.of(study), db).onSuccess(i -> out[0] = i.report());
        ImportSummary s = ImportSummary.of(out[0]);
        assertEquals(1, s.collisions().size());
        NameCollision c = s.collisions().get(0);
        assertEquals("ResNet.json", c.fileName());
        assertFalse(s.rejected().contains("--replace") || s.rejected().contains("Fix the field"), s.rejected());
        assertTrue(s.rejected().contains("import it as a new sweep under another name"), s.rejected());
        assertTrue(s.headline().endsWith("1 with the name of an earlier import"), s.headline());

        String name = NameCollision.suggestName(c.fileName(), n -> vm.session.get().sourceTaken(n));
        assertEquals("ResNet_2.json", name);
        vm.importAgain(List.of(study), java.util.Map.of(c.input(), name), db).onSuccess(i -> out[0] = i.report());
        assertEquals(ImportReport.Outcome.IMPORTED, out[0].sources().get(0).outcome(), out[0].sources().get(0).message());
        assertTrue(vm.sweepNames().containsAll(List.of("ResNet", "ResNet_2", "Vanilla")), vm.sweepNames().toString());

        vm.importAgain(List.of(study), java.util.Map.of(c.input(), ""), db).onSuccess(i -> out[0] = i.report());
        assertEquals(ImportReport.Outcome.IMPORTED, out[0].sources().get(0).outcome(), out[0].sources().get(0).message());
        assertEquals("DARTS_2_in.json", NameCollision.suggestName("DARTS_in.json", n -> false));
        assertEquals("My_name.json", NameCollision.asFileName(" My_name "));
    }

    /** Issue 21 item 4: a URL whose file has the name of an earlier import offers the same choices as a file. */
    @Test
    void aDownloadWithTheNameOfAnEarlierImportOffersReplaceANewNameOrSkip() throws Exception {
        Path db = dir.resolve("c.db");
        vm.importPaths(List.of(Path.of("sample-data/nds-mini")), db);
        try (LocalHttp http = new LocalHttp().file("/study/ResNet.json",
                Files.readAllBytes(Path.of("sample-data/study/ResNet.json")))) {
            String url = http.url("/study/ResNet.json");
            CatalogViewModel.Imported[] out = new CatalogViewModel.Imported[1];
            vm.importUrl(url, false, db).onSuccess(i -> out[0] = i);
            ImportSummary s = ImportSummary.of(out[0].report());
            assertEquals(1, s.collisions().size());
            NameCollision c = s.collisions().get(0);
            assertEquals(url, c.input());
            assertEquals("ResNet.json", c.fileName());
            assertEquals("ResNet.json (downloaded) has the name of a file imported before", c.header());
            assertTrue(c.question().contains("the downloaded ResNet.json (from \"" + url + "\")"), c.question());
            assertFalse(c.question().contains("--replace") || s.rejected().contains("--replace"), s.rejected());

            String name = NameCollision.suggestName(c.fileName(), n -> vm.session.get().sourceTaken(n));
            List<org.ndsw.app.ingest.Download.Result> downloads = out[0].report().downloads();
            vm.importDownloadedAgain(downloads, java.util.Map.of(c.input(), name), db).onSuccess(i -> out[0] = i);
            ImportReport.SourceResult r = out[0].report().sources().get(0);
            assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.message());
            assertEquals(url, r.input());
            assertTrue(vm.sweepNames().contains("ResNet_2"), vm.sweepNames().toString());

            vm.importDownloadedAgain(downloads, java.util.Map.of(c.input(), ""), db).onSuccess(i -> out[0] = i);
            assertEquals(ImportReport.Outcome.IMPORTED, out[0].report().sources().get(0).outcome());
            // Skipping is leaving the input out of the choices: nothing is imported.
            vm.importDownloadedAgain(downloads, java.util.Map.of(), db).onSuccess(i -> out[0] = i);
            assertTrue(out[0].report().sources().isEmpty());
            assertEquals(1, http.hits("/study/ResNet.json"), "the choice re-reads the download");
        }
    }

    /** Issue 21 item 7: the optimizer settings wrap between settings, never inside a word. */
    @Test
    void theOptimizerSettingsBreakBetweenSettings() {
        assertEquals("{\"base_lr\":0.1, \"lr_policy\":\"cos\", \"wd\":5.0E-4}",
                DetailsPane.breakable("{\"base_lr\":0.1,\"lr_policy\":\"cos\",\"wd\":5.0E-4}"));
        assertEquals("—", DetailsPane.breakable(null));
    }
}
