package org.ndsw.bench;

import java.util.List;
import java.util.function.ToLongFunction;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;

/**
 * Measures complexity evaluations per second on the calling thread, closed form and graph side by side.
 *
 * <p>Rounds alternate between the two paths so that machine noise hits both alike; each path reports the median of
 * its rounds. A checksum of the results is kept so the JIT cannot drop the work.
 */
public final class ComplexityBenchmark {
    private ComplexityBenchmark() {}

    /** Medians of evaluations per second for both paths. */
    public record Result(String space, int specs, int rounds, double closedFormMedian, double graphMedian,
            long checksum) {}

    /** Samples `specs` models (seed 0) and times `rounds` rounds of `roundSeconds` per path, after a warm-up. */
    public static Result run(DesignSpace space, int specs, int rounds, double roundSeconds) {
        List<ModelSpec> models = Sampler.sample(space, specs, 0L, false, s -> true, specs, "").models();
        ToLongFunction<ModelSpec> closed = s -> Complexities.cifar(s, Convention.NDS).flops();
        ToLongFunction<ModelSpec> graph = s -> Complexities.cifarFromGraph(s, Convention.NDS).flops();
        long sum = 0;
        sum += round(models, closed, roundSeconds)[1];
        sum += round(models, graph, roundSeconds)[1];
        double[] c = new double[rounds];
        double[] g = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long[] rc = round(models, closed, roundSeconds);
            long[] rg = round(models, graph, roundSeconds);
            c[i] = rc[0] * 1e9 / rc[2];
            g[i] = rg[0] * 1e9 / rg[2];
            sum += rc[1] + rg[1];
        }
        return new Result(space.name(), specs, rounds, Stopwatch.median(c), Stopwatch.median(g), sum);
    }

    /** One round: {evaluations, checksum, nanoseconds}. */
    private static long[] round(List<ModelSpec> models, ToLongFunction<ModelSpec> f, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        long sum = 0;
        long elapsed;
        do {
            for (int i = 0; i < models.size(); i++) {
                sum += f.applyAsLong(models.get(i));
            }
            n += models.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {n, sum, elapsed};
    }
}
