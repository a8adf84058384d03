package org.ndsw.app.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ndsw.NdswException;
import org.ndsw.app.compare.CompareFigure;
import org.ndsw.app.compare.CompareFigures;
import org.ndsw.app.compare.CompareOptions;
import org.ndsw.app.compare.CompareResult;
import org.ndsw.app.compare.CompareService;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.figure.EdfCurve;
import org.ndsw.figure.Figure;
import org.ndsw.figure.Figures;
import org.ndsw.figure.MeanCurve;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;
import org.ndsw.stats.KsResult;
import org.ndsw.stats.KsTest;
import org.ndsw.stats.PointVsDistribution;
import org.ndsw.stats.SampleSize;

/**
 * Builds each reproduced figure from the library. Windows and bin counts are the notebooks' (docs/reference/analysis.md); where
 * the paper and spec are silent (which spaces Figs. 2, 5 and 7 use, Fig. 5's window) the choice is stated in the
 * figure's notes. A figure that lacks data throws an {@link NdswException} saying what is missing.
 */
final class PaperFigures {
    /** The stage-wise spaces of Table 2, in the paper's order. */
    static final List<String> STAGE_WISE = List.of("Vanilla", "ResNet", "ResNeXt-A", "ResNeXt-B");
    /** The NAS cell spaces of Table 3, in the paper's order. */
    static final List<String> NAS = List.of("NASNet", "Amoeba", "PNAS", "ENAS", "DARTS");
    /** Largest random-search experiment, m = 2^12 models (a 25k-model sweep still gives 6 trials). */
    static final int SEARCH_POWER = 12;
    /** Sample-size analysis: n up to 2^14 (the reference size), 50 trials per n (docs/reference/analysis.md#sample-size). */
    static final int SAMPLE_POWER = 14;
    static final int SAMPLE_TRIALS = 50;

    private final NdsLibrary library;
    private final long seed;
    private final CompareService compare = new CompareService();

    PaperFigures(NdsLibrary library, long seed) {
        this.library = library;
        this.seed = seed;
    }

    /** Fig. 2: min of 100 vs min of 1,000 models of one space (5,000 trials), and the two samples' EDFs. */
    PaperFigure fig2() {
        RecordSet space = library.present(List.of("ResNet", "ResNeXt-A", "Vanilla")).stream().findFirst()
                .orElseThrow(() -> new NdswException("needs ResNet.json (or ResNeXt-A.json, Vanilla.json)"));
        double[] errors = space.error();
        if (errors.length < 1000) {
            throw new NdswException(space.label() + ".json has " + errors.length + " models, Fig. 2 needs 1,000");
        }
        PointVsDistribution.Result r = PointVsDistribution.run(errors, 5000, 100, 1000, seed);
        Figure a = Figures.minDifferenceHistogram("Fig. 2a: point comparison (" + space.label() + ")",
                String.format(Locale.ROOT, "min of 1,000 below min of 100 in %.1f%% of 5,000 trials",
                        100 * r.largeWinsFraction()), r.differences(), 50);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] small = sample(errors, 100, rng);
        double[] large = sample(errors, 1000, rng);
        KsResult ks = KsTest.twoSample(small, large);
        Figure b = Figures.edfOverlay("Fig. 2b: distribution comparison (" + space.label() + ")",
                String.format(Locale.ROOT, "KS D = %.3f, p = %.2f", ks.d(), ks.p()),
                List.of(EdfCurve.plain("B: 100 models", small, Double.NaN),
                        EdfCurve.plain("M: 1,000 models", large, ks.d())), null);
        List<String> numbers = List.of(
                String.format(Locale.ROOT, "- min of 1,000 below min of 100 in **%.1f%%** of 5,000 trials"
                        + " (paper: about 90%%)", 100 * r.largeWinsFraction()),
                String.format(Locale.ROOT, "- KS between the samples: D = **%.3f**, p = **%.2f** (%s; paper: D = 0.079,"
                        + " p = 0.60)", ks.d(), ks.p(), ks.method()));
        return new PaperFigure("Fig. 2", "Point vs distribution comparison", List.of(
                new PaperFigure.Panel("fig2a-min-difference", a), new PaperFigure.Panel("fig2b-edf-100-vs-1000", b)),
                numbers, List.of("space: " + space.label() + " (" + errors.length + " models; the first present of"
                        + " ResNet, ResNeXt-A, Vanilla), seed " + seed));
    }

    /** Draws k distinct values (partial Fisher-Yates over a copy). */
    static double[] sample(double[] values, int k, SplittableRandom rng) {
        double[] v = values.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(v.length - i);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Arrays.copyOf(v, k);
    }

    /** Fig. 3: ResNet vs Vanilla, plain and normalized by params (0.02, 0.856) and flops (0.008, 0.129), k = 40. */
    PaperFigure fig3() {
        List<RecordSet> sets = require(List.of("ResNet", "Vanilla"), 2);
        List<String> notes = new ArrayList<>();
        CompareResult plain = compare.compareSets(sets, options(null, null, 40, -1));
        CompareResult byParams = normalized(sets, Complexity.PARAMS, 0.02, 0.856, 40, -1, 2, notes);
        CompareResult byFlops = normalized(sets, Complexity.FLOPS, 0.008, 0.129, 40, -1, 2, notes);
        List<String> numbers = new ArrayList<>();
        numbers.add("Paper: more than 80% of ResNet models are under 8% error, about 15% of Vanilla models.");
        numbers.addAll(ReportTables.comparison("plain EDFs", plain));
        numbers.addAll(ReportTables.comparison("normalized by params", byParams));
        numbers.addAll(ReportTables.comparison("normalized by flops", byFlops));
        return new PaperFigure("Fig. 3", "ResNet vs Vanilla error EDFs, plain and normalized for complexity",
                List.of(panel("fig3a-edf", "Fig. 3a: error EDFs", plain),
                        panel("fig3b-edf-params", "Fig. 3b: normalized by params", byParams),
                        panel("fig3c-edf-flops", "Fig. 3c: normalized by flops", byFlops)), numbers, notes);
    }

    /** Fig. 5: random-search efficiency of the stage-wise spaces, normalized by params as in Fig. 6. */
    PaperFigure fig5() {
        List<String> notes = new ArrayList<>();
        List<RecordSet> sets = require(STAGE_WISE, 1);
        CompareResult r = normalized(sets, Complexity.PARAMS, 0.024, 0.856, 10, SEARCH_POWER, 1, notes);
        notes.add("spaces: the stage-wise spaces present; window and k of Fig. 6 (params (0.024, 0.856), k = 10),"
                + " as the spec gives none for Fig. 5; m = 2^0 .. 2^" + SEARCH_POWER + ", seed " + seed);
        return new PaperFigure("Fig. 5", "Random-search efficiency (mean ± 2σ of the best error of m models)",
                List.of(panel("fig5-random-search", "Fig. 5: random-search efficiency", r, CompareFigure.RANDOM_SEARCH)),
                ReportTables.randomSearch(r), notes);
    }

    /** Fig. 6: normalized EDFs of the stage-wise spaces, params (0.024, 0.856), k = 10. */
    PaperFigure fig6() {
        List<String> notes = new ArrayList<>();
        CompareResult r = normalized(require(STAGE_WISE, 2), Complexity.PARAMS, 0.024, 0.856, 10, -1, 2, notes);
        return new PaperFigure("Fig. 6", "Stage-wise design spaces, EDFs normalized by params",
                List.of(panel("fig6-edf-params", "Fig. 6: stage-wise spaces, normalized by params", r)),
                ReportTables.comparison("normalized by params", r), notes);
    }

    /** Fig. 7: sample-size analysis, mean KS D of n random models against 2^14 reference models. */
    PaperFigure fig7() {
        List<RecordSet> sets = require(STAGE_WISE, 1);
        List<MeanCurve> curves = new ArrayList<>();
        List<SampleSize.Result> results = new ArrayList<>();
        for (RecordSet s : sets) {
            SampleSize.Result r = SampleSize.analysis(s.error(), SAMPLE_POWER, SAMPLE_TRIALS, seed);
            results.add(r);
            curves.add(curve(s.label(), r));
        }
        Figure f = Figures.ksVsSampleSize("Fig. 7: KS D of n models vs a 2^14 reference",
                SAMPLE_TRIALS + " trials per n", curves);
        return new PaperFigure("Fig. 7", "Minimal sample size: KS D between n random models and a reference",
                List.of(new PaperFigure.Panel("fig7-sample-size", f)), ReportTables.sampleSize(sets, results),
                List.of("spaces: the stage-wise spaces present; reference 2^14 models (all when fewer), seed " + seed));
    }

    private static MeanCurve curve(String label, SampleSize.Result r) {
        double[] n = r.points().stream().mapToDouble(SampleSize.Point::n).toArray();
        double[] d = r.points().stream().mapToDouble(SampleSize.Point::meanD).toArray();
        return new MeanCurve(label, n, d, null);
    }

    /** Fig. 9: the NAS spaces, normalized by params (0.154, 0.856) and flops (0.027, 0.129), k = 20. */
    PaperFigure fig9() {
        List<String> notes = new ArrayList<>();
        List<RecordSet> sets = require(NAS, 2);
        CompareResult byParams = normalized(sets, Complexity.PARAMS, 0.154, 0.856, 20, -1, 2, notes);
        CompareResult byFlops = normalized(sets, Complexity.FLOPS, 0.027, 0.129, 20, -1, 2, notes);
        List<String> numbers = new ArrayList<>();
        numbers.add("Paper: DARTS best, NASNet and Amoeba worst; the largest KS D is 0.51 (DARTS vs NASNet).");
        numbers.addAll(ReportTables.comparison("normalized by params", byParams));
        numbers.add(ReportTables.largestD(byParams));
        numbers.addAll(ReportTables.comparison("normalized by flops", byFlops));
        numbers.add(ReportTables.largestD(byFlops));
        notes.add("flops are the files' stored values; NAS flops follow a counting rule that is not public"
                + " (docs/reference/complexity.md#nas-cells)");
        return new PaperFigure("Fig. 9", "NAS design spaces, EDFs normalized by params and by flops",
                List.of(panel("fig9a-nas-params", "Fig. 9a: NAS spaces, normalized by params", byParams),
                        panel("fig9b-nas-flops", "Fig. 9b: NAS spaces, normalized by flops", byFlops)), numbers, notes);
    }

    /** Fig. 10: random-search efficiency of the NAS spaces, normalized by params (0.154, 0.856), k = 20. */
    PaperFigure fig10() {
        List<String> notes = new ArrayList<>();
        CompareResult r = normalized(require(NAS, 1), Complexity.PARAMS, 0.154, 0.856, 20, SEARCH_POWER, 1, notes);
        notes.add("m = 2^0 .. 2^" + SEARCH_POWER + ", draws weighted by the normalized EDF, seed " + seed);
        return new PaperFigure("Fig. 10", "NAS random-search efficiency",
                List.of(panel("fig10-nas-random-search", "Fig. 10: NAS random-search efficiency", r,
                        CompareFigure.RANDOM_SEARCH)), ReportTables.randomSearch(r), notes);
    }

    /** Fig. 11: ResNeXt-A and ResNeXt-B against DARTS, with the NAS windows. */
    PaperFigure fig11() {
        List<String> notes = new ArrayList<>();
        List<RecordSet> sets = require(List.of("DARTS", "ResNeXt-A", "ResNeXt-B"), 2);
        CompareResult byParams = normalized(sets, Complexity.PARAMS, 0.154, 0.856, 20, -1, 2, notes);
        CompareResult byFlops = normalized(sets, Complexity.FLOPS, 0.027, 0.129, 20, -1, 2, notes);
        List<String> numbers = new ArrayList<>();
        numbers.add("Paper: ResNeXt-B is close to DARTS when normalized by params (D = 0.09).");
        numbers.addAll(ReportTables.comparison("normalized by params", byParams));
        numbers.addAll(ReportTables.comparison("normalized by flops", byFlops));
        return new PaperFigure("Fig. 11", "Standard (ResNeXt) vs NAS (DARTS) design spaces",
                List.of(panel("fig11a-resnext-darts-params", "Fig. 11a: ResNeXt vs DARTS, normalized by params",
                                byParams),
                        panel("fig11b-resnext-darts-flops", "Fig. 11b: ResNeXt vs DARTS, normalized by flops", byFlops)),
                numbers, notes);
    }

    private List<RecordSet> require(List<String> spaces, int atLeast) {
        List<RecordSet> sets = library.present(spaces);
        if (sets.size() < atLeast) {
            throw new NdswException("needs " + (atLeast == spaces.size() ? "all of " : "at least " + atLeast + " of ")
                    + String.join(", ", spaces.stream().map(s -> s + ".json").toList()) + "; found "
                    + (sets.isEmpty() ? "none" : String.join(", ", sets.stream().map(RecordSet::label).toList())));
        }
        return sets;
    }

    private CompareOptions options(Complexity c, ComplexityWindow window, int bins, int searchPower) {
        return new CompareOptions(ErrorMetric.BEST, c, bins, window, BinPolicy.STRICT, CompareOptions.DEFAULT_AREA_EPS,
                searchPower, seed);
    }

    /**
     * Compares the sets normalized in the given window; a set that cannot be normalized (complexity missing, empty
     * bins) is left out with a note. Fails when fewer than {@code atLeast} sets remain.
     */
    private CompareResult normalized(List<RecordSet> sets, Complexity c, double lo, double hi, int bins,
                                     int searchPower, int atLeast, List<String> notes) {
        ComplexityWindow window = new ComplexityWindow(lo, hi);
        List<RecordSet> usable = new ArrayList<>();
        for (RecordSet s : sets) {
            try {
                compare.compareSets(List.of(s), options(c, window, bins, -1));
                usable.add(s);
            } catch (NdswException e) {
                notes.add("left out of the " + c.field() + " comparison: " + e.getMessage());
            }
        }
        if (usable.size() < atLeast) {
            throw new NdswException("fewer than " + atLeast + " sets can be normalized by " + c.field() + " in ("
                    + lo + ", " + hi + "): " + String.join("; ", notes));
        }
        return compare.compareSets(usable, options(c, window, bins, searchPower));
    }

    private static PaperFigure.Panel panel(String stem, String title, CompareResult r) {
        return panel(stem, title, r, CompareFigure.EDF);
    }

    private static PaperFigure.Panel panel(String stem, String title, CompareResult r, CompareFigure kind) {
        return new PaperFigure.Panel(stem, CompareFigures.of(kind, r).withTitle(title));
    }
}
