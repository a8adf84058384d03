package org.ndsw.figure;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * Draws all points of a series as one filled path: a 25k-point scatter becomes one SVG element instead of 25k
 * (overlapping markers merge into one shape, so the fill opacity shows the cloud, not its density).
 */
final class PointCloudRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;

    /** Collects the markers of one series during a draw. */
    private static final class CloudState extends XYItemRendererState {
        private final Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);

        CloudState(PlotRenderingInfo info) {
            super(info);
        }
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
                                          PlotRenderingInfo info) {
        return new CloudState(info);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        Path2D.Double path = ((CloudState) state).path;
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        double tx = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double ty = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        if (Double.isFinite(tx) && Double.isFinite(ty) && dataArea.contains(tx, ty)) {
            Shape marker = getItemShape(series, item);
            path.append(AffineTransform.getTranslateInstance(tx, ty).createTransformedShape(marker), false);
        }
        if (item == dataset.getItemCount(series) - 1) {
            g2.setPaint(lookupSeriesPaint(series));
            g2.fill(path);
            path.reset();
        }
    }
}
