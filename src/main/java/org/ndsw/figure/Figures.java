package org.ndsw.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the figure of each {@link FigureKind} from plain inputs, with the paper's axes and legend contents. */
public final class Figures {
    /** Label of the error axis: records store top-1 error in percent (docs/reference/nds-json.md#records). */
    public static final String ERROR_LABEL = "error (%)";
    /** Fraction of each curve's weight that the default EDF x range shows in full (the long tail is cut). */
    static final double DEFAULT_RANGE_QUANTILE = 0.98;

    private Figures() {}

    /**
     * EDF overlay: one step curve per set, legend "label (n=…, min …, D …)" with D against the first set, y from 0 to 1.
     * With {@code errorRange} null the x range runs from the smallest error to the largest error at which some curve
     * reaches 98% of its weight, so a tail of diverged models does not squeeze the curves.
     */
    public static Figure edfOverlay(String title, String subtitle, List<EdfCurve> curves, Bounds errorRange) {
        Bounds range = errorRange != null ? errorRange : defaultErrorRange(curves);
        List<Series> series = new ArrayList<>();
        for (EdfCurve c : curves) {
            StepSeries s = StepSeries.reduce(edfLegend(c), c.sortedErrors(), c.cumulative(), StepSeries.DEFAULT_LEVELS);
            series.add(s.extendedTo(range.lo(), range.hi()));
        }
        return new Figure(FigureKind.EDF, title, subtitle, new Axis(ERROR_LABEL, Axis.Scale.LINEAR, range),
                Axis.linear("cumulative prob.", 0, 1), series, List.of(), LegendPlacement.BOTTOM);
    }

    static String edfLegend(EdfCurve c) {
        String text = String.format(Locale.ROOT, "%s (n=%,d, min %.2f", c.label(), c.n(), c.min());
        return Double.isNaN(c.ksD()) ? text + ")" : text + String.format(Locale.ROOT, ", D %.3f)", c.ksD());
    }

    static Bounds defaultErrorRange(List<EdfCurve> curves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (EdfCurve c : curves) {
            double[] e = c.sortedErrors();
            double[] w = c.cumulative();
            int i = 0;
            while (i < e.length - 1 && w[i] < DEFAULT_RANGE_QUANTILE * w[w.length - 1]) {
                i++;
            }
            lo = Math.min(lo, e[0]);
            hi = Math.max(hi, e[i]);
        }
        return padded(lo, hi);
    }

    private static Bounds padded(double lo, double hi) {
        double pad = hi > lo ? 0.03 * (hi - lo) : Math.max(1e-3, Math.abs(lo) * 0.05);
        return new Bounds(lo - pad, hi + pad);
    }

    /** Error against complexity, one marker shape per set, log complexity axis; thinned to one point per grid cell. */
    public static Figure errorVsComplexity(String title, String complexityLabel, List<PointSeries> sets,
                                           Bounds errorRange) {
        Bounds x = positiveRange(sets);
        Bounds y = errorRange != null ? errorRange : yRange(sets);
        List<Series> series = new ArrayList<>();
        for (PointSeries s : sets) {
            String label = String.format(Locale.ROOT, "%s (n=%,d)", s.label(), s.size());
            series.add(PointSeries.thinned(label, s.x(), s.y(), x, y, true));
        }
        Axis xAxis = new Axis(complexityLabel, Axis.Scale.LOG10, new Bounds(x.lo() / 1.15, x.hi() * 1.15));
        return new Figure(FigureKind.SCATTER, title, "", xAxis, new Axis(ERROR_LABEL, Axis.Scale.LINEAR, y), series,
                List.of(), LegendPlacement.BOTTOM);
    }

    private static Bounds positiveRange(List<PointSeries> sets) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PointSeries s : sets) {
            for (double v : s.x()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo < hi)) {
            return lo > 0 && lo == hi ? new Bounds(lo / 2, lo * 2) : new Bounds(0.01, 1);
        }
        return new Bounds(lo, hi);
    }

    private static Bounds yRange(List<PointSeries> sets) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PointSeries s : sets) {
            for (double v : s.y()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? padded(lo, hi) : new Bounds(0, 100);
    }

    /** Overlaid complexity histograms with {@code bins} equal-width bins over {@code range} (null = all values). */
    public static Figure complexityHistogram(String title, String complexityLabel, List<LabeledValues> sets, int bins,
                                             Bounds range) {
        Bounds r = range != null ? range : valueRange(sets);
        List<Series> series = new ArrayList<>();
        for (LabeledValues s : sets) {
            series.add(HistogramSeries.of(s.label(), s.values(), bins, r));
        }
        return new Figure(FigureKind.COMPLEXITY_HISTOGRAM, title, "", new Axis(complexityLabel, Axis.Scale.LINEAR, r),
                Axis.linear("models"), series, List.of(), LegendPlacement.INSIDE_UPPER_RIGHT);
    }

    private static Bounds valueRange(List<LabeledValues> sets) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LabeledValues s : sets) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            return new Bounds(0, 1);
        }
        return lo < hi ? new Bounds(lo, hi) : new Bounds(lo - 0.5, hi + 0.5);
    }

    /** Random-search efficiency (Fig. 5): mean minimum error against m on a log2 axis, band of ±2σ. */
    public static Figure randomSearch(String title, String subtitle, List<MeanCurve> curves) {
        return meanCurves(FigureKind.RANDOM_SEARCH, title, subtitle, curves, "experiment size m (models)",
                "min error (%)", 2.0);
    }

    /** Sample-size analysis (Fig. 7): mean KS D against n on a log2 axis (band ±2σ when std is given). */
    public static Figure ksVsSampleSize(String title, String subtitle, List<MeanCurve> curves) {
        return meanCurves(FigureKind.KS_VS_N, title, subtitle, curves, "number of models n", "KS statistic D", 2.0);
    }

    private static Figure meanCurves(FigureKind kind, String title, String subtitle, List<MeanCurve> curves,
                                     String xLabel, String yLabel, double sigmas) {
        List<Series> series = new ArrayList<>();
        double maxX = 1;
        for (MeanCurve c : curves) {
            double[] band = null;
            if (c.std() != null) {
                band = c.std();
                for (int i = 0; i < band.length; i++) {
                    band[i] *= sigmas;
                }
            }
            series.add(new LineSeries(c.label(), c.x(), c.mean(), band));
            for (double v : c.x()) {
                maxX = Math.max(maxX, v);
            }
        }
        Axis x = new Axis(xLabel, Axis.Scale.LOG2, new Bounds(1 / 1.2, maxX * 1.2));
        return new Figure(kind, title, subtitle, x, Axis.linear(yLabel), series, List.of(),
                LegendPlacement.INSIDE_UPPER_RIGHT);
    }

    /**
     * Point vs distribution (Fig. 2): histogram of min(small sample) − min(large sample) over trials, with a line at 0;
     * positive differences are trials the large sample won.
     */
    public static Figure minDifferenceHistogram(String title, String subtitle, double[] differences, int bins) {
        double lo = 0;
        double hi = 0;
        for (double d : differences) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        Bounds range = lo < hi ? new Bounds(lo, hi) : new Bounds(-1, 1);
        HistogramSeries h = HistogramSeries.of("", differences, bins, range);
        return new Figure(FigureKind.MIN_DIFFERENCE, title, subtitle, new Axis("difference in min error (%)",
                Axis.Scale.LINEAR, range), Axis.linear("trials"), List.of(h), List.of(Marker.atX(0, "0")),
                LegendPlacement.NONE);
    }
}
