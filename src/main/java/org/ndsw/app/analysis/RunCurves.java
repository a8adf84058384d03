package org.ndsw.app.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.app.compare.CatalogSets;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.nds.NdsReader;
import org.ndsw.catalog.nds.NdsRecord;

/**
 * The per-epoch test and train curves of the best and worst runs of a set: from the records of an NDS JSON file
 * (`test_ep_top1`, `train_ep_top1`) or from the runs of a catalogue sweep. JSON Lines and CSV sources have none here.
 */
public final class RunCurves {
    /**
     * One run with its curves.
     *
     * @param rank 1 for the best run of the set (by error, ties in source order)
     * @param error the run's best-epoch top-1 error in %
     * @param test test top-1 error per epoch (may be null)
     * @param train train top-1 error per epoch (may be null)
     */
    public record Run(int rank, double error, double[] test, double[] train) {}

    /**
     * The k best and k worst runs of a set.
     *
     * @param total runs with an error and at least one curve
     */
    public record Extremes(List<Run> best, List<Run> worst, int total) {
        /** True if no run of the set has a curve. */
        public boolean empty() {
            return total == 0;
        }
    }

    private RunCurves() {}

    /** Reads the curves of a set named as {@code ndsw compare} names it; {@code catalog} may be null for a file. */
    public static Extremes read(String text, Catalog catalog, int k) {
        List<Run> runs = new ArrayList<>();
        if (CatalogSets.isCatalogSource(text)) {
            String rest = text.substring(text.indexOf(CatalogSets.PREFIX) + CatalogSets.PREFIX.length());
            catalog.forEachStoredRun(rest, r -> {
                if (r.status() == RunStatus.DONE && r.error() != null && Double.isFinite(r.error())) {
                    add(runs, r.error(), r.data().curves().testEpTop1(), r.data().curves().trainEpTop1());
                }
            });
        } else {
            SourceSpec spec = SourceSpec.parse(text);
            if (spec.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                readNds(spec, runs);
            }
        }
        return extremes(runs, k);
    }

    private static void readNds(SourceSpec spec, List<Run> runs) {
        String file = spec.path().toString();
        try (InputStream in = Files.newInputStream(spec.path()); NdsReader reader = new NdsReader(in, file)) {
            for (NdsRecord r = reader.next(); r != null; r = reader.next()) {
                boolean inGroup = spec.group() == null || spec.group().equals(r.group());
                if (inGroup && r.error() != null && Double.isFinite(r.error()) && r.curves() != null) {
                    add(runs, r.error(), r.curves().testEpTop1(), r.curves().trainEpTop1());
                }
            }
        } catch (IOException e) {
            throw new NdswException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void add(List<Run> runs, double error, double[] test, double[] train) {
        boolean hasTest = test != null && test.length > 0;
        boolean hasTrain = train != null && train.length > 0;
        if (hasTest || hasTrain) {
            runs.add(new Run(0, error, hasTest ? test : null, hasTrain ? train : null));
        }
    }

    /** Ranks the runs by error (stable) and keeps the k best and the k worst (fewer when the set is small). */
    static Extremes extremes(List<Run> runs, int k) {
        if (k < 1) {
            throw new NdswException("the number of best and worst runs must be at least 1, got " + k);
        }
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::error));
        int n = sorted.size();
        List<Run> best = new ArrayList<>();
        List<Run> worst = new ArrayList<>();
        for (int i = 0; i < Math.min(k, n); i++) {
            Run r = sorted.get(i);
            best.add(new Run(i + 1, r.error(), r.test(), r.train()));
        }
        for (int i = Math.max(Math.min(k, n), n - k); i < n; i++) {
            Run r = sorted.get(i);
            worst.add(new Run(i + 1, r.error(), r.test(), r.train()));
        }
        return new Extremes(best, worst, n);
    }
}
