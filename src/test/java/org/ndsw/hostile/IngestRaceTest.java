package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.Records;

/** The same file imported twice at the same moment, as two `ndsw import` processes would (two connections). */
class IngestRaceTest {
    @TempDir Path dir;

    @Test
    void theSameFileImportedTwiceAtOnceIsImportedOnceAndUnchangedOnce() throws Exception {
        Path f = dir.resolve("ResNet.json");
        Files.writeString(f, Records.list(Records.many(3000)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Path db = dir.resolve("c" + round + ".db");
                Catalog.openOrCreate(db).close();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ImportReport.SourceResult>> both = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    both.add(pool.submit(() -> {
                        try (Catalog c = Catalog.openOrCreate(db)) {
                            start.await(10, TimeUnit.SECONDS);
                            return new ImportService(c).importPaths(List.of(f), ImportService.Options.DEFAULT,
                                    ProgressSink.NONE).sources().get(0);
                        }
                    }));
                }
                List<ImportReport.Outcome> outcomes = new ArrayList<>();
                for (Future<ImportReport.SourceResult> r : both) {
                    ImportReport.SourceResult s = r.get(60, TimeUnit.SECONDS);
                    outcomes.add(s.outcome());
                    if (s.outcome() == ImportReport.Outcome.UNCHANGED) {
                        assertEquals("already imported, unchanged (sweep ResNet)", s.message());
                    }
                }
                outcomes.sort(null);
                assertEquals(List.of(ImportReport.Outcome.IMPORTED, ImportReport.Outcome.UNCHANGED), outcomes,
                        "round " + round);
                try (Catalog c = Catalog.openOrCreate(db)) {
                    assertEquals(1, c.sweeps().size());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
