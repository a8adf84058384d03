package org.ndsw.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.cli.ConsoleProgress;
import org.ndsw.cli.Json;
import org.ndsw.bench.JsonBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw bench json`: our NDS byte lexer against Jackson's streaming parser on the same file. */
@Command(name = "json", mixinStandardHelpOptions = true, description = {
    "Generate an NDS file of realistic records (100 epochs, 200 logged iterations, float32 values) and read it into "
    + "records with our lexer and with Jackson's streaming parser (fast double parsing), alternating; print medians "
    + "and their ratio. Both must read the same values."})
final class BenchJsonCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--records", defaultValue = "25000", description = "Records in the file. Default: ${DEFAULT-VALUE}.")
    int records;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds per side. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working folder. Default: a temporary folder.")
    Path dir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public void run() {
        JsonBenchmark.Result r = JsonBenchmark.run(records, rounds, dir != null ? dir : temp(),
                ConsoleProgress.on(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("records", r.records());
            o.put("bytes", r.bytes());
            r.ours().forEach(o.putArray("ours_seconds")::add);
            r.jackson().forEach(o.putArray("jackson_seconds")::add);
            o.put("ours_median", r.oursMedian());
            o.put("jackson_median", r.jacksonMedian());
            o.put("ratio", r.ratio());
            out.println(Json.pretty(o));
        } else {
            out.printf(Locale.ROOT, "file: %,d records, %.0f MB; %d rounds, alternating%n", r.records(),
                    r.bytes() / 1e6, r.ours().size());
            out.printf(Locale.ROOT, "ours:    median %.3f s  %s%n", r.oursMedian(), r.ours());
            out.printf(Locale.ROOT, "jackson: median %.3f s  %s%n", r.jacksonMedian(), r.jackson());
            out.printf(Locale.ROOT, "ratio jackson/ours: %.2fx (wall, medians)%n", r.ratio());
        }
        out.flush();
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("ndsw-bench-json");
        } catch (java.io.IOException e) {
            throw new NdswException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }
}
