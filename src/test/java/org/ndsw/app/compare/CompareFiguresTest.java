package org.ndsw.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.figure.Figure;
import org.ndsw.stats.BinPolicy;

/** The compare figures explain themselves: full EDF axis, and why a random-search curve stops. */
class CompareFiguresTest {
    private static RecordSet set(String label, int n, double worst) {
        double[] e = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 5 + (worst - 5) * Math.pow((double) i / (n - 1), 8);
            p[i] = 1e4 * (i + 1);
        }
        return new RecordSet(label, label + ".json", e, p, p.clone(), 0);
    }

    private static CompareResult compare(int power, RecordSet... sets) {
        return new CompareService().compareSets(List.of(sets), new CompareOptions(ErrorMetric.BEST, null,
                CompareOptions.DEFAULT_BINS, null, BinPolicy.STRICT, CompareOptions.DEFAULT_AREA_EPS, power, 0));
    }

    @Test
    void theEdfAxisReachesTheWorstModelSoEveryCurveEndsAtOne() {
        CompareResult r = compare(-1, set("A", 500, 79.6), set("B", 500, 40));
        Figure f = CompareFigures.of(CompareFigure.EDF, r);
        assertTrue(f.x().range().hi() >= 79.6, "axis ends at " + f.x().range().hi());
        assertTrue(f.x().range().lo() <= 5);
    }

    @Test
    void theRandomSearchSubtitleSaysWhereAndWhyACurveStops() {
        CompareResult r = compare(8, set("A", 100, 30), set("B", 300, 30));
        String subtitle = CompareFigures.of(CompareFigure.RANDOM_SEARCH, r).subtitle();
        assertTrue(subtitle.contains("2^P = 256") && subtitle.contains("A at m = 64 (n = 100)"), subtitle);
        assertTrue(!subtitle.contains("B at"), "B has 300 >= 256 models and reaches 2^P: " + subtitle);
        assertEquals(-1, CompareFigures.of(CompareFigure.RANDOM_SEARCH, compare(4, set("A", 100, 30)))
                .subtitle().indexOf("stops"));
    }
}
