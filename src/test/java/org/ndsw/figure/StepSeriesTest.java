package org.ndsw.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StepSeriesTest {
    /** Exact EDF value just after x: the cumulative weight after the last value equal to x. */
    private static double exactAfter(double[] sorted, double[] cum, double x) {
        double v = 0;
        for (int i = 0; i < sorted.length && sorted[i] <= x; i++) {
            v = cum[i];
        }
        return v;
    }

    @Test
    void reducedCurveHasExactStepValuesAtKeptPoints() {
        EdfCurve edf = FigureSamples.edfs(1, 25_000).get(0);
        double[] sorted = edf.sortedErrors();
        double[] cum = edf.cumulative();
        StepSeries s = StepSeries.reduce("a", sorted, cum, 2000);
        assertTrue(s.size() <= 2002 && s.size() > 1000, "kept " + s.size());
        double[] x = s.x();
        double[] y = s.y();
        for (int i = 0; i < x.length; i++) {
            assertEquals(exactAfter(sorted, cum, x[i]), y[i], 0.0, "step at " + x[i]);
        }
        assertEquals(sorted[0], x[0]);
        assertEquals(sorted[sorted.length - 1], x[x.length - 1]);
        assertEquals(1.0, y[y.length - 1], 1e-12);
    }

    @Test
    void drawnCurveNeverFallsMoreThanOneLevelBelowTheExactOne() {
        EdfCurve edf = FigureSamples.edfs(1, 25_000).get(0);
        double[] sorted = edf.sortedErrors();
        double[] cum = edf.cumulative();
        StepSeries s = StepSeries.reduce("a", sorted, cum, 2000);
        double[] x = s.x();
        double[] y = s.y();
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            while (k + 1 < x.length && x[k + 1] <= sorted[i]) {
                k++;
            }
            double drawn = x[k] <= sorted[i] ? y[k] : 0;
            double exact = exactAfter(sorted, cum, sorted[i]);
            assertTrue(exact - drawn <= 1.0 / 2000 + 1e-12, "gap " + (exact - drawn) + " at " + sorted[i]);
            assertTrue(drawn <= exact + 1e-12);
        }
    }

    @Test
    void tiesCollapseToOneStepWithTheWeightAfterTheLastTie() {
        double[] sorted = {1, 2, 2, 2, 3};
        double[] cum = {0.2, 0.4, 0.6, 0.8, 1.0};
        StepSeries s = StepSeries.reduce("t", sorted, cum, 2000);
        assertArrayEquals(new double[] {1, 2, 3}, s.x());
        assertArrayEquals(new double[] {0.2, 0.8, 1.0}, s.y());
    }

    @Test
    void aSmallCurveKeepsEveryStep() {
        double[] sorted = {4.1, 5.0, 5.5, 7.25};
        double[] cum = {0.1, 0.5, 0.6, 1.0};
        StepSeries s = StepSeries.reduce("s", sorted, cum, 2000);
        assertArrayEquals(sorted, s.x());
        assertArrayEquals(cum, s.y());
    }

    @Test
    void staircaseStartsAtZeroAndEndsFlatAtTheExtent() {
        StepSeries s = StepSeries.reduce("s", new double[] {1, 2}, new double[] {0.5, 1}, 10).extendedTo(0, 3);
        double[][] p = s.staircase();
        assertArrayEquals(new double[] {0, 1, 1, 2, 2, 3}, p[0]);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1, 1}, p[1]);
    }

    @Test
    void unsortedInputIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> StepSeries.reduce("u", new double[] {2, 1}, new double[] {0.5, 1}, 10));
    }

    @Test
    void weightedCurveKeepsItsOwnTotal() {
        double[] sorted = new double[100];
        double[] cum = new double[100];
        double total = 0;
        for (int i = 0; i < 100; i++) {
            sorted[i] = i;
            total += (i % 2 == 0) ? 0.015 : 0.005;
            cum[i] = total;
        }
        StepSeries s = StepSeries.reduce("w", sorted, cum, 10);
        double[] y = s.y();
        assertEquals(total, y[y.length - 1], 1e-12);
        assertTrue(s.size() <= 12, Arrays.toString(s.x()));
    }
}
