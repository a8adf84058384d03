package org.ndsw.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Colours, dash patterns and point shapes by series index.
 *
 * <p>Colours are the Okabe-Ito colour-blind-safe set without its yellow and amber (unreadable on white), plus Paul Tol's wine; dash patterns and
 * shapes change with the index too, so curves stay apart in grey print where several colours have similar lightness.
 */
public final class Palette {
    private static final Color[] COLORS = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0x000000), // black
        new Color(0x56B4E9), // sky blue
        new Color(0x882255), // wine (Paul Tol), in place of the Okabe-Ito orange that reads as yellow
        new Color(0x7F7F7F), // grey
    };
    private static final float[][] DASHES = {
        null, {6f, 3f}, {1.5f, 2.5f}, {7f, 2.5f, 1.5f, 2.5f}, {12f, 4f}, {3f, 3f}, {7f, 2f, 1.5f, 2f, 1.5f, 2f},
    };

    private Palette() {}

    /** Colour of series i (the list repeats after eight). */
    public static Color color(int i) {
        return COLORS[i % COLORS.length];
    }

    /** Colour of series i with the given opacity (0-255), for fills. */
    public static Color translucent(int i, int alpha) {
        Color c = color(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Line stroke of series i: width scales with the font size, dash pattern changes with i. */
    public static Stroke stroke(int i, float width) {
        float[] dash = DASHES[i % DASHES.length];
        if (dash == null) {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        }
        float[] scaled = new float[dash.length];
        for (int k = 0; k < dash.length; k++) {
            scaled[k] = dash[k] * width;
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, scaled, 0f);
    }

    /** Marker shape of series i, centred on the origin: circle, square, triangle, diamond, then again. */
    public static Shape shape(int i, double size) {
        double h = size / 2;
        switch (i % 4) {
            case 0:
                return new Ellipse2D.Double(-h, -h, size, size);
            case 1:
                return new Rectangle2D.Double(-h, -h, size, size);
            case 2:
                return polygon(new double[] {0, h, -h}, new double[] {-h, h, h});
            default:
                return polygon(new double[] {0, h, 0, -h}, new double[] {-h, 0, h, 0});
        }
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int k = 1; k < xs.length; k++) {
            p.lineTo(xs[k], ys[k]);
        }
        p.closePath();
        return p;
    }
}
