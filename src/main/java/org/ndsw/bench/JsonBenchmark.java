package org.ndsw.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.nds.JacksonNdsReader;
import org.ndsw.catalog.nds.NdsReader;
import org.ndsw.catalog.nds.NdsRecord;

/**
 * Times reading one generated NDS file into records with our byte lexer ({@link NdsReader}) and with Jackson's
 * streaming parser ({@link JacksonNdsReader}), alternating, and checks both read the same values.
 */
public final class JsonBenchmark {
    private JsonBenchmark() {}

    /**
     * What was measured.
     *
     * @param ours seconds per round of our lexer
     * @param jackson seconds per round of Jackson streaming
     */
    public record Result(int records, long bytes, List<Double> ours, List<Double> jackson) {
        /** Median seconds of our lexer. */
        public double oursMedian() {
            return Stopwatch.median(ours);
        }

        /** Median seconds of Jackson. */
        public double jacksonMedian() {
            return Stopwatch.median(jackson);
        }

        /** How many times faster our lexer is (Jackson median / our median). */
        public double ratio() {
            return jacksonMedian() / oursMedian();
        }
    }

    /** Generates `records` realistic records in `dir` and reads them `rounds` times with each parser. */
    public static Result run(int records, int rounds, Path dir, ProgressSink progress) {
        Path file = dir.resolve("ResNet.json");
        try {
            Files.createDirectories(dir);
            progress.update("generating " + records + " records", -1);
            ImportBenchmark.generate(file, records);
            long want = ours(file);
            if (jackson(file) != want) {
                throw new NdswException("the two parsers read different values from " + file);
            }
            List<Double> ours = new ArrayList<>();
            List<Double> jackson = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                progress.update(String.format(Locale.ROOT, "round %d of %d", i + 1, rounds), (double) i / rounds);
                if (i % 2 == 0) {
                    ours.add(time(() -> ours(file)));
                    jackson.add(time(() -> jackson(file)));
                } else {
                    jackson.add(time(() -> jackson(file)));
                    ours.add(time(() -> ours(file)));
                }
            }
            long bytes = Files.size(file);
            Files.delete(file);
            return new Result(records, bytes, ours, jackson);
        } catch (IOException e) {
            throw new NdswException("benchmark folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private interface Pass {
        long read() throws IOException;
    }

    private static double time(Pass pass) throws IOException {
        long t0 = System.nanoTime();
        pass.read();
        return Stopwatch.since(t0);
    }

    private static long ours(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                NdsReader r = new NdsReader(in, file.toString())) {
            long h = 0;
            for (NdsRecord rec = r.next(); rec != null; rec = r.next()) {
                h = h * 31 + digest(rec);
            }
            return h;
        }
    }

    private static long jackson(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JacksonNdsReader r = new JacksonNdsReader(in)) {
            long h = 0;
            for (NdsRecord rec = r.next(); rec != null; rec = r.next()) {
                h = h * 31 + digest(rec);
            }
            return h;
        }
    }

    /** A hash of the values a record carries, so both sides must read them all, exactly. */
    private static long digest(NdsRecord r) {
        long h = Double.doubleToLongBits(r.error()) ^ r.flops() ^ r.params() * 7 ^ r.net().hashCode();
        NdsRecord.Curves c = r.curves();
        for (double[] a : new double[][] {c.testEpTop1(), c.trainEpTop1(), c.trainEpLoss(), c.trainItLoss(),
            c.trainItTop1()}) {
            if (a != null) {
                for (double v : a) {
                    h = h * 31 + Double.doubleToLongBits(v);
                }
            }
        }
        return h * 31 + r.extra().hashCode();
    }
}
