package org.ndsw.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
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

    /** Timings of both sides. */
    public record Result(int records, long bytes, String mode, List<Double> ours, List<Double> python) {
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
                ours(o, file, o.dir().resolve("warmup.db"));
            }
            List<Double> ours = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int i = 0; i < o.rounds(); i++) {
                progress.update(String.format(Locale.ROOT, "round %d of %d", i + 1, o.rounds()), (double) i / o.rounds());
                Path ourDb = o.dir().resolve("ours-" + i + ".db");
                Path pyDb = o.dir().resolve("python-" + i + ".db");
                if (i % 2 == 0) {
                    ours.add(ours(o, file, ourDb));
                    py.add(python(o, script, file, pyDb));
                } else {
                    py.add(python(o, script, file, pyDb));
                    ours.add(ours(o, file, ourDb));
                }
                deleteDb(ourDb);
                deleteDb(pyDb);
            }
            long bytes = Files.size(file);
            Files.delete(file);
            Files.delete(script);
            deleteDb(o.dir().resolve("warmup.db"));
            return new Result(o.records(), bytes, o.freshJvm() ? "fresh ndsw import process per round"
                    : "in-process after one warm-up import", ours, py);
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

    private static double ours(Options o, Path file, Path db) throws IOException {
        deleteDb(db);
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
        return Stopwatch.since(t0);
    }

    private static double python(Options o, Path script, Path file, Path db) throws IOException {
        deleteDb(db);
        long t0 = System.nanoTime();
        run(List.of(o.python(), script.toString(), file.toString(), db.toString()), "the Python baseline");
        return Stopwatch.since(t0);
    }

    private static void run(List<String> command, String what) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                throw new NdswException(what + " failed (" + String.join(" ", command) + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
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
