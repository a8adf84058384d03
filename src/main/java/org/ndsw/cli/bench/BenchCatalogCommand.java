package org.ndsw.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.bench.QueryBenchmark;
import org.ndsw.cli.ConsoleProgress;
import org.ndsw.cli.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw bench catalog`: query times on a catalogue of 10^5 runs. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = {
    "Build a catalogue of --runs runs (four sweeps of sampled models, synthetic errors) and time typical queries: "
    + "filters on sweep, space, complexity, error, structure of net and cell ops, sorted and paged (median of rounds)."})
final class BenchCatalogCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--runs", defaultValue = "100000", description = "Runs in the catalogue. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--rounds", defaultValue = "15", description = "Timed rounds per query. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--file", paramLabel = "FILE", description = "Catalogue to build (replaced). Default: a temporary file.")
    Path file;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public void run() {
        Path f = file != null ? file : temp();
        QueryBenchmark.Result r = QueryBenchmark.run(f, runs, rounds, ConsoleProgress.on(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("runs", r.runs());
            o.put("build_seconds", r.buildSeconds());
            ArrayNode a = o.putArray("queries");
            for (QueryBenchmark.Timing t : r.timings()) {
                a.addObject().put("label", t.label()).put("where", t.where()).put("sort", t.sort())
                        .put("matches", t.matches()).put("median_ms", t.medianMillis()).put("max_ms", t.maxMillis());
            }
            out.println(Json.pretty(o));
        } else {
            out.printf(Locale.ROOT, "catalogue of %,d runs built in %.1f s; median of %d rounds per query%n", r.runs(),
                    r.buildSeconds(), rounds);
            for (QueryBenchmark.Timing t : r.timings()) {
                out.printf(Locale.ROOT, "%8.1f ms (max %6.1f)  %,7d matches  %s: --where \"%s\" --sort %s%n",
                        t.medianMillis(), t.maxMillis(), t.matches(), t.label(), t.where(), t.sort());
            }
        }
        out.flush();
    }

    private static Path temp() {
        try {
            Path d = Files.createTempDirectory("ndsw-bench-catalog");
            return d.resolve("catalog.db");
        } catch (java.io.IOException e) {
            throw new NdswException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }
}
