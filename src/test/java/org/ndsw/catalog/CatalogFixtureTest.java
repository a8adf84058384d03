package org.ndsw.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogues written by schema versions 1 and 2 (src/test/resources/org/ndsw/catalog/) open and migrate. */
class CatalogFixtureTest {
    @TempDir Path dir;
    Path copy;

    @BeforeEach
    void copyFixture() throws Exception {
        copy = dir.resolve("catalog-v1.db");
        try (InputStream in = getClass().getResourceAsStream("catalog-v1.db")) {
            Files.copy(in, copy);
        }
    }

    @Test
    void versionOneOpensMigratesAndAnswersQueries() {
        try (Catalog c = Catalog.open(copy)) {
            assertEquals(Schema.latest(), c.info().schemaVersion());
            assertEquals(List.of("DARTS_reruns/mid", "DARTS_reruns/top", "ResNet", "sampled-demo"),
                    c.sweeps().stream().map(SweepSummary::name).toList());
            assertEquals(20, c.info().runs());
            QueryResult r = c.query(new ModelQuery(List.of(), QueryText.where("net.ds[0]=1 and status=done"),
                    QueryText.sort("-error"), 5, 0));
            assertEquals(13, r.total());
            assertEquals(1, c.query(new ModelQuery(List.of("sampled-demo"), QueryText.where("status=failed"), List.of(),
                    0, 0)).total());
            List<StoredRun> runs = new ArrayList<>();
            c.forEachStoredRun("sampled-demo", runs::add);
            assertEquals(9.5, runs.get(0).data().curves().testEpTop1()[2]);
            assertEquals(1, c.errors("sampled-demo", ErrorKind.BEST).size());
        }
    }

    @Test
    void versionOneRunsGainTheSchedulingColumnsAndAreNeverClaimed() {
        try (Catalog c = Catalog.open(copy)) {
            RunQueue q = c.runQueue();
            List<SweepRun> runs = q.runs("sampled-demo");
            assertEquals(2, runs.size());
            assertEquals(0, runs.get(0).attempts());
            assertEquals(3, runs.get(0).epochs());
            assertEquals(null, runs.get(1).failure());
            assertTrue(q.claimNext("sampled-demo", new Owner("t", "h", 1)).isEmpty());
            assertTrue(!q.stopRequested("ResNet"));
        }
    }

    @Test
    void versionTwoFileOpensWithItsTrainedSweep() throws Exception {
        Path v2 = dir.resolve("catalog-v2.db");
        try (InputStream in = getClass().getResourceAsStream("catalog-v2.db")) {
            Files.copy(in, v2);
        }
        try (Catalog c = Catalog.open(v2)) {
            RunQueue q = c.runQueue();
            List<SweepRun> runs = q.runs("trained-demo");
            assertEquals(List.of(RunStatus.DONE, RunStatus.RUNNING, RunStatus.QUEUED),
                    runs.stream().map(SweepRun::status).toList());
            assertEquals(List.of(2, 1, 0), runs.stream().map(SweepRun::epochs).toList());
            assertEquals("fixture-token", q.ticket(runs.get(1).id()).owner());
            assertEquals(List.of(1), q.releaseStale("trained-demo", "host-a", pid -> false, 60_000, 5));
            assertEquals(1, q.claimNext("trained-demo", new Owner("t", "h", 1)).orElseThrow().seq());
            assertEquals(1, c.errors("trained-demo", ErrorKind.BEST).size());
        }
    }

    @Test
    void aLaterStepIsAppliedToTheVersionOneFileKeepingItsData() throws Exception {
        String before = CatalogSnapshot.of(copy);
        Migration v2 = new Migration(2, "runs get a note", List.of("ALTER TABLE runs ADD COLUMN note TEXT",
                "UPDATE runs SET note = 'from v1'"));
        Catalog.openWith(copy, List.of(Schema.V1, v2)).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertEquals(2, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*), min(note) FROM runs")) {
                assertEquals(20, rs.getInt(1));
                assertEquals("from v1", rs.getString(2));
            }
        }
        assertTrue(!before.equals(CatalogSnapshot.of(copy)));
    }
}
