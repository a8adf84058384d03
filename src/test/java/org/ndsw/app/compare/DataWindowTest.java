package org.ndsw.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.RecordSet;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;

/** The window and k fitted to sets the paper's window does not fit. */
class DataWindowTest {
    /** n models with params spread evenly over [lo, hi] M, errors 5..10 %. */
    private static RecordSet set(String label, int n, double lo, double hi) {
        double[] e = new double[n];
        double[] p = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (lo + (hi - lo) * i / (n - 1)) * 1e6;
            f[i] = p[i] * 10;
            e[i] = 5 + 5.0 * i / n;
        }
        return new RecordSet(label, label + ".json", e, p, f, 0);
    }

    @Test
    void smallModelsLeaveThePaperWindowMostlyEmptyAndTheFitHasNoEmptyBin() {
        List<RecordSet> sets = List.of(set("A", 100, 0.01, 0.1), set("B", 100, 0.02, 0.09));
        ComplexityWindow paper = new ComplexityWindow(0.02, Complexity.PARAMS.cifarMax());
        assertTrue(DataWindow.emptyBins(sets, Complexity.PARAMS, paper, 20) >= 30, "most of 2 x 20 bins are empty");
        DataWindow fit = DataWindow.fit(sets, Complexity.PARAMS, 20);
        assertEquals(0.02, fit.window().lo(), 1e-12);
        assertTrue(fit.window().hi() > 0.09 && fit.window().hi() < 0.0900001, "c_max = the smallest set maximum");
        assertEquals(0, DataWindow.emptyBins(sets, Complexity.PARAMS, fit.window(), fit.bins()));
        CompareOptions o = new CompareOptions(org.ndsw.app.source.ErrorMetric.BEST, Complexity.PARAMS, fit.bins(),
                fit.window(), BinPolicy.STRICT, CompareOptions.DEFAULT_AREA_EPS, -1, 0);
        assertEquals(2, new CompareService().compareSets(sets, o).sets().size(), "the strict comparison now runs");
    }

    @Test
    void kShrinksUntilNoBinIsEmpty() {
        List<RecordSet> sets = List.of(set("A", 12, 0.01, 0.1));
        DataWindow fit = DataWindow.fit(sets, Complexity.PARAMS, 20);
        assertTrue(fit.bins() < 12, "12 models cannot fill 20 bins: k = " + fit.bins());
        assertEquals(0, DataWindow.emptyBins(sets, Complexity.PARAMS, fit.window(), fit.bins()));
    }

    @Test
    void disjointSetsHaveNoCommonWindow() {
        assertNull(DataWindow.fit(List.of(set("A", 10, 0.01, 0.02), set("B", 10, 0.5, 0.6)), Complexity.PARAMS, 20));
    }
}
