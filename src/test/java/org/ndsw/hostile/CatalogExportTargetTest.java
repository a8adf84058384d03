package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.app.catalog.ExportService;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.Records;

/** An export aimed at the catalogue it reads (a slip of `--out`) must not replace the catalogue. */
class CatalogExportTargetTest {
    @TempDir Path dir;

    @Test
    void exportingOverTheCatalogueOrItsWalOrALinkToItIsRefused() throws Exception {
        // Found: `ndsw export ResNet --format nds --out c.db --catalog c.db` replaced the catalogue with JSON.
        Path db = dir.resolve("c.db");
        Path f = Files.writeString(dir.resolve("ResNet.json"), Records.list(Records.many(3)));
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), db);
        try (Catalog c = Catalog.openOrCreate(db)) {
            new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT, ProgressSink.NONE);
            ExportService export = new ExportService(c);
            for (Path out : List.of(db, dir.resolve("c.db-wal"), link, dir.resolve("sub/../c.db"))) {
                String m = assertThrows(NdswException.class, () -> export.export("ResNet", ExportService.Format.NDS,
                        out)).getMessage();
                assertTrue(m.startsWith(out + ": that is the catalogue"), m);
                assertTrue(m.endsWith("exporting there would destroy it; choose another --out"), m);
            }
        }
        try (Catalog c = Catalog.openOrCreate(db)) {
            assertEquals(3, c.sweeps().get(0).runs());
        }
    }
}
