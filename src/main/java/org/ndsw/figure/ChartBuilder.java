package org.ndsw.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.block.FlowArrangement;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * Turns a {@link Figure} into a JFreeChart: one XY plot, one dataset and renderer per series (see
 * {@link SeriesRenderers}), generic font families (SansSerif) so SVG text renders anywhere.
 */
public final class ChartBuilder {
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color TEXT = new Color(0x222222);
    /** Fill of a band marker: a light blue that keeps points and lines on top readable. */
    private static final Color BAND = new Color(0x56, 0xB4, 0xE9, 0x40);

    private ChartBuilder() {}

    /** Builds the chart with text sized for the given base font size in points. */
    public static JFreeChart build(Figure figure, float fontPt) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(figure.x(), fontPt));
        plot.setRangeAxis(axis(figure.y(), fontPt));
        boolean overlay = figure.series().stream().filter(s -> s instanceof HistogramSeries).count() > 1;
        long bands = figure.series().stream().filter(s -> s instanceof LineSeries l && l.hasBand()).count();
        float bandAlpha = bands <= 1 ? 0.25f : bands == 2 ? 0.18f : 0.12f;
        for (int i = 0; i < figure.series().size(); i++) {
            Series s = figure.series().get(i);
            plot.setDataset(i, SeriesRenderers.dataset(s, overlay));
            AbstractXYItemRenderer r = SeriesRenderers.renderer(s, i, fontPt, overlay, bandAlpha);
            r.setDefaultCreateEntities(false);
            plot.setRenderer(i, r);
        }
        for (Series s : figure.series()) {
            if (s instanceof GraphSeries g) {
                GraphAnnotations.add(plot, g, fontPt);
            }
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        style(plot);
        if (figure.series().stream().allMatch(s -> s instanceof GraphSeries)) {
            graphOnly(plot);
        }
        figure.markers().forEach(m -> addMarker(plot, m, fontPt));
        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 6));
        titles(chart, figure, fontPt);
        legend(chart, plot, figure.legend(), fontPt);
        return chart;
    }

    /** A generic sans-serif font of a whole point size: SVG writes integer sizes, so PNG and SVG then agree. */
    private static Font font(float pt, int style) {
        return new Font(Font.SANS_SERIF, style, Math.max(4, Math.round(pt)));
    }

    private static ValueAxis axis(Axis a, float fontPt) {
        ValueAxis axis;
        if (a.scale() == Axis.Scale.LINEAR || a.scale() == Axis.Scale.COUNT) {
            NumberAxis n = new NumberAxis(a.label());
            n.setAutoRangeIncludesZero(false);
            if (a.scale() == Axis.Scale.COUNT) {
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            axis = n;
        } else {
            LogAxis log = new PlainLogAxis(a.label(), a.scale() == Axis.Scale.LOG2 ? 2 : 10);
            log.setSmallestValue(1e-12);
            axis = log;
        }
        if (a.range() != null) {
            axis.setRange(a.range().lo(), a.range().hi());
        }
        axis.setLabelFont(font(fontPt, Font.PLAIN));
        axis.setTickLabelFont(font(fontPt - 1, Font.PLAIN));
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        return axis;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** A drawing of graphs: no axes or grid (positions mean nothing), and room around the nodes for their names. */
    private static void graphOnly(XYPlot plot) {
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setVisible(false);
            if (a instanceof NumberAxis n) {
                n.setAutoRangeStickyZero(false); // else a node at 0 sits on the edge and its name is cut
            }
            a.setLowerMargin(0.12);
            a.setUpperMargin(0.12);
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
    }

    private static void addMarker(XYPlot plot, Marker m, float fontPt) {
        org.jfree.chart.plot.Marker vm;
        if (m.band()) {
            vm = new IntervalMarker(m.value(), m.to(), BAND, new BasicStroke(0f), null, null, 1f);
        } else {
            vm = new ValueMarker(m.value());
            vm.setPaint(Color.DARK_GRAY);
            vm.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {3f, 2f}, 0f));
        }
        vm.setLabel(m.label());
        vm.setLabelFont(font(fontPt - 1, Font.PLAIN));
        vm.setLabelPaint(TEXT);
        vm.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        if (m.orientation() == Marker.Orientation.VERTICAL) {
            vm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            vm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(vm, m.band() ? Layer.BACKGROUND : Layer.FOREGROUND);
        } else {
            vm.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            vm.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(vm, m.band() ? Layer.BACKGROUND : Layer.FOREGROUND);
        }
    }

    private static void titles(JFreeChart chart, Figure figure, float fontPt) {
        if (!figure.title().isEmpty()) {
            chart.setTitle(new TextTitle(figure.title(), font(fontPt + 1, Font.BOLD)));
            chart.getTitle().setPaint(TEXT);
        }
        if (!figure.subtitle().isEmpty()) {
            TextTitle sub = new TextTitle(figure.subtitle(), font(fontPt - 1, Font.PLAIN));
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
    }

    private static void legend(JFreeChart chart, XYPlot plot, LegendPlacement placement, float fontPt) {
        if (placement == LegendPlacement.NONE) {
            return;
        }
        LegendTitle legend = new LegendTitle(plot,
                new FlowArrangement(HorizontalAlignment.LEFT, VerticalAlignment.CENTER, 6, 0),
                new ColumnArrangement(HorizontalAlignment.LEFT, VerticalAlignment.CENTER, 0, 0));
        legend.setItemFont(font(fontPt - 1.5f, Font.PLAIN));
        legend.setItemPaint(TEXT);
        legend.setBackgroundPaint(new Color(255, 255, 255, 225));
        legend.setFrame(new BlockBorder(0.5, 0.5, 0.5, 0.5, Color.LIGHT_GRAY));
        legend.setItemLabelPadding(new RectangleInsets(0.5, 2, 0.5, 2));
        legend.setLegendItemGraphicPadding(new RectangleInsets(0.5, 2, 0.5, 2));
        if (placement == LegendPlacement.BOTTOM) {
            legend.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(legend);
            return;
        }
        legend.setMargin(new RectangleInsets(4, 4, 4, 4));
        legend.setPosition(RectangleEdge.RIGHT); // a vertical column of entries inside the plot
        double x = placement == LegendPlacement.INSIDE_UPPER_LEFT ? 0.0 : 1.0;
        double y = placement == LegendPlacement.INSIDE_LOWER_RIGHT ? 0.0 : 1.0;
        RectangleAnchor anchor = switch (placement) {
            case INSIDE_LOWER_RIGHT -> RectangleAnchor.BOTTOM_RIGHT;
            case INSIDE_UPPER_LEFT -> RectangleAnchor.TOP_LEFT;
            default -> RectangleAnchor.TOP_RIGHT;
        };
        plot.addAnnotation(new XYTitleAnnotation(x, y, legend, anchor));
    }
}
