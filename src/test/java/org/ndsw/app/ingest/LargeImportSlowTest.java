package org.ndsw.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.NdsTestFiles;
import org.ndsw.app.ProgressSink;
import org.ndsw.bench.SyntheticNds;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.CatalogSnapshot;
import org.ndsw.space.BuiltinSpaces;

/**
 * A file of hundreds of MB imports in a JVM with a 256 MB heap, and a killed import leaves the catalogue as it was.
 * Runs in the `slow` profile (about a minute).
 */
@Tag("slow")
class LargeImportSlowTest {
    @TempDir static Path dir;
    static Path big;

    @BeforeAll
    static void generate() throws Exception {
        big = dir.resolve("ResNet.json");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(big), 1 << 16)) {
            SyntheticNds.write(BuiltinSpaces.resolve("ResNet"), SyntheticNds.Options.realistic(25_000), 1, out);
        }
        assertTrue(Files.size(big) > 300_000_000L, "hundreds of MB");
    }

    private static Process ndsw(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.ndsw.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void aFileOfHundredsOfMegabytesImportsWithA256MegabyteHeap() throws Exception {
        Path db = dir.resolve("heap.db");
        Process p = ndsw("import", big.toString(), "--catalog", db.toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("sweep ResNet (space ResNet, cifar10): 25,000 runs"), out);
        assertEquals(25_000, CatalogSnapshot.count(db, "runs"));
    }

    @Test
    void aKilledImportLeavesTheCatalogueAsItWas() throws Exception {
        Path db = dir.resolve("kill.db");
        try (Catalog c = Catalog.openOrCreate(db)) {
            new ImportService(c).importPaths(List.of(NdsTestFiles.write(dir, "Vanilla.json", "Vanilla", 20, 3)),
                    ImportService.Options.DEFAULT, ProgressSink.NONE);
        }
        String before = CatalogSnapshot.of(db);
        Process p = ndsw("import", big.toString(), "--catalog", db.toString());
        Path wal = Path.of(db + "-wal");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!(Files.exists(wal) && Files.size(wal) > 20_000_000L) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the import must still be running when it is killed");
        p.destroyForcibly().waitFor();
        assertEquals(before, CatalogSnapshot.of(db));
        try (Catalog c = Catalog.open(db)) {
            assertEquals(List.of("Vanilla"), c.sweeps().stream().map(s -> s.name()).toList());
        }
    }
}
