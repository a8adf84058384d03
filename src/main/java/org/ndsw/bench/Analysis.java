package org.ndsw.bench;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;
import org.ndsw.stats.EdfArea;
import org.ndsw.stats.KsResult;
import org.ndsw.stats.KsTest;
import org.ndsw.stats.NormalizedEdf;
import org.ndsw.stats.RandomSearch;
import org.ndsw.stats.WeightedEdf;

/**
 * The benchmarked work, as a researcher comparing design spaces runs it: per set a normalized EDF (paper Fig. 3
 * window (0.02, 0.856) M params, 40 bins), its random-search curve up to m = 2^12 and its EDF area up to 10% error;
 * per pair the KS test on the kept errors (D and scipy's p) and D between the normalized EDFs.
 */
public final class Analysis {
    /** The paper's Fig. 3 params window in millions (docs/reference/analysis.md). */
    public static final ComplexityWindow WINDOW = new ComplexityWindow(0.02, 0.856);
    /** The paper's Fig. 3 bin count. */
    public static final int BINS = 40;
    /** The random-search curve runs to m = 2^12. */
    public static final int MAX_POWER = 12;
    /** The EDF area is taken up to this error in %. */
    public static final double AREA_EPS = 10.0;

    private Analysis() {}

    /**
     * What the analysis found, to check that Java and numpy did the same work.
     *
     * @param ksD KS D on kept errors, per pair (0,1), (0,2), ..., (1,2), ...
     * @param ksP scipy's p-value per pair
     * @param weightedD D between normalized EDFs per pair
     * @param areas EDF area per set
     * @param kept number of kept models per set
     * @param bestMean mean best error at the largest m, per set
     */
    public record Summary(List<Double> ksD, List<Double> ksP, List<Double> weightedD, List<Double> areas,
            List<Integer> kept, List<Double> bestMean) {
        /** Copies the lists. */
        public Summary {
            ksD = List.copyOf(ksD);
            ksP = List.copyOf(ksP);
            weightedD = List.copyOf(weightedD);
            areas = List.copyOf(areas);
            kept = List.copyOf(kept);
            bestMean = List.copyOf(bestMean);
        }
    }

    /** Runs the whole analysis on the sets. */
    public static Summary run(List<SyntheticSets.Set> sets, long seed) {
        List<NormalizedEdf> edfs = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            NormalizedEdf edf = NormalizedEdf.of(sets.get(s).errors(), sets.get(s).params(), WINDOW, BINS,
                    BinPolicy.STRICT);
            List<RandomSearch.Point> curve = RandomSearch.efficiency(edf.edf(), MAX_POWER, seed + s);
            edfs.add(edf);
            areas.add(EdfArea.upTo(edf.edf(), AREA_EPS));
            kept.add(edf.n());
            best.add(curve.get(curve.size() - 1).mean());
        }
        List<Double> ksD = new ArrayList<>();
        List<Double> ksP = new ArrayList<>();
        List<Double> weightedD = new ArrayList<>();
        for (int a = 0; a < edfs.size(); a++) {
            for (int b = a + 1; b < edfs.size(); b++) {
                WeightedEdf ea = edfs.get(a).edf();
                WeightedEdf eb = edfs.get(b).edf();
                KsResult ks = KsTest.twoSample(ea.errors(), eb.errors());
                ksD.add(ks.d());
                ksP.add(ks.p());
                weightedD.add(KsTest.weightedStatistic(ea, eb));
            }
        }
        return new Summary(ksD, ksP, weightedD, areas, kept, best);
    }
}
