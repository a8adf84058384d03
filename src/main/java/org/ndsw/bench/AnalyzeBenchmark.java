package org.ndsw.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.ndsw.NdswException;
import org.ndsw.analysis.AnalysisModel;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.analysis.Analyzer;
import org.ndsw.analysis.ParameterTable;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;

/**
 * Times {@code ndsw analyze}'s computation on synthetic sets and, alternating on the same data, a numpy version of
 * pycls's get_filters (bench/analyze_numpy.py). Medians of wall and CPU time; the Java side also times its
 * Monte-Carlo version with pycls's B = 2,500.
 */
public final class AnalyzeBenchmark {
    /** pycls's number of resamples. */
    static final int PYCLS_B = 2500;
    private static final long WARMUP_NANOS = 2_000_000_000L;

    private AnalyzeBenchmark() {}

    /**
     * What to run.
     *
     * @param n models per set
     * @param parameters parameters per model
     * @param rounds timed rounds of each side
     * @param seed seed of the data and of the Monte-Carlo draws
     * @param python the Python interpreter, or null for Java only
     * @param script the numpy script
     */
    public record Options(int n, int parameters, int rounds, long seed, String python, Path script) {
        /** Validates the sizes. */
        public Options {
            if (n < 1 || parameters < 1 || rounds < 1) {
                throw new NdswException("--n, --parameters and --rounds must be >= 1; got " + n + ", " + parameters
                        + ", " + rounds);
            }
        }
    }

    /**
     * Medians in seconds (NaN for numpy when not run).
     *
     * @param exact wall seconds of the exact analysis
     * @param exactCpu CPU seconds of the exact analysis
     * @param monteCarlo wall seconds of the Java Monte-Carlo version (B = 2,500)
     * @param numpy wall seconds of the numpy get_filters
     * @param numpyCpu CPU seconds of the numpy get_filters
     * @param fromNets wall seconds of the exact analysis from nets: parameters extracted from n ResNeXt-B specs
     *     (21 parameters, complexity computed in closed form), then the bootstrap
     */
    public record Result(double exact, double exactCpu, double monteCarlo, double numpy, double numpyCpu,
            double fromNets) {}

    /** Generates the data, warms up, and alternates the timed rounds; {@code log} gets one line per round. */
    public static Result run(Options o, Consumer<String> log) {
        SplittableRandom random = new SplittableRandom(o.seed());
        double[] errors = new double[o.n()];
        double[][] rows = new double[o.n()][];
        LinkedHashMap<String, double[]> columns = synthetic(random, errors, rows, o.parameters());
        ParameterTable table = ParameterTable.ofColumns(columns);
        AnalysisOptions exact = AnalysisOptions.DEFAULTS;
        AnalysisOptions mc = new AnalysisOptions(AnalysisOptions.DEFAULT_FRACTION, AnalysisOptions.DEFAULT_ALPHA,
                PYCLS_B, o.seed());
        long start = System.nanoTime();
        while (System.nanoTime() - start < WARMUP_NANOS) {
            Analyzer.analyze("bench", errors, table, exact);
            Analyzer.analyze("bench", errors, table, mc);
        }
        List<AnalysisModel> nets = nets(errors, o.seed());
        Analyzer.analyze("nets", nets, exact);
        double[][] t = new double[6][o.rounds()];
        Arrays.stream(t).forEach(a -> Arrays.fill(a, Double.NaN));
        try (NumpyProcess numpy = o.python() == null ? null : startNumpy(o, errors, rows)) {
            for (int r = 0; r < o.rounds(); r++) {
                double[] e = time(() -> Analyzer.analyze("bench", errors, table, exact));
                t[0][r] = e[0];
                t[1][r] = e[1];
                t[2][r] = time(() -> Analyzer.analyze("bench", errors, table, mc))[0];
                t[5][r] = time(() -> Analyzer.analyze("nets", nets, exact))[0];
                if (numpy != null) {
                    double[] p = numpy.runOnce();
                    t[3][r] = p[0];
                    t[4][r] = p[1];
                }
                log.accept(String.format(java.util.Locale.ROOT,
                        "round %d: exact %.4f s, from nets %.4f s, java monte-carlo %.4f s, numpy get_filters %.4f s",
                        r + 1, t[0][r], t[5][r], t[2][r], t[3][r]));
            }
        }
        return new Result(median(t[0]), median(t[1]), median(t[2]), median(t[3]), median(t[4]), median(t[5]));
    }

    /** One ResNeXt-B spec per error, without recorded complexity (so it is computed). */
    private static List<AnalysisModel> nets(double[] errors, long seed) {
        DesignSpace space = BuiltinSpaces.resolve("ResNeXt-B");
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<AnalysisModel> models = new ArrayList<>(errors.length);
        for (double e : errors) {
            models.add(new AnalysisModel(e, space.sample(random), Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        return models;
    }

    /** Errors and p parameters shaped like a stage-wise space: discrete choices, then continuous complexities. */
    private static LinkedHashMap<String, double[]> synthetic(SplittableRandom random, double[] errors,
            double[][] rows, int p) {
        int[] choices = {1, 2, 3, 4, 6, 8, 12, 16};
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            columns.put("p" + j, new double[errors.length]);
        }
        double[][] cols = columns.values().toArray(new double[0][]);
        for (int i = 0; i < errors.length; i++) {
            double e = 0;
            rows[i] = new double[p];
            for (int j = 0; j < p; j++) {
                double v = j < 2 * p / 3 ? choices[random.nextInt(choices.length)] : Math.exp(random.nextGaussian());
                cols[j][i] = v;
                rows[i][j] = v;
                e += j % 3 == 0 ? -0.05 * Math.log(v) : 0;
            }
            errors[i] = 8 + e + 0.5 * random.nextGaussian();
        }
        return columns;
    }

    private static NumpyProcess startNumpy(Options o, double[] errors, double[][] rows) {
        try {
            Path dir = Files.createTempDirectory("ndsw-bench-analyze");
            dir.toFile().deleteOnExit();
            Path e = dir.resolve("errors.f64");
            Path v = dir.resolve("values.f64");
            Files.write(e, bytes(errors));
            Files.write(v, bytes(Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray()));
            NumpyProcess server = new NumpyProcess(o.python(), o.script(), dir, o.seed());
            Files.delete(e);
            Files.delete(v);
            Files.delete(dir);
            return server;
        } catch (IOException ex) {
            throw new NdswException("cannot write the benchmark data: " + ex.getMessage(), ex);
        }
    }

    private static byte[] bytes(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return b.array();
    }

    /** Returns {wall seconds, CPU seconds of this thread} of one run. */
    private static double[] time(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - start;
        return new double[] {wall / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9};
    }

    /** The median (mean of the two middle values for an even count); NaN if any value is NaN. */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        if (Double.isNaN(s[s.length - 1])) {
            return Double.NaN;
        }
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }
}
