package org.ndsw.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class MarkerBandTest {
    @Test
    void aBandIsAShadedIntervalBehindTheDataAndALineStaysALine() {
        Figure f = new Figure(FigureKind.SCATTER, "t", "", Axis.linear("x"), Axis.linear("y"),
                List.of(new PointSeries("", new double[] {1, 2}, new double[] {3, 4})),
                List.of(Marker.bandX(0.5, 1.5, "good"), Marker.atX(1, "best")), LegendPlacement.BOTTOM);
        JFreeChart chart = ChartBuilder.build(f, 9f);
        Collection<?> back = chart.getXYPlot().getDomainMarkers(Layer.BACKGROUND);
        Collection<?> front = chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        assertEquals(1, back.size());
        IntervalMarker band = (IntervalMarker) back.iterator().next();
        assertEquals(0.5, band.getStartValue());
        assertEquals(1.5, band.getEndValue());
        assertTrue(front.iterator().next() instanceof ValueMarker);
    }

    @Test
    void aBandNeedsOrderedFiniteEnds() {
        assertThrows(IllegalArgumentException.class, () -> Marker.bandX(2, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> Marker.bandX(0, Double.NaN, ""));
        assertTrue(!Marker.atX(1, "").band());
    }
}
