package org.ndsw.app.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.RecordSet;
import org.ndsw.app.source.SourceReader;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.stats.ComplexityWindow;
import org.ndsw.stats.Edf;
import org.ndsw.stats.EdfArea;
import org.ndsw.stats.KsTest;
import org.ndsw.stats.NormalizedEdf;
import org.ndsw.stats.RandomSearch;
import org.ndsw.stats.WeightedEdf;

/**
 * Compares sets of trained models as the paper does (docs/reference/analysis.md): plain or complexity-normalized error EDFs,
 * summary numbers and EDF area per set, the KS test for every pair, and random-search curves on request.
 */
public final class CompareService {
    /** Reads the sources and compares them. */
    public CompareResult compare(List<SourceSpec> sources, CompareOptions options) {
        List<RecordSet> sets = new ArrayList<>();
        for (SourceSpec s : sources) {
            sets.add(SourceReader.read(s, options.error(), options.normalize()));
        }
        return compareSets(sets, options);
    }

    /** Compares sets already read. */
    public CompareResult compareSets(List<RecordSet> sets, CompareOptions options) {
        if (sets.isEmpty()) {
            throw new NdswException("compare needs at least one source");
        }
        checkLabels(sets);
        ComplexityWindow window = options.normalize() == null ? null : window(sets, options);
        List<SetResult> results = new ArrayList<>();
        for (RecordSet s : sets) {
            results.add(summarize(s, options, window));
        }
        List<PairResult> pairs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            for (int j = i + 1; j < results.size(); j++) {
                pairs.add(pair(results.get(i), results.get(j), window != null));
            }
        }
        Map<String, List<RandomSearch.Point>> search = new LinkedHashMap<>();
        if (options.randomSearchPower() >= 0) {
            for (SetResult r : results) {
                search.put(r.label(), RandomSearch.efficiency(r.edf(), options.randomSearchPower(), options.seed()));
            }
        }
        return new CompareResult(options, window, results, pairs, search);
    }

    private static void checkLabels(List<RecordSet> sets) {
        Set<String> seen = new HashSet<>();
        for (RecordSet s : sets) {
            if (!seen.add(s.label())) {
                throw new NdswException("two sources are labelled " + Quote.of(s.label()) + ": name them with NAME=PATH");
            }
            if (s.size() == 0) {
                throw new NdswException(s.source() + " holds no model with an error"
                        + (s.skipped() > 0 ? " (" + s.skipped() + " records have a NaN error)" : ""));
            }
        }
    }

    /**
     * The window of eq. 3-4: --range if given, else c_min = the largest of the sets' minimum complexities and
     * c_max = the paper's CIFAR value (0.856 M params, 0.129 B flops); bounds are strict.
     */
    static ComplexityWindow window(List<RecordSet> sets, CompareOptions options) {
        if (options.range() != null) {
            return options.range();
        }
        Complexity c = options.normalize();
        List<double[]> all = new ArrayList<>();
        for (RecordSet s : sets) {
            all.add(s.complexity(c));
        }
        double lo = ComplexityWindow.commonMin(all);
        double hi = c.cifarMax();
        if (!(lo < hi)) {
            throw new NdswException(String.format(Locale.ROOT, "default window is empty: c_min = %.4g %s (the largest"
                    + " of the sets' smallest %s) is not below the paper's c_max = %s; give --range LO,HI",
                    lo, c.unit(), c.field(), c.cifarMax()));
        }
        return new ComplexityWindow(lo, hi);
    }

    private static SetResult summarize(RecordSet s, CompareOptions options, ComplexityWindow window) {
        double[] errors = s.error();
        double[] params = s.complexity(Complexity.PARAMS);
        double[] flops = s.complexity(Complexity.FLOPS);
        int[] kept;
        WeightedEdf edf;
        int[] bins = null;
        if (window == null) {
            kept = new int[errors.length];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = i;
            }
            edf = WeightedEdf.uniform(errors);
        } else {
            NormalizedEdf n = normalized(s, errors, options, window);
            kept = n.kept();
            edf = n.edf();
            bins = n.binCounts();
        }
        double[] keptErrors = gather(errors, kept);
        Edf plain = Edf.of(keptErrors);
        return new SetResult(s.label(), s.source(), s.size(), s.skipped(), edf, keptErrors, gather(params, kept),
                gather(flops, kept), bins, plain.min(), plain.mean(), plain.median(),
                EdfArea.upTo(edf, options.areaEps()));
    }

    private static NormalizedEdf normalized(RecordSet s, double[] errors, CompareOptions options,
                                            ComplexityWindow window) {
        try {
            return NormalizedEdf.of(errors, s.complexity(options.normalize()), window, options.bins(),
                    options.binPolicy());
        } catch (NdswException e) {
            throw new NdswException(s.label() + ": " + e.getMessage(), e);
        }
    }

    private static PairResult pair(SetResult a, SetResult b, boolean normalized) {
        double weightedD = normalized ? KsTest.weighted(a.edf(), b.edf()).d() : Double.NaN;
        return new PairResult(a.label(), b.label(), KsTest.twoSample(a.keptErrors(), b.keptErrors()), weightedD);
    }

    private static double[] gather(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
