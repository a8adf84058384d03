package org.ndsw.cli.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.ndsw.bench.CompareRedrawBenchmark;
import org.ndsw.bench.Stopwatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw bench compare`: the work behind one redraw of the Compare panel, per control change. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = {
    "Time what the workbench's Compare panel does when a control changes: compare every set (EDFs, normalization, "
    + "KS tests, random search, areas), build the figure of every tab and draw the EDF chart at panel size.",
    "Synthetic sets, read once as the panel caches them; the changes cycle through normalization, bins and window. Prints "
    + "the median and the largest time of each change (goal: under 200 ms for 5 sets of 25,000 models)."})
final class BenchCompareCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--sets", defaultValue = "5", description = "Sets. Default: ${DEFAULT-VALUE}.")
    int sets;

    @Option(names = "--n", defaultValue = "25000", description = "Models per set. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--rounds", defaultValue = "9", description = "Timed rounds of all changes. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--random-search", defaultValue = "8", paramLabel = "P",
            description = "Random search to m = 2^P, as the panel's default. Default: ${DEFAULT-VALUE}.")
    int power;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic sets. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public void run() {
        if (sets < 1 || n < 2 || rounds < 1) {
            throw new org.ndsw.NdswException("--sets must be >= 1, --n >= 2 and --rounds >= 1; got " + sets + ", " + n
                    + ", " + rounds);
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        var r = CompareRedrawBenchmark.run(new CompareRedrawBenchmark.Options(sets, n, rounds, power, seed));
        out.printf(Locale.ROOT, "%d sets x %,d models, random search to 2^%d, %d rounds, %d threads available%n",
                sets, n, power, rounds, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-26s %10s %10s%n", "change", "median ms", "max ms");
        for (Map.Entry<String, double[]> e : r.seconds().entrySet()) {
            out.printf(Locale.ROOT, "%-26s %10.1f %10.1f%n", e.getKey(), 1e3 * Stopwatch.median(e.getValue()),
                    1e3 * Arrays.stream(e.getValue()).max().orElse(Double.NaN));
        }
        double[] all = r.all();
        out.printf(Locale.ROOT, "%-26s %10.1f %10.1f%n", "all changes", 1e3 * Stopwatch.median(all),
                1e3 * Arrays.stream(all).max().orElse(Double.NaN));
        out.flush();
    }
}
