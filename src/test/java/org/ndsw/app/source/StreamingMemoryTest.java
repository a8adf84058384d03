package org.ndsw.app.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.NdsFixtures;

/** A 25k-record NDS file with per-epoch and per-iteration curves is compared in a JVM with a 64 MB heap. */
class StreamingMemoryTest {
    private static final int RECORDS = 25_000;
    private static final int EPOCHS = 100;

    @TempDir Path dir;

    @Test
    void largeFileIsComparedWithin64MbOfHeap() throws Exception {
        Path file = writeLargeFile(dir.resolve("ResNet.json"));
        assertTrue(Files.size(file) > 64L << 20, "the file must exceed the heap, is " + Files.size(file));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx64m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.ndsw.cli.Main", "compare", file.toString(),
                "--error", "final", "--normalize", "params", "--range", "0.001,2.6", "--bins", "10");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ResNet") && l.contains(" " + RECORDS + " ")), out);
    }

    /** NDS records with 100-epoch test/train curves, a loss curve with NaN and 100 logged iterations each. */
    private static Path writeLargeFile(Path file) throws IOException {
        SplittableRandom rng = new SplittableRandom(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('[');
            for (int i = 0; i < RECORDS; i++) {
                String rec = NdsFixtures.record(i, NdsFixtures.model(rng, 0, EPOCHS));
                w.write(i == 0 ? "" : ", ");
                w.write(rec, 0, rec.length() - 1);
                w.write(", \"train_ep_top1\": ");
                curve(w, EPOCHS, rng);
                w.write(", \"train_it_loss\": ");
                curve(w, 100, rng);
                w.write('}');
            }
            w.write(']');
        }
        return file;
    }

    private static void curve(BufferedWriter w, int n, SplittableRandom rng) throws IOException {
        w.write('[');
        for (int k = 0; k < n; k++) {
            w.write(k == 0 ? "" : ", ");
            w.write(NdsFixtures.num(10 + 80 * rng.nextDouble()));
        }
        w.write(']');
    }
}
