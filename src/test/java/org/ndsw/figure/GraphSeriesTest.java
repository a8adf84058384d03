package org.ndsw.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph series: labelled nodes and edges drawn without axes, to PNG and SVG. */
class GraphSeriesTest {
    @TempDir Path dir;

    private static final GraphSeries G = new GraphSeries("", List.of(new GraphSeries.Node("in", 0, 0),
            new GraphSeries.Node("mid", 1, 1), new GraphSeries.Node("out", 2, 0)),
            List.of(new GraphSeries.Edge(0, 1, "sep_conv_3x3"), new GraphSeries.Edge(1, 2, "")));

    private static Figure figure() {
        return new Figure(FigureKind.MODEL, "cell", "", Axis.linear(""), Axis.linear(""), List.of(G), List.of(),
                LegendPlacement.NONE);
    }

    @Test
    void edgesMustNameExistingNodes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GraphSeries("",
                List.of(new GraphSeries.Node("a", 0, 0)), List.of(new GraphSeries.Edge(0, 1, "x"))));
        assertEquals("edge 0 -> 1 names a node outside 0..0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GraphSeries("", List.of(), List.of()));
        assertEquals(5, G.size());
        assertArrayEquals(new double[] {0, 1, 2}, G.positions()[0]);
    }

    @Test
    void aGraphIsDrawnWithItsLabelsAndWithoutAxes() throws Exception {
        JFreeChart chart = ChartBuilder.build(figure(), 10);
        XYPlot plot = chart.getXYPlot();
        assertFalse(plot.getDomainAxis().isVisible());
        assertFalse(plot.getRangeAxis().isVisible());
        assertEquals(4, plot.getAnnotations().size(), "one edge label and three node names");
        assertEquals(2, ((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) plot.getRenderer(0)).getAnnotations()
                .size(), "the edges, under the nodes");
        Path svg = dir.resolve("g.svg");
        FigureWriter.write(figure(), svg, FigureSize.COLUMN);
        String text = Files.readString(svg);
        assertTrue(text.contains("sep_conv_3x3") && text.contains(">mid<"), "labels are SVG text");
        Path png = dir.resolve("g.png");
        FigureWriter.write(figure(), png, FigureSize.COLUMN);
        assertTrue(Files.size(png) > 500);
    }
}
