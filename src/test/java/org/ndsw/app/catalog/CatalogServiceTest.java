package org.ndsw.app.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.app.NdsTestFiles;
import org.ndsw.app.ProgressSink;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ErrorKind;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.catalog.nds.Records;

/** What `ndsw compare catalog:SWEEP` reads: one error per model, in %, with the recorded complexity. */
class CatalogServiceTest {
    @TempDir Path dir;

    @Test
    void errorsOfASweepAreTheRecordedErrorsInRecordOrder() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 25, 1);
        JsonNode recs = NdsJson.parse(Files.readString(f));
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT, ProgressSink.NONE);
            CatalogService.SweepErrors e = new CatalogService(c).errors("ResNet", ErrorKind.BEST);
            assertEquals("ResNet", e.sweep().name());
            assertEquals(25, e.models().size());
            for (int i = 0; i < 25; i++) {
                assertEquals(recs.get(i).get("min_test_top1").doubleValue(), e.errors()[i]);
                assertEquals(recs.get(i).get("params").doubleValue(), e.params()[i]);
                assertEquals(recs.get(i).get("flops").doubleValue(), e.flops()[i]);
            }
        }
    }

    @Test
    void seedsOfOneNetAreAveragedIntoOneModel() throws Exception {
        Path f = Files.writeString(dir.resolve("ResNet_rng1.json"), Records.list(List.of(Records.resnet56(6.0, 1),
                Records.resnet56(7.0, 2), Records.resnet56(8.5, 3))));
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT, ProgressSink.NONE);
            CatalogService.SweepErrors best = new CatalogService(c).errors("ResNet_rng1", ErrorKind.BEST);
            assertEquals(1, best.models().size());
            assertEquals(3, best.models().get(0).runs());
            assertArrayEquals(new double[] {(6.0 + 7.0 + 8.5) / 3}, best.errors(), 1e-12);
            assertArrayEquals(new double[] {855_770}, best.params());
            CatalogService.SweepErrors last = new CatalogService(c).errors("ResNet_rng1", ErrorKind.FINAL);
            assertArrayEquals(new double[] {(6.0 + 7.0 + 8.5) / 3}, last.errors(), 1e-12);
        }
    }

    @Test
    void anUnknownSweepIsAUserError() {
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            NdswException e = assertThrows(NdswException.class, () -> new CatalogService(c).errors("X", ErrorKind.BEST));
            assertTrue(e.getMessage().endsWith("has no sweep named \"X\" (list them with `ndsw sweeps`)"));
        }
    }

    @Test
    void deletingASweepRemovesItsRunsAndOnlyItsOwnModels() throws Exception {
        Path a = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 20, 1);
        Path b = NdsTestFiles.write(dir, "Vanilla.json", "Vanilla", 10, 2);
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            new ImportService(c).importPaths(List.of(a, b), ImportService.Options.DEFAULT, ProgressSink.NONE);
            CatalogService s = new CatalogService(c);
            s.deleteSweep("Vanilla");
            assertEquals(List.of("ResNet"), s.sweeps().stream().map(w -> w.name()).toList());
            assertEquals(20, s.info().runs());
            assertEquals(s.sweeps().get(0).models(), s.info().models());
            NdswException e = assertThrows(NdswException.class, () -> s.deleteSweep("Vanilla"));
            assertTrue(e.getMessage().contains("no sweep named \"Vanilla\""), e.getMessage());
        }
    }

    @Test
    void runDataGivesTheRecordedCurves() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 3, 1);
        JsonNode recs = NdsJson.parse(Files.readString(f));
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT, ProgressSink.NONE);
            CatalogService s = new CatalogService(c);
            var row = s.models(org.ndsw.catalog.ModelQuery.of("ResNet")).rows().get(1);
            var data = s.runData(row.run());
            JsonNode curve = recs.get(1).get("test_ep_top1");
            assertEquals(curve.size(), data.curves().testEpTop1().length);
            assertEquals(curve.get(4).doubleValue(), data.curves().testEpTop1()[4]);
            var fig = RunFigures.curves("ResNet #1", data.curves());
            assertEquals(org.ndsw.figure.FigureKind.CURVES, fig.kind());
            assertEquals(curve.size(), fig.series().get(0).size());
            assertEquals(org.ndsw.catalog.RunData.EMPTY, s.runData(-1));
        }
    }

    @Test
    void idsOfAQueryAreItsRowsInOrderAndRowsComeBackById() throws Exception {
        Path f = NdsTestFiles.write(dir, "ResNet.json", "ResNet", 40, 3);
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT, ProgressSink.NONE);
            CatalogService s = new CatalogService(c);
            var q = new org.ndsw.catalog.ModelQuery(List.of("ResNet"), org.ndsw.catalog.QueryText.where("error < 50"),
                    org.ndsw.catalog.QueryText.sort("-params"), 0, 0);
            var rows = s.models(q).rows();
            long[] ids = s.modelIds(q);
            assertArrayEquals(rows.stream().mapToLong(r -> r.run()).toArray(), ids);
            List<Long> some = List.of(ids[5], -7L, ids[0]);
            var back = s.rows(some);
            assertEquals(rows.get(5), back.get(0));
            assertEquals(null, back.get(1));
            assertEquals(rows.get(0), back.get(2));
        }
    }
}
