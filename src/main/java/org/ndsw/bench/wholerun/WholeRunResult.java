package org.ndsw.bench.wholerun;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ndsw.bench.Stopwatch;

/**
 * The rounds of a whole-run benchmark and their medians.
 *
 * @param options how it ran
 * @param cpu the processor
 * @param rounds every round's runs, in the order of {@link #sides()} (each run knows its position in its round)
 */
public record WholeRunResult(WholeRunOptions options, CpuInfo cpu, List<List<SideRun>> rounds) {
    /** Copies the lists. */
    public WholeRunResult {
        rounds = rounds.stream().map(List::copyOf).toList();
    }

    /** The sides: our engines, then "pytorch". */
    public List<String> sides() {
        return options.sides();
    }

    /** The runs of one side, round after round. */
    public List<SideRun> runs(String side) {
        return rounds.stream().flatMap(List::stream).filter(s -> s.side().equals(side)).toList();
    }

    /** The median over the rounds of one measure of one side. */
    public double median(String side, ToDoubleFunction<SideRun> measure) {
        return Stopwatch.median(runs(side).stream().mapToDouble(measure).toArray());
    }

    /** A side's median of a measure over the reference's median (e.g. our train img/s over PyTorch's). */
    public double ratio(String side, ToDoubleFunction<SideRun> measure) {
        return median(side, measure) / median(WholeRunBenchmark.PYTORCH, measure);
    }

    /** How a side ran (device and threads), from its first run. */
    public String device(String side) {
        return runs(side).get(0).device();
    }

    /** A side's versions, from its first run. */
    public String version(String side) {
        return runs(side).get(0).version();
    }
}
