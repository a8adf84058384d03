package org.ndsw.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis with readable ticks as plain strings: base 10 labels 1-2-5 steps on short ranges and powers of ten on
 * long ones; base 2 labels powers of two (every other one past eight). Plain labels also matter for SVG: LogAxis's own
 * attributed labels are drawn through TextLayout and end up as glyph outlines instead of {@code <text>}.
 */
final class PlainLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final DecimalFormat POWERS_OF_TWO = new DecimalFormat("#,##0");

    PlainLogAxis(String label, double base) {
        super(label);
        setBase(base);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal
                ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        double lo = getLowerBound();
        double hi = getUpperBound();
        return getBase() == 2 ? powersOfTwo(lo, hi, anchor) : decimal(lo, hi, anchor);
    }

    private static List<NumberTick> powersOfTwo(double lo, double hi, TextAnchor anchor) {
        int k0 = (int) Math.ceil(Math.log(lo) / Math.log(2) - 1e-9);
        int k1 = (int) Math.floor(Math.log(hi) / Math.log(2) + 1e-9);
        int every = k1 - k0 > 8 ? 2 : 1;
        List<NumberTick> ticks = new ArrayList<>();
        for (int k = k0; k <= k1; k++) {
            double v = Math.pow(2, k);
            boolean major = Math.floorMod(k, every) == 0;
            ticks.add(tick(v, major ? POWERS_OF_TWO.format(v) : "", major, anchor));
        }
        return ticks;
    }

    private static List<NumberTick> decimal(double lo, double hi, TextAnchor anchor) {
        double decades = Math.log10(hi / lo);
        int[] labelled = decades <= 1.3 ? new int[] {1, 2, 3, 5} : decades <= 2.6 ? new int[] {1, 2, 5} : new int[] {1};
        List<NumberTick> ticks = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (int m = 1; m <= 9; m++) {
                double v = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                if (v >= lo && v <= hi) {
                    boolean major = contains(labelled, m);
                    ticks.add(tick(v, major ? plain(v) : "", major, anchor));
                }
            }
        }
        return ticks;
    }

    private static boolean contains(int[] values, int m) {
        for (int v : values) {
            if (v == m) {
                return true;
            }
        }
        return false;
    }

    private static String plain(double v) {
        return new BigDecimal(v).round(MathContext.DECIMAL32).stripTrailingZeros().toPlainString();
    }

    private static NumberTick tick(double v, String label, boolean major, TextAnchor anchor) {
        return new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v, label, anchor, TextAnchor.CENTER, 0.0);
    }
}
