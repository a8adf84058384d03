package org.ndsw.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the whole design-space analysis ({@link Analysis}) in Java and, side by side, in numpy/scipy.
 *
 * <p>Run after {@code mvn -DskipTests package}:
 * {@code java -cp 'target/classes:target/lib/*' org.ndsw.bench.AnalysisBenchmark [--sets 5] [--n 25000]
 * [--repeats 9] [--seed 1] [--python /usr/bin/python3] [--script docs/bench/analysis_numpy.py] [--java-only]}.
 * The repeats alternate Java and numpy on the same data, so machine noise hits both; medians are reported, of wall
 * time (System.nanoTime / time.perf_counter) and of the CPU time of the working thread or process (ThreadMXBean /
 * time.process_time), which a busy shared machine disturbs less.
 */
public final class AnalysisBenchmark {
    /** Warm-up: at least this many untimed runs... */
    private static final int WARMUP_RUNS = 20;
    /** ...and at least this long, so the JIT has compiled the hot loops before timing. */
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private AnalysisBenchmark() {}

    /**
     * Per-repeat seconds of the Java analysis.
     *
     * @param sets the number of sets
     * @param n the number of models per set
     * @param seconds the wall-clock seconds of each timed repeat
     * @param medianSeconds the median of {@code seconds}
     * @param cpuSeconds the CPU seconds of the benchmark thread in each repeat
     * @param medianCpuSeconds the median of {@code cpuSeconds}
     */
    public record Result(int sets, int n, double[] seconds, double medianSeconds, double[] cpuSeconds,
            double medianCpuSeconds) {
        /** Copies the timings. */
        public Result {
            seconds = seconds.clone();
            cpuSeconds = cpuSeconds.clone();
        }

        /** Returns a copy of the per-repeat wall-clock seconds. */
        @Override
        public double[] seconds() {
            return seconds.clone();
        }

        /** Returns a copy of the per-repeat CPU seconds. */
        @Override
        public double[] cpuSeconds() {
            return cpuSeconds.clone();
        }
    }

    /** Generates the data from the seed, warms up, and times {@code repeats} runs of the Java analysis. */
    public static Result run(int sets, int n, int repeats, long seed) {
        List<SyntheticSets.Set> data = SyntheticSets.generate(sets, n, seed);
        warmUp(data, seed);
        double[] seconds = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            double[] t = timeJava(data, seed + r);
            seconds[r] = t[0];
            cpu[r] = t[1];
        }
        return new Result(sets, n, seconds, Stopwatch.median(seconds), cpu, Stopwatch.median(cpu));
    }

    /** Runs the benchmark from the command line, with numpy side by side unless {@code --java-only}. */
    public static void main(String[] args) {
        Options o = Options.parse(args);
        if (o.javaOnly) {
            Result r = run(o.sets, o.n, o.repeats, o.seed);
            System.out.printf(Locale.ROOT, "java median %.4f s (cpu %.4f s) over %d repeats %s%n",
                    r.medianSeconds(), r.medianCpuSeconds(), o.repeats, format(r.seconds()));
            return;
        }
        List<SyntheticSets.Set> data = SyntheticSets.generate(o.sets, o.n, o.seed);
        Path dir = tempDir();
        try {
            SyntheticSets.write(data, dir);
            sideBySide(o, data, dir);
        } finally {
            deleteTree(dir);
        }
    }

    /** Alternates timed Java and numpy runs on the same data and prints both medians and their ratio. */
    private static void sideBySide(Options o, List<SyntheticSets.Set> data, Path dir) {
        double[][] java = new double[2][o.repeats];
        double[][] numpy = new double[2][o.repeats];
        Analysis.Summary summary = warmUp(data, o.seed);
        try (NumpyProcess py = new NumpyProcess(o.python, Path.of(o.script), dir, o.seed)) {
            for (int r = 0; r < o.repeats; r++) {
                double[] t = timeJava(data, o.seed + r);
                java[0][r] = t[0];
                java[1][r] = t[1];
                double[] p = py.runOnce();
                numpy[0][r] = p[0];
                numpy[1][r] = p[1];
            }
            System.out.println("java summary:  " + summary);
            System.out.println("numpy summary: " + py.lastLine());
        }
        System.out.printf(Locale.ROOT, "sets %d x %d models, %d interleaved repeats, %d cores%n", o.sets, o.n,
                o.repeats, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "java  wall seconds %s%n", format(java[0]));
        System.out.printf(Locale.ROOT, "numpy wall seconds %s%n", format(numpy[0]));
        System.out.printf(Locale.ROOT, "java  cpu seconds  %s%n", format(java[1]));
        System.out.printf(Locale.ROOT, "numpy cpu seconds  %s%n", format(numpy[1]));
        double jm = Stopwatch.median(java[0]);
        double nm = Stopwatch.median(numpy[0]);
        double jc = Stopwatch.median(java[1]);
        double nc = Stopwatch.median(numpy[1]);
        System.out.printf(Locale.ROOT, "{\"java_median_seconds\": %.4f, \"numpy_median_seconds\": %.4f, \"ratio\": %.1f,"
                + " \"java_median_cpu_seconds\": %.4f, \"numpy_median_cpu_seconds\": %.4f, \"cpu_ratio\": %.1f}%n",
                jm, nm, nm / jm, jc, nc, nc / jc);
    }

    private static Analysis.Summary warmUp(List<SyntheticSets.Set> data, long seed) {
        Analysis.Summary summary = null;
        long start = System.nanoTime();
        for (int i = 0; i < WARMUP_RUNS || System.nanoTime() - start < WARMUP_NANOS; i++) {
            summary = Analysis.run(data, seed + i);
        }
        return summary;
    }

    /** Returns {wall seconds, CPU seconds of this thread} of one run. */
    private static double[] timeJava(List<SyntheticSets.Set> data, long seed) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Analysis.run(data, seed);
        double wall = Stopwatch.since(start);
        return new double[] {wall, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9};
    }

    private static String format(double[] seconds) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < seconds.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", seconds[i]));
        }
        return sb.append(']').toString();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ndsw-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Command-line options with the issue's defaults: 5 sets of 25,000 models. */
    private static final class Options {
        int sets = 5;
        int n = 25_000;
        int repeats = 9;
        long seed = 1;
        String python = "/usr/bin/python3";
        String script = "docs/bench/analysis_numpy.py";
        boolean javaOnly;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String flag = rest.remove(0);
                switch (flag) {
                    case "--sets" -> o.sets = Integer.parseInt(value(flag, rest));
                    case "--n" -> o.n = Integer.parseInt(value(flag, rest));
                    case "--repeats" -> o.repeats = Integer.parseInt(value(flag, rest));
                    case "--seed" -> o.seed = Long.parseLong(value(flag, rest));
                    case "--python" -> o.python = value(flag, rest);
                    case "--script" -> o.script = value(flag, rest);
                    case "--java-only" -> o.javaOnly = true;
                    default -> throw new IllegalArgumentException("unknown option " + flag
                            + " (options: --sets --n --repeats --seed --python --script --java-only)");
                }
            }
            return o;
        }

        private static String value(String flag, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return rest.remove(0);
        }
    }
}
