package org.ndsw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.CatalogWriter;
import org.ndsw.catalog.ModelEntry;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.NewSweep;
import org.ndsw.catalog.QueryText;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunEntry;
import org.ndsw.catalog.RunStatus;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;

/**
 * Times typical catalogue queries (filter, sort, page, count) on a catalogue of 10^5 runs of distinct models.
 *
 * <p>The catalogue holds four sweeps of models sampled with seed 1 (ResNet, ResNeXt-B, DARTS, NASNet; a quarter
 * each) with exact complexity and synthetic errors. Each query runs once untimed, then `rounds` times; the median is
 * reported with the number of matching runs.
 */
public final class QueryBenchmark {
    /** The queries: a label, the sweep (empty = all), the --where text, the --sort text, the page size. */
    public static final List<String[]> QUERIES = List.of(
            new String[] {"one sweep, CIFAR window, best 50", "ResNet", "params<=0.856M and flops<=0.129B", "error", "50"},
            new String[] {"all sweeps, error < 10, largest 100", "", "error<10", "-params", "100"},
            new String[] {"depth of stage 2 (net.ds[2]=4), best 50", "", "net.ds[2]=4", "error", "50"},
            new String[] {"op in the normal cell, error < 12", "", "normal_ops has sep_conv_3x3 and error<12", "error", "50"},
            new String[] {"space + groups of stage 3, page 21", "", "space=ResNeXt-B and net.num_gs[3]>=4", "final_error", "50:1000"},
            new String[] {"complexity and error ranges, all sweeps", "", "params>=0.1M and params<1M and error>=10 and error<14",
                "flops", "50"});

    private QueryBenchmark() {}

    /** One query's timing. */
    public record Timing(String label, String where, String sort, long matches, double medianMillis, double maxMillis) {}

    /** All timings, with the catalogue's size and the time it took to build it. */
    public record Result(int runs, double buildSeconds, List<Timing> timings) {}

    /** Builds the catalogue at `file` (replacing it) and times the queries. */
    public static Result run(Path file, int runs, int rounds, ProgressSink progress) {
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new NdswException(file + ": cannot replace: " + e.getMessage(), e);
        }
        long t0 = System.nanoTime();
        try (Catalog c = Catalog.openOrCreate(file)) {
            progress.update("building a catalogue of " + runs + " runs", -1);
            build(c, runs);
            double build = Stopwatch.since(t0);
            List<Timing> out = new ArrayList<>();
            for (String[] q : QUERIES) {
                progress.update("timing: " + q[0], (double) out.size() / QUERIES.size());
                out.add(time(c, q, rounds));
            }
            return new Result(runs, build, out);
        }
    }

    private static Timing time(Catalog c, String[] q, int rounds) {
        String[] page = q[4].split(":");
        ModelQuery mq = new ModelQuery(q[1].isEmpty() ? List.of() : List.of(q[1]), QueryText.where(q[2]),
                QueryText.sort(q[3]), Integer.parseInt(page[0]), page.length > 1 ? Integer.parseInt(page[1]) : 0);
        long total = c.query(mq).total();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            c.query(mq);
            ms.add(Stopwatch.since(t) * 1e3);
        }
        return new Timing(q[0], q[2], q[3], total, Stopwatch.median(ms),
                ms.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static void build(Catalog c, int runs) {
        String[] spaces = {"ResNet", "ResNeXt-B", "DARTS", "NASNet"};
        c.write(w -> {
            SplittableRandom rng = new SplittableRandom(1);
            for (int s = 0; s < spaces.length; s++) {
                int n = runs / spaces.length + (s < runs % spaces.length ? 1 : 0);
                sweep(w, BuiltinSpaces.resolve(spaces[s]), n, rng);
            }
            return null;
        });
    }

    private static void sweep(CatalogWriter w, DesignSpace space, int n, SplittableRandom rng) {
        long id = w.createSweep(new NewSweep(space.name(), space.name(), "cifar10", "sampled",
                "{\"benchmark\":\"ndsw bench catalog\",\"seed\":1}", null, null, null, null, null, null));
        for (int i = 0; i < n; i++) {
            ModelSpec spec = space.sample(rng);
            ModelEntry m = ModelEntry.of(spec);
            double error = 4 + 20 * Math.pow(m.complexity().params() / 1e5, -0.4) + rng.nextGaussian();
            error = Math.max(1, Math.min(90, error));
            w.addRun(id, w.model(m), new RunEntry(i, 1L, RunStatus.DONE, error, Math.min(100, error + rng.nextDouble()),
                    100, m.complexity().flops(), m.complexity().params(), 0.1, 5e-4, 100, null, null, null, null, null,
                    null, RunData.EMPTY));
        }
    }
}
