package org.ndsw.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.space.BuiltinSpaces;

/**
 * Times our import of an NDS file against Python's json.load + sqlite3 executemany (docs/bench/import_python.py,
 * the pattern of NNI's NDS importer) on the same generated file, interleaved, and reports medians and their ratio.
 *
 * <p>Our import runs either in this JVM after one untimed warm-up import (as in the GUI, or for the second and later
 * files of one `ndsw import`), or as a fresh `ndsw import` process per round (JVM start and JIT included). Python runs
 * as a process per round. Rounds alternate which side goes first.
 */
public final class ImportBenchmark {
    /** Resource holding the Python baseline (the build copies docs/bench/import_python.py there). */
    static final String SCRIPT = "/org/ndsw/app/bench/import_python.py";

    private ImportBenchmark() {}

    /**
     * What to run.
     *
     * @param records records in the generated file
     * @param rounds timed rounds per side
     * @param python the Python interpreter (Debian's /usr/bin/python3)
     * @param freshJvm run our import as a new `ndsw import` process each round instead of in this JVM
     * @param dir a folder for the file and catalogues (deleted content afterwards)
     */
    public record Options(int records, int rounds, String python, boolean freshJvm, Path dir) {}

    /**
     * Timings of both sides: wall seconds per round, and CPU seconds (user + system) where measured — ours only
     * in-process (this JVM's CPU, JIT and GC included), Python as the script reports it.
     */
    public record Result(int records, long bytes, String mode, List<Double> ours, List<Double> python,
            List<Double> oursCpu, List<Double> pythonCpu) {
        /** Median seconds of our import. */
        public double oursMedian() {
            return Stopwatch.median(ours);
        }

        /** Median seconds of the Python baseline. */
        public double pythonMedian() {
            return Stopwatch.median(python);
        }

        /** How many times faster our import is (Python median / our median). */
        public double ratio() {
            return pythonMedian() / oursMedian();
        }

        /** Median CPU seconds of our import, or NaN when not measured (fresh processes). */
        public double oursCpuMedian() {
            return oursCpu.isEmpty() ? Double.NaN : Stopwatch.median(oursCpu);
        }

        /** Median CPU seconds of the Python baseline. */
        public double pythonCpuMedian() {
            return Stopwatch.median(pythonCpu);
        }

        /** Python's median CPU seconds over ours, or NaN when ours was not measured. */
        public double cpuRatio() {
            return pythonCpuMedian() / oursCpuMedian();
        }
    }

    /** Generates the file, runs the rounds and cleans up. */
    public static Result run(Options o, ProgressSink progress) {
        try {
            Files.createDirectories(o.dir());
            Path file = o.dir().resolve("ResNet.json");
            Path script = o.dir().resolve("import_python.py");
            progress.update("generating " + o.records() + " records", -1);
            generate(file, o.records());
            copyScript(script);
            if (!o.freshJvm()) {
                ours(o, file, o.dir().resolve("warmup.db"), new ArrayList<>(), new ArrayList<>());
            }
            List<Double> ours = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            List<Double> oursCpu = new ArrayList<>();
            List<Double> pyCpu = new ArrayList<>();
            for (int i = 0; i < o.rounds(); i++) {
                progress.update(String.format(Locale.ROOT, "round %d of %d", i + 1, o.rounds()), (double) i / o.rounds());
                Path ourDb = o.dir().resolve("ours-" + i + ".db");
                Path pyDb = o.dir().resolve("python-" + i + ".db");
                if (i % 2 == 0) {
                    ours(o, file, ourDb, ours, oursCpu);
                    python(o, script, file, pyDb, py, pyCpu);
                } else {
                    python(o, script, file, pyDb, py, pyCpu);
                    ours(o, file, ourDb, ours, oursCpu);
                }
                deleteDb(ourDb);
                deleteDb(pyDb);
            }
            long bytes = Files.size(file);
            Files.delete(file);
            Files.delete(script);
            deleteDb(o.dir().resolve("warmup.db"));
            return new Result(o.records(), bytes, o.freshJvm() ? "fresh ndsw import process per round"
                    : "in-process after one warm-up import", ours, py, oursCpu, pyCpu);
        } catch (IOException e) {
            throw new NdswException("benchmark folder " + o.dir() + ": " + e.getMessage(), e);
        }
    }

    /** Writes `records` realistic ResNet records (100 epochs, 200 logged iterations, float32 values), seed 1. */
    static void generate(Path file, int records) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            SyntheticNds.write(BuiltinSpaces.resolve("ResNet"), SyntheticNds.Options.realistic(records), 1, out);
        }
    }

    private static void ours(Options o, Path file, Path db, List<Double> wall, List<Double> cpu) throws IOException {
        deleteDb(db);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        if (o.freshJvm()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            run(List.of(java, "-cp", System.getProperty("java.class.path"), "org.ndsw.cli.Main", "import", file.toString(),
                    "--catalog", db.toString()), "ndsw import");
        } else {
            try (Catalog c = Catalog.openOrCreate(db)) {
                ImportReport r = new ImportService(c).importPaths(List.of(file), ImportService.Options.DEFAULT,
                        ProgressSink.NONE);
                if (r.anyRejected()) {
                    throw new NdswException("benchmark import failed: " + r.sources().get(0).message());
                }
            }
        }
        wall.add(Stopwatch.since(t0));
        if (!o.freshJvm()) {
            cpu.add((processCpuNanos() - cpu0) / 1e9);
        }
    }

    private static void python(Options o, Path script, Path file, Path db, List<Double> wall, List<Double> cpu)
            throws IOException {
        deleteDb(db);
        long t0 = System.nanoTime();
        String out = run(List.of(o.python(), script.toString(), file.toString(), db.toString()), "the Python baseline");
        wall.add(Stopwatch.since(t0));
        String[] lines = out.strip().split("\n");
        cpu.add(NdsJson.parse(lines[lines.length - 1]).get("cpu_seconds").doubleValue());
    }

    /** CPU time of this JVM (all threads), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String run(List<String> command, String what) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                throw new NdswException(what + " failed (" + String.join(" ", command) + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new NdswException(what + " was interrupted", e);
        }
    }

    private static void copyScript(Path target) throws IOException {
        try (InputStream in = ImportBenchmark.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT + " (built from docs/bench/import_python.py)");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteDb(Path db) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
    }
}
