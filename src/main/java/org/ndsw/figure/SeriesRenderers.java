package org.ndsw.figure;

import java.awt.BasicStroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The JFreeChart dataset and renderer for each {@link Series} kind; series index i picks the style from {@link Palette}.
 * Several histograms in one figure are drawn as dashed outlines (matplotlib's "step" histograms) so they stay apart;
 * a single one as filled bars.
 */
final class SeriesRenderers {
    private SeriesRenderers() {}

    /** A one-series dataset holding exactly what is drawn (a staircase for steps and outlined histograms). */
    static XYDataset dataset(Series s, boolean overlay) {
        if (s instanceof HistogramSeries hist && overlay) {
            return xy(hist.label(), outline(hist));
        }
        if (s instanceof StepSeries step) {
            return xy(step.label(), step.staircase());
        }
        if (s instanceof LineSeries line && line.hasBand()) {
            YIntervalSeries band = new YIntervalSeries(line.label(), false, true);
            double[] x = line.x();
            double[] y = line.y();
            double[] h = line.halfWidth();
            for (int i = 0; i < x.length; i++) {
                band.add(x[i], y[i], y[i] - h[i], y[i] + h[i]);
            }
            YIntervalSeriesCollection c = new YIntervalSeriesCollection();
            c.addSeries(band);
            return c;
        }
        if (s instanceof LineSeries line) {
            return xy(line.label(), new double[][] {line.x(), line.y()});
        }
        if (s instanceof PointSeries points) {
            return xy(points.label(), new double[][] {points.x(), points.y()});
        }
        if (s instanceof GraphSeries graph) {
            return xy(graph.label(), graph.positions());
        }
        HistogramSeries hist = (HistogramSeries) s;
        XYIntervalSeries bars = new XYIntervalSeries(hist.label(), false, true);
        double[] e = hist.edges();
        double[] c = hist.counts();
        for (int i = 0; i < c.length; i++) {
            bars.add((e[i] + e[i + 1]) / 2, e[i], e[i + 1], c[i], 0, c[i]);
        }
        XYIntervalSeriesCollection coll = new XYIntervalSeriesCollection();
        coll.addSeries(bars);
        return coll;
    }

    private static double[][] outline(HistogramSeries hist) {
        double[] e = hist.edges();
        double[] c = hist.counts();
        double[] px = new double[2 * e.length];
        double[] py = new double[2 * e.length];
        for (int i = 0; i < e.length; i++) {
            px[2 * i] = e[i];
            px[2 * i + 1] = e[i];
            py[2 * i] = i == 0 ? 0 : c[i - 1];
            py[2 * i + 1] = i == c.length ? 0 : c[i];
        }
        return new double[][] {px, py};
    }

    private static XYDataset xy(String key, double[][] data) {
        DefaultXYDataset d = new DefaultXYDataset();
        d.addSeries(key, data);
        return d;
    }

    /**
     * The renderer of series s drawn as the i-th series of its figure; {@code bandAlpha} is the opacity of ±2σ bands,
     * lower when several bands overlap.
     */
    static AbstractXYItemRenderer renderer(Series s, int i, float fontPt, boolean overlay, float bandAlpha) {
        float width = Math.max(0.8f, fontPt * 0.15f);
        AbstractXYItemRenderer r;
        if (s instanceof HistogramSeries && !overlay) {
            r = bars(i, width);
        } else if (s instanceof PointSeries) {
            PointCloudRenderer dots = new PointCloudRenderer();
            dots.setSeriesShape(0, Palette.shape(i, fontPt * 0.32));
            dots.setSeriesPaint(0, Palette.translucent(i, 150));
            r = dots;
        } else if (s instanceof GraphSeries) {
            XYLineAndShapeRenderer nodes = new XYLineAndShapeRenderer(false, true);
            double d = fontPt * 0.9;
            nodes.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-d / 2, -d / 2, d, d));
            nodes.setSeriesPaint(0, Palette.color(i));
            r = nodes;
        } else if (s instanceof LineSeries line && line.hasBand()) {
            DeviationRenderer band = new DeviationRenderer(true, false);
            band.setSeriesFillPaint(0, Palette.color(i));
            band.setAlpha(bandAlpha);
            r = lines(band, i, width, fontPt);
        } else {
            boolean markPoints = s instanceof LineSeries;
            // Steps, outlined histograms and plain lines: one path per curve keeps SVG small (docs/reference/toolchain-notes.md#plots).
            XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, markPoints);
            line.setDrawSeriesLineAsPath(true);
            if (markPoints) {
                line.setSeriesShape(0, Palette.shape(i, fontPt * 0.45));
            }
            r = lines(line, i, width, fontPt);
        }
        r.setSeriesVisibleInLegend(0, !s.label().isEmpty());
        return r;
    }

    private static XYLineAndShapeRenderer lines(XYLineAndShapeRenderer r, int i, float width, float fontPt) {
        r.setSeriesPaint(0, Palette.color(i));
        r.setSeriesStroke(0, Palette.stroke(i, width));
        r.setLegendLine(new Line2D.Double(-1.4 * fontPt, 0, 1.4 * fontPt, 0));
        if (!r.getDefaultShapesVisible()) {
            // The legend graphic's height comes from its (hidden) shape: a flat one keeps legend rows tight.
            r.setSeriesShape(0, new Rectangle2D.Double(-1.4 * fontPt, -0.5, 2.8 * fontPt, 1));
        }
        return r;
    }

    private static XYBarRenderer bars(int i, float width) {
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setSeriesPaint(0, Palette.translucent(i, 90));
        r.setSeriesOutlinePaint(0, Palette.color(i));
        r.setSeriesOutlineStroke(0, new BasicStroke(width * 0.6f));
        return r;
    }
}
