package org.ndsw.catalog;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.app.ProgressSink;
import org.ndsw.bench.SyntheticNds;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.SpecJson;

/**
 * Writes the fixture catalogue of a schema version (run once when the version is released, then never again):
 * {@code java -cp target/classes:target/test-classes:target/lib/* org.ndsw.catalog.FixtureCatalog OUT.db}.
 *
 * <p>It holds two imported files (a list file and a reruns file) and one sampled sweep with a failed run, so
 * migrations are tested on every kind of row. From version 2 on it also holds a trained sweep "trained-demo" with
 * three queued runs, one of them claimed with one epoch recorded and one done.
 */
public final class FixtureCatalog {
    private FixtureCatalog() {}

    /** Writes the fixture to args[0]. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.deleteIfExists(out);
        Path tmp = Files.createTempDirectory("fixture");
        Path resnet = write(tmp, "ResNet.json", "ResNet", 12, 1, List.of());
        Path darts = write(tmp, "DARTS_reruns.json", "DARTS", 3, 2, List.of("top", "mid"));
        try (Catalog c = Catalog.openOrCreate(out)) {
            new ImportService(c).importPaths(List.of(resnet, darts), ImportService.Options.DEFAULT, ProgressSink.NONE);
            c.write(w -> {
                long id = w.createSweep(new NewSweep("sampled-demo", "ResNet", "cifar10", "sampled",
                        "{\"space\":\"ResNet\",\"n\":2,\"seed\":7}", null, null, null, "{\"base_lr\":0.1}", null,
                        "{\"app\":\"fixture\"}"));
                ModelEntry m = ModelEntry.of(SpecJson.parseNet(CatalogTest.R56));
                RunData.Curves curves = new RunData.Curves(new double[] {50, 20, 9.5}, new double[] {60, 15, 5},
                        new double[] {2.0, 0.7, 0.3}, new double[] {1.9, 0.8, 0.35}, null, null);
                w.addRun(id, w.model(m), new RunEntry(0, 7L, RunStatus.DONE, 9.5, 9.5, 3, m.complexity().flops(),
                        m.complexity().params(), 0.1, 5e-4, 3, "djl-pytorch", "host-a", "2026-01-01T00:00:00Z",
                        "2026-01-01T00:10:00Z", 600.0, "{\"engine\":\"djl 0.36.0\"}",
                        new RunData("{\"base_lr\":0.1}", curves, null)));
                w.addRun(id, w.model(m), new RunEntry(1, 8L, RunStatus.FAILED, null, null, null, m.complexity().flops(),
                        m.complexity().params(), 0.1, 5e-4, 3, "djl-pytorch", "host-a", null, null, null, null,
                        RunData.EMPTY));
                return null;
            });
            if (Schema.latest() >= 2) {
                trainedSweep(c);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement s = c.createStatement()) {
            s.execute("VACUUM");
        }
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    private static void trainedSweep(Catalog c) {
        ModelEntry m = ModelEntry.of(SpecJson.parseNet(CatalogTest.R56));
        c.write(w -> {
            long id = w.createSweep(new NewSweep("trained-demo", "ResNet", "cifar10", "sampled",
                    "{\"name\":\"trained-demo\",\"space\":\"ResNet\",\"n\":1,\"seed\":7}", null, null, null,
                    "{\"base_lr\":0.1}", null, "{\"app\":\"fixture\"}"));
            for (int i = 0; i < 3; i++) {
                w.addQueuedRun(id, w.model(m), new RunEntry(i, (long) i + 1, RunStatus.QUEUED, null, null, 0,
                        m.complexity().flops(), m.complexity().params(), 0.1, 5e-4, 2, "djl", null, null, null, null,
                        null, RunData.EMPTY), m.hash() + "/" + (i + 1), "/fixture/trained-demo/run-" + i);
            }
            return null;
        });
        RunQueue q = c.runQueue();
        Owner owner = new Owner("fixture-token", "host-a", 1);
        RunClaim first = q.claimNext("trained-demo", owner).orElseThrow();
        RunData.Curves two = new RunData.Curves(new double[] {60, 40}, new double[] {70, 50}, new double[] {2, 1.5},
                new double[] {2.1, 1.6}, null, null);
        q.finish(first.runId(), first.token(), new RunEntry(0, 1L, RunStatus.DONE, 40.0, 40.0, 2,
                m.complexity().flops(), m.complexity().params(), 0.1, 5e-4, 2, "djl", "host-a", "2026-01-01T00:00:00Z",
                "2026-01-01T00:02:00Z", 120.0, "{}", new RunData("{\"base_lr\":0.1}", two, "{}")), null, null);
        RunClaim second = q.claimNext("trained-demo", owner).orElseThrow();
        q.recordEpochs(second.runId(), second.token(), 1, 65.0, 65.0, new RunData.Curves(new double[] {65},
                new double[] {72}, new double[] {2.2}, new double[] {2.3}, null, null));
    }

    private static Path write(Path dir, String name, String space, int n, long seed, List<String> groups) throws Exception {
        Path f = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(f)) {
            SyntheticNds.write(BuiltinSpaces.resolve(space), new SyntheticNds.Options(n, groups, 10, 5, 3, 1), seed, os);
        }
        return f;
    }
}
