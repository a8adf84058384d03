package org.ndsw.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.bench.ImportBenchmark;
import org.ndsw.cli.ConsoleProgress;
import org.ndsw.cli.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw bench import`: our NDS import against Python's json.load + sqlite3, side by side. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
    "Generate an NDS file of realistic records (100 epochs, 200 logged iterations, float32 values) and import it "
    + "with ndsw and with Python's json.load + sqlite3 executemany (docs/bench/import_python.py, the NNI pattern), "
    + "alternating, then print medians and their ratio."})
final class BenchImportCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--records", defaultValue = "25000", description = "Records in the file. Default: ${DEFAULT-VALUE}.")
    int records;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds per side. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python interpreter. Default: ${DEFAULT-VALUE}.")
    String python;

    @Option(names = "--fresh-jvm", description = "Run our import as a new `ndsw import` process each round (JVM start and"
            + " JIT included) instead of in this JVM after a warm-up import.")
    boolean freshJvm;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working folder (needs ~1 GB). Default: a temporary folder.")
    Path dir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public void run() {
        Path work = dir != null ? dir : temp();
        ImportBenchmark.Result r = ImportBenchmark.run(new ImportBenchmark.Options(records, rounds, python, freshJvm,
                work), ConsoleProgress.on(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("records", r.records());
            o.put("bytes", r.bytes());
            o.put("mode", r.mode());
            r.ours().forEach(o.putArray("ndsw_seconds")::add);
            r.python().forEach(o.putArray("python_seconds")::add);
            o.put("ndsw_median", r.oursMedian());
            o.put("python_median", r.pythonMedian());
            o.put("ratio", r.ratio());
            r.oursCpu().forEach(o.putArray("ndsw_cpu_seconds")::add);
            r.pythonCpu().forEach(o.putArray("python_cpu_seconds")::add);
            o.put("cpu_ratio", r.cpuRatio());
            out.println(Json.pretty(o));
        } else {
            out.printf(Locale.ROOT, "file: %,d records, %.0f MB; ndsw %s; %d rounds, alternating%n", r.records(),
                    r.bytes() / 1e6, r.mode(), r.ours().size());
            out.printf(Locale.ROOT, "ndsw:   median %.2f s  %s%n", r.oursMedian(), r.ours());
            out.printf(Locale.ROOT, "python: median %.2f s  %s%n", r.pythonMedian(), r.python());
            out.printf(Locale.ROOT, "ratio python/ndsw: %.1fx (wall, medians)%n", r.ratio());
            if (!r.oursCpu().isEmpty()) {
                out.printf(Locale.ROOT, "cpu (user+sys): ndsw median %.2f s, python median %.2f s, ratio %.1fx%n",
                        r.oursCpuMedian(), r.pythonCpuMedian(), r.cpuRatio());
            }
        }
        out.flush();
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("ndsw-bench-import");
        } catch (java.io.IOException e) {
            throw new NdswException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }
}
