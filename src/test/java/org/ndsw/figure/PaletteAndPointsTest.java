package org.ndsw.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PaletteAndPointsTest {
    @Test
    void paletteHasNoYellow() {
        for (int i = 0; i < 8; i++) {
            Color c = Palette.color(i);
            float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
            boolean yellowish = hsb[0] > 40 / 360f && hsb[0] < 70 / 360f && hsb[1] > 0.4f && hsb[2] > 0.7f;
            assertFalse(yellowish, "colour " + i + " is yellow: " + c);
        }
    }

    @Test
    void firstFiveCurvesDifferInDashPattern() {
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                float[] a = ((BasicStroke) Palette.stroke(i, 1f)).getDashArray();
                float[] b = ((BasicStroke) Palette.stroke(j, 1f)).getDashArray();
                assertFalse(Arrays.equals(a, b), "series " + i + " and " + j + " share a dash pattern");
            }
        }
    }

    @Test
    void thinningKeepsOnePointPerCellAndDropsUndrawable() {
        double[] x = {1, 1, 1.0000001, 10, -1, Double.NaN, 100};
        double[] y = {5, 5, 5, 6, 5, 5, 7};
        PointSeries p = PointSeries.thinned("p", x, y, new Bounds(1, 100), new Bounds(5, 7), true);
        assertArrayEquals(new double[] {1, 10, 100}, p.x());
        assertEquals(3, p.size());
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    @Test
    void thinningKeepsDistinctPointsOfA25kScatterBounded() {
        double[] p = SyntheticSets.params(25_000, 1);
        double[] e = SyntheticSets.errors(p, 0, 2);
        PointSeries t = PointSeries.thinned("t", p, e, new Bounds(0.015, 3), new Bounds(3, 20), true);
        assertTrue(t.size() < 25_000 && t.size() > 5_000, "kept " + t.size());
        assertNotEquals(0, t.size());
    }

    @Test
    void histogramCountsIncludeTheUpperEdgeAndSkipOutliers() {
        HistogramSeries h = HistogramSeries.of("h", new double[] {0, 0.5, 1, 1.5, 2, 2.5}, 2, new Bounds(0, 2));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {2, 3}, h.counts());
        assertTrue(h.edges()[2] == 2.0);
    }
}
