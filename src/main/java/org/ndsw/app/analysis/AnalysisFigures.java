package org.ndsw.app.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.analysis.ParameterRange;
import org.ndsw.analysis.ParameterTable;
import org.ndsw.analysis.SetAnalysis;
import org.ndsw.figure.Axis;
import org.ndsw.figure.Figure;
import org.ndsw.figure.FigureKind;
import org.ndsw.figure.Figures;
import org.ndsw.figure.LegendPlacement;
import org.ndsw.figure.LineSeries;
import org.ndsw.figure.Marker;
import org.ndsw.figure.PointSeries;
import org.ndsw.figure.Series;

/**
 * The analysis views as figures of the figure model: error against a parameter with its good range, a 2-D map of two
 * parameters coloured by error rank, the curves of the best and worst runs, and the trends of one parameter's good
 * range across sets. Drawings of models are in {@link ModelDrawings}.
 */
public final class AnalysisFigures {
    /** Rank groups of the 2-D map, best first: the best 10%, the next 15%, the next 25% and the worst half. */
    static final double[] RANK_CUTS = {0.10, 0.25, 0.50, 1.0};

    private AnalysisFigures() {}

    /** The column of one parameter in a table, or a clear error naming the parameters there are. */
    public static double[] column(ParameterTable table, String set, String parameter) {
        int j = table.names().indexOf(parameter);
        if (j < 0) {
            throw new NdswException("set " + org.ndsw.Quote.of(set) + " has no parameter " + org.ndsw.Quote.of(parameter)
                    + "; its parameters are " + org.ndsw.Quote.of(String.join(", ", table.names())));
        }
        return table.columns().get(j);
    }

    /**
     * Error against one parameter of one set, one point per model; the good range [lo, hi] is shaded (widened by half
     * the smallest gap between values so a one-value range shows) and the median of the best model's value marked.
     */
    public static Figure errorVsParameter(SetAnalysis analysis, double[] errors, ParameterTable table,
                                          String parameter) {
        double[] x = column(table, analysis.name(), parameter);
        ParameterRange range = analysis.parameters().stream().filter(p -> p.name().equals(parameter)).findFirst()
                .orElseThrow(() -> new NdswException("set " + analysis.name() + " has no range for " + parameter));
        double[] good = range.good();
        double pad = halfGap(range.values());
        List<Marker> markers = List.of(Marker.bandX(good[0] - pad, good[2] + pad, ""),
                Marker.atX(good[1], "best " + number(good[1])));
        String subtitle = String.format(Locale.ROOT, "n = %d; good [%s, %s], best %s", analysis.n(), number(good[0]),
                number(good[2]), number(good[1]));
        return new Figure(FigureKind.SCATTER, analysis.name(), subtitle, Axis.linear(parameter),
                Axis.linear(Figures.ERROR_LABEL), List.of(new PointSeries("", x, errors)), markers,
                LegendPlacement.BOTTOM);
    }

    /** Two parameters of one set, the models grouped by error rank (best 10%, 10-25%, 25-50%, worst half). */
    public static Figure rankMap(String set, double[] errors, ParameterTable table, String px, String py) {
        double[] x = column(table, set, px);
        double[] y = column(table, set, py);
        int n = errors.length;
        int[] order = org.ndsw.analysis.BestOfSample.rankOrder(errors);
        List<Series> series = new ArrayList<>();
        int from = 0;
        double lastCut = 0;
        for (double cut : RANK_CUTS) {
            int to = cut >= 1 ? n : Math.max(from, (int) Math.round(cut * n));
            double[] gx = new double[to - from];
            double[] gy = new double[to - from];
            for (int i = from; i < to; i++) {
                gx[i - from] = x[order[i]];
                gy[i - from] = y[order[i]];
            }
            series.add(new PointSeries(String.format(Locale.ROOT, "rank %d-%d%%", Math.round(lastCut * 100),
                    Math.round(cut * 100)), gx, gy));
            from = to;
            lastCut = cut;
        }
        // Drawn worst first, so the best models stay on top.
        java.util.Collections.reverse(series);
        return new Figure(FigureKind.SCATTER, set, "models by error rank (n = " + n + ")", Axis.linear(px),
                Axis.linear(py), series, List.of(), LegendPlacement.BOTTOM);
    }

    /**
     * Trends across sets, as pycls's sweep analysis plots trends across sweeps: for one parameter, the best value and
     * the good range [lo, hi] of each set, sets on the x axis in the order given (set i at x = i + 1, its name on a
     * line at that x). Sets without the parameter are left out of the lines; at least one set must have it.
     */
    public static Figure trends(List<SetAnalysis> analyses, String parameter) {
        List<double[]> points = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < analyses.size(); i++) {
            SetAnalysis a = analyses.get(i);
            markers.add(Marker.atX(i + 1, a.name()));
            names.add((i + 1) + " " + a.name());
            if (has(a, parameter)) {
                double[] g = range(a, parameter).good();
                points.add(new double[] {i + 1, g[0], g[1], g[2]});
            }
        }
        if (points.isEmpty()) {
            throw new NdswException("no set has the parameter " + org.ndsw.Quote.of(parameter)
                    + " (list them with `ndsw analyze`)");
        }
        double[][] cols = new double[4][points.size()];
        for (int k = 0; k < points.size(); k++) {
            for (int c = 0; c < 4; c++) {
                cols[c][k] = points.get(k)[c];
            }
        }
        List<Series> series = List.of(LineSeries.of("good lo", cols[0], cols[1]),
                LineSeries.of("best", cols[0], cols[2]), LineSeries.of("good hi", cols[0], cols[3]));
        return new Figure(FigureKind.TRENDS, "trends of " + parameter, "best and good range [lo, hi] per set ("
                + points.size() + " of " + analyses.size() + " sets have it): " + String.join(", ", names),
                new Axis("set", Axis.Scale.COUNT, new org.ndsw.figure.Bounds(0.5, analyses.size() + 0.5)),
                Axis.linear(parameter), series, markers, LegendPlacement.BOTTOM);
    }

    private static boolean has(SetAnalysis a, String parameter) {
        return a.parameters().stream().anyMatch(p -> p.name().equals(parameter));
    }

    private static ParameterRange range(SetAnalysis a, String parameter) {
        return a.parameters().stream().filter(p -> p.name().equals(parameter)).findFirst().orElseThrow();
    }

    /** Test and train error per epoch of some runs, labelled "#rank error%"; null when no run has a curve. */
    public static Figure curves(String title, List<RunCurves.Run> runs) {
        List<Series> series = new ArrayList<>();
        for (RunCurves.Run r : runs) {
            add(series, String.format(Locale.ROOT, "#%d test (%.2f%%)", r.rank(), r.error()), r.test());
        }
        for (RunCurves.Run r : runs) {
            add(series, String.format(Locale.ROOT, "#%d train", r.rank()), r.train());
        }
        if (series.isEmpty()) {
            return null;
        }
        return new Figure(FigureKind.CURVES, title, "test error of each run, then its train error", Axis.count("epoch"),
                Axis.linear(Figures.ERROR_LABEL), series, List.of(), LegendPlacement.BOTTOM);
    }

    private static void add(List<Series> out, String label, double[] values) {
        if (values == null || values.length == 0) {
            return;
        }
        out.add(LineSeries.perEpoch(label, values));
    }

    /** Half the smallest gap between distinct values, or 1% of the value's size for a single value. */
    static double halfGap(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < v.length; i++) {
            gap = Math.min(gap, v[i] - v[i - 1]);
        }
        if (!Double.isFinite(gap) || gap <= 0) {
            return Math.max(1e-9, Math.abs(v.length == 0 ? 1 : v[0]) * 0.01);
        }
        return gap / 2;
    }

    /** A parameter value as a short number: integers plain, others to 4 significant digits. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
