package org.ndsw.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.space.SpecJson;

/** The catalogue file: pragmas, schema versions, transactions and concurrent use, on real SQLite files. */
class CatalogTest {
    @TempDir Path dir;

    static final String R56 = "{\"block_type\":\"res_basic_block\",\"ds\":[1,9,9,9],\"ss\":[1,1,2,2],\"ws\":[16,16,32,64]}";

    /** Writes one sweep with one run of ResNet-56 and returns the sweep id. */
    static long addResNet56(Catalog c, String sweep) {
        return c.write(w -> {
            long id = w.createSweep(new NewSweep(sweep, "ResNet", "cifar10", "sampled", "{}", null, null, null, null,
                    null, null));
            ModelEntry m = ModelEntry.of(SpecJson.parseNet(R56));
            w.addRun(id, w.model(m), new RunEntry(0, 1L, RunStatus.DONE, 6.97, 7.1, 100, m.complexity().flops(),
                    m.complexity().params(), 0.1, 5e-4, 100, null, null, null, null, null, null, RunData.EMPTY));
            return id;
        });
    }

    private static Object pragma(Path file, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.getObject(1);
        }
    }

    @Test
    void newCatalogueIsWalWithSchemaVersionAndApplicationId() throws Exception {
        Path f = dir.resolve("sub/folder/c.db");
        try (Catalog c = Catalog.openOrCreate(f)) {
            CatalogInfo i = c.info();
            assertEquals(Schema.latest(), i.schemaVersion());
            assertEquals("wal", i.journalMode());
            assertEquals(0, i.runs());
        }
        assertEquals("wal", pragma(f, "journal_mode"));
        assertEquals(Schema.latest(), ((Number) pragma(f, "user_version")).intValue());
        assertEquals(Schema.APPLICATION_ID, ((Number) pragma(f, "application_id")).intValue());
    }

    @Test
    void openDoesNotCreateAMissingFile() {
        Path f = dir.resolve("missing.db");
        NdswException e = assertThrows(NdswException.class, () -> Catalog.open(f));
        assertTrue(e.getMessage().startsWith("no catalogue at " + f), e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            NdswException e = assertThrows(NdswException.class, () -> c.write(w -> {
                w.addRun(42, 4242, new RunEntry(0, null, RunStatus.DONE, 5.0, null, null, 1L, 1L, null, null, null,
                        null, null, null, null, null, null, RunData.EMPTY));
                return null;
            }));
            assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
        }
    }

    @Test
    void failedWriteLeavesTheCatalogueAsItWas() throws Exception {
        Path f = dir.resolve("c.db");
        try (Catalog c = Catalog.openOrCreate(f)) {
            addResNet56(c, "A");
        }
        String before = CatalogSnapshot.of(f);
        try (Catalog c = Catalog.open(f)) {
            assertThrows(IllegalStateException.class, () -> c.write(w -> {
                addRunsTo(w, "B");
                throw new IllegalStateException("boom in the middle of a write");
            }));
            assertEquals(List.of("A"), c.sweeps().stream().map(SweepSummary::name).toList());
        }
        assertEquals(before, CatalogSnapshot.of(f));
    }

    private static void addRunsTo(CatalogWriter w, String sweep) {
        long id = w.createSweep(new NewSweep(sweep, "ResNet", "cifar10", "sampled", "{}", null, null, null, null, null, null));
        ModelEntry m = ModelEntry.of(SpecJson.parseNet(R56));
        for (int i = 0; i < 2000; i++) {
            w.addRun(id, w.model(m), new RunEntry(i, (long) i, RunStatus.DONE, 7.0, null, null, 1L, 1L, null, null,
                    null, null, null, null, null, null, null, RunData.EMPTY));
        }
    }

    @Test
    void aModelTrainedInTwoSweepsIsOneModelWithTwoRuns() {
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            addResNet56(c, "A");
            addResNet56(c, "B");
            CatalogInfo i = c.info();
            assertEquals(1, i.models());
            assertEquals(2, i.runs());
            assertEquals(2, i.sweeps());
        }
    }

    @Test
    void aSecondSweepOfTheSameNameIsRefused() {
        try (Catalog c = Catalog.openOrCreate(dir.resolve("c.db"))) {
            addResNet56(c, "A");
            NdswException e = assertThrows(NdswException.class, () -> addResNet56(c, "A"));
            assertTrue(e.getMessage().contains("already has a sweep named \"A\""), e.getMessage());
        }
    }

    @Test
    void deletingASweepRemovesItsRunsAndOrphanModels() throws Exception {
        Path f = dir.resolve("c.db");
        try (Catalog c = Catalog.openOrCreate(f)) {
            long a = addResNet56(c, "A");
            c.write(w -> {
                w.deleteSweep(a);
                return null;
            });
            CatalogInfo i = c.info();
            assertEquals(0, i.sweeps());
            assertEquals(0, i.models());
            assertEquals(0, i.runs());
        }
        assertEquals(0, CatalogSnapshot.count(f, "run_data"));
    }

    @Test
    void notACatalogueIsRefusedWithoutTouchingIt() throws Exception {
        Path f = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos (id INTEGER)");
        }
        long size = Files.size(f);
        NdswException e = assertThrows(NdswException.class, () -> Catalog.open(f));
        assertTrue(e.getMessage().contains("is a SQLite database but not an ndsw catalogue"), e.getMessage());
        assertEquals(size, Files.size(f));
        assertEquals(0, ((Number) pragma(f, "user_version")).intValue());
    }

    @Test
    void aTextFileIsNotADatabase() throws Exception {
        Path f = dir.resolve("notes.db");
        Files.writeString(f, "these are my notes, not a database, but long enough to look like a header ".repeat(10));
        NdswException e = assertThrows(NdswException.class, () -> Catalog.open(f));
        assertTrue(e.getMessage().contains("not a SQLite database") || e.getMessage().contains("not a database"),
                e.getMessage());
    }

    @Test
    void aCatalogueFromANewerVersionIsRefused() throws Exception {
        Path f = dir.resolve("c.db");
        Catalog.openOrCreate(f).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        NdswException e = assertThrows(NdswException.class, () -> Catalog.open(f));
        assertTrue(e.getMessage().contains("schema version 99, written by a newer ndsw"), e.getMessage());
    }

    @Test
    void migrationsRunInOrderAndAFailedOneLeavesTheFileAtItsVersion() throws Exception {
        Path f = dir.resolve("c.db");
        try (Catalog c = Catalog.openOrCreate(f)) {
            addResNet56(c, "A");
        }
        String before = CatalogSnapshot.of(f);
        Migration broken = new Migration(3, "a step that fails halfway", List.of(
                "ALTER TABLE runs ADD COLUMN note TEXT", "THIS IS NOT SQL"));
        NdswException e = assertThrows(NdswException.class,
                () -> Catalog.openWith(f, List.of(Schema.V1, Schema.V2, broken)).close());
        assertTrue(e.getMessage().contains("migration to schema version 3 (a step that fails halfway) failed, the file"
                + " is unchanged"), e.getMessage());
        assertEquals(before, CatalogSnapshot.of(f));
        Migration good = new Migration(3, "runs get a note", List.of("ALTER TABLE runs ADD COLUMN note TEXT"));
        Catalog.openWith(f, List.of(Schema.V1, Schema.V2, good)).close();
        assertEquals(3, ((Number) pragma(f, "user_version")).intValue());
    }

    @Test
    void readersSeeTheLastCommitWhileAnotherConnectionWrites() throws Exception {
        Path f = dir.resolve("c.db");
        try (Catalog writer = Catalog.openOrCreate(f); Catalog reader = Catalog.open(f)) {
            addResNet56(writer, "A");
            writer.write(w -> {
                addRunsTo(w, "B");
                w.flush();
                // Inside the open write transaction another connection still reads the committed state (WAL).
                assertEquals(List.of("A"), reader.sweeps().stream().map(SweepSummary::name).toList());
                return null;
            });
            assertEquals(List.of("A", "B"), reader.sweeps().stream().map(SweepSummary::name).toList());
        }
    }
}
