package org.ndsw.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.ndsw.bench.AnalyzeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw bench analyze`: the exact analysis of 25,000 models against a numpy version of pycls's get_filters. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = {
    "Time `ndsw analyze` (the exact bootstrap of the best model, every parameter's good range and distinct values) on "
    + "a synthetic set, alternating on the same data with bench/analyze_numpy.py, pycls's get_filters procedure in "
    + "numpy (B = 2,500). Also times the Java Monte-Carlo version with B = 2,500. Prints medians (goal: under 1 s "
    + "for 25,000 models with 30 parameters)."})
final class BenchAnalyzeCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--n", defaultValue = "25000", description = "Models. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--parameters", defaultValue = "30", description = "Parameters per model. Default: ${DEFAULT-VALUE}.")
    int parameters;

    @Option(names = "--rounds", defaultValue = "9", description = "Timed rounds of each side. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the data and draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with numpy. Default: ${DEFAULT-VALUE}.")
    String python;

    @Option(names = "--script", defaultValue = "bench/analyze_numpy.py", description = "Default: ${DEFAULT-VALUE}.")
    Path script;

    @Option(names = "--java-only", description = "Do not run numpy.")
    boolean javaOnly;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        var o = new AnalyzeBenchmark.Options(n, parameters, rounds, seed, javaOnly ? null : python, script);
        var r = AnalyzeBenchmark.run(o, line -> {
            out.println(line);
            out.flush();
        });
        out.printf(Locale.ROOT, "%,d models x %d parameters, %d rounds, %d threads available%n", n, parameters, rounds,
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "java exact          median %.4f s (cpu %.4f s)%n", r.exact(), r.exactCpu());
        out.printf(Locale.ROOT, "java from nets      median %.4f s (%,d ResNeXt-B specs, 21 parameters)%n",
                r.fromNets(), n);
        out.printf(Locale.ROOT, "java monte-carlo    median %.4f s (B = 2500)%n", r.monteCarlo());
        if (!javaOnly) {
            out.printf(Locale.ROOT, "numpy get_filters   median %.4f s (cpu %.4f s)%n", r.numpy(), r.numpyCpu());
            out.printf(Locale.ROOT, "ratio numpy / java exact: %.1fx%n", r.numpy() / r.exact());
        }
        out.flush();
    }
}
