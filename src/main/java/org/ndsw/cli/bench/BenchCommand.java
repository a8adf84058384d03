package org.ndsw.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.ndsw.bench.AnalysisBenchmark;
import org.ndsw.bench.ComplexityBenchmark;
import org.ndsw.cli.Json;
import org.ndsw.space.BuiltinSpaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** `ndsw bench`: benchmarks whose numbers the docs report. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {BenchCommand.ComplexityBench.class, BenchCommand.AnalysisBench.class,
            BenchImportCommand.class, BenchCatalogCommand.class, BenchGenerateCommand.class, TrainBenchCommand.class,
            BenchCompareCommand.class, BenchJsonCommand.class, BenchAnalyzeCommand.class,
            CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** `ndsw bench complexity`: closed-form vs graph complexity evaluations per second on one thread. */
    @Command(name = "complexity", mixinStandardHelpOptions = true,
            description = {"Complexity evaluations per second on one thread.", "",
                "Times the closed-form path and, side by side, building the network graph and counting it. Rounds"
                    + " alternate between the two; medians are reported.", ""})
    static final class ComplexityBench implements Runnable {
        @Spec CommandSpec spec;

        @Option(names = "--space", defaultValue = "ResNeXt-B", description = "Space to sample specs from. Default: ${DEFAULT-VALUE}.")
        String space;

        @Option(names = "--specs", defaultValue = "10000", description = "Distinct specs evaluated in turn. Default: ${DEFAULT-VALUE}.")
        int specs;

        @Option(names = "--rounds", defaultValue = "7", description = "Timed rounds per path. Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--round-seconds", defaultValue = "1.0", description = "Length of one round. Default: ${DEFAULT-VALUE}.")
        double roundSeconds;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public void run() {
            ComplexityBenchmark.Result r = ComplexityBenchmark.run(BuiltinSpaces.resolve(space), specs, rounds,
                    roundSeconds);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.put("space", r.space());
                o.put("specs", r.specs());
                o.put("rounds", r.rounds());
                o.put("closed_form_per_second", r.closedFormMedian());
                o.put("graph_per_second", r.graphMedian());
                o.put("ratio", r.closedFormMedian() / r.graphMedian());
                out.println(Json.pretty(o));
            } else {
                out.printf(Locale.ROOT, "space %s, %d specs, %d rounds of %.1f s per path, 1 thread%n", r.space(),
                        r.specs(), r.rounds(), roundSeconds);
                out.printf(Locale.ROOT, "closed form: %,.0f evaluations/s (median)%n", r.closedFormMedian());
                out.printf(Locale.ROOT, "graph:       %,.0f evaluations/s (median)%n", r.graphMedian());
                out.printf(Locale.ROOT, "ratio closed/graph: %.1fx%n", r.closedFormMedian() / r.graphMedian());
            }
            out.flush();
        }
    }

    /** `ndsw bench analysis`: the statistics of a 5 x 25,000-model comparison, Java and numpy side by side. */
    @Command(name = "analysis", mixinStandardHelpOptions = true,
            description = {"Normalized EDFs, pairwise KS tests, random search to m = 2^12 and EDF areas.", "",
                "For 5 sets of 25,000 synthetic models, alternating with docs/bench/analysis_numpy.py (the notebooks'"
                    + " procedure in numpy/scipy) on the same data; prints both medians and the ratio. Options:"
                    + " --sets N --n N --repeats R --seed S --python PATH --script PATH --java-only.", ""})
    static final class AnalysisBench implements Runnable {
        @CommandLine.Unmatched
        java.util.List<String> args = new java.util.ArrayList<>();

        @Override
        public void run() {
            org.ndsw.bench.AnalysisBenchmark.main(args.toArray(new String[0]));
        }
    }
}
