package org.ndsw.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;

/**
 * Draws the edges and names of a {@link GraphSeries} as plot annotations: grey lines under the node dots, node names
 * beside them and edge labels on a white box at the middle of their edge.
 */
final class GraphAnnotations {
    private static final Color EDGE = new Color(0x88, 0x88, 0x88);
    private static final Color LABEL_BACK = new Color(255, 255, 255, 220);

    private GraphAnnotations() {}

    /** Adds the graph's edges and labels to the plot. */
    static void add(XYPlot plot, GraphSeries g, float fontPt) {
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(4, Math.round(fontPt - 2)));
        Font name = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(4, Math.round(fontPt - 1)));
        for (GraphSeries.Edge e : g.edges()) {
            GraphSeries.Node a = g.nodes().get(e.from());
            GraphSeries.Node b = g.nodes().get(e.to());
            plot.getRenderer(0).addAnnotation(new XYLineAnnotation(a.x(), a.y(), b.x(), b.y(),
                    new BasicStroke(Math.max(0.8f, fontPt * 0.1f)), EDGE), org.jfree.chart.ui.Layer.BACKGROUND);
        }
        for (GraphSeries.Edge e : g.edges()) {
            if (e.label().isEmpty()) {
                continue;
            }
            GraphSeries.Node a = g.nodes().get(e.from());
            GraphSeries.Node b = g.nodes().get(e.to());
            XYTextAnnotation t = new XYTextAnnotation(e.label(), (a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
            t.setFont(small);
            t.setPaint(Color.DARK_GRAY);
            t.setBackgroundPaint(LABEL_BACK);
            t.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(t);
        }
        for (GraphSeries.Node n : g.nodes()) {
            XYTextAnnotation t = new XYTextAnnotation(n.name(), n.x(), n.y());
            t.setFont(name);
            t.setPaint(new Color(0x22, 0x22, 0x22));
            t.setBackgroundPaint(LABEL_BACK);
            t.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(t);
        }
    }
}
