package org.ndsw.app.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.figure.Bounds;
import org.ndsw.figure.EdfCurve;
import org.ndsw.figure.Figure;
import org.ndsw.figure.Figures;
import org.ndsw.figure.LabeledValues;
import org.ndsw.figure.MeanCurve;
import org.ndsw.figure.PointSeries;
import org.ndsw.stats.ComplexityWindow;
import org.ndsw.stats.RandomSearch;

/** Turns a {@link CompareResult} into the figure models of {@link CompareFigure}. */
public final class CompareFigures {
    private CompareFigures() {}

    /** Builds the requested figure. */
    public static Figure of(CompareFigure kind, CompareResult r) {
        switch (kind) {
            case EDF:
                return edf(r);
            case SCATTER:
                return scatter(r);
            case COMPLEXITY:
                return complexity(r);
            default:
                return randomSearch(r);
        }
    }

    /**
     * EDF overlay. The legend's D is measured between the drawn curves against the first set: the KS statistic of the
     * kept errors for plain EDFs (the JSON's ks_d), the distance between normalized EDFs when normalizing
     * (ks_d_normalized).
     */
    static Figure edf(CompareResult r) {
        List<EdfCurve> curves = new ArrayList<>();
        for (int i = 0; i < r.sets().size(); i++) {
            SetResult s = r.sets().get(i);
            double d = i == 0 ? Double.NaN : firstPairD(r, i);
            curves.add(new EdfCurve(s.label(), s.edf().errors(), s.cumulative(), d));
        }
        String against = r.sets().size() > 1 ? "; D vs " + r.sets().get(0).label() : "";
        return Figures.edfOverlay("", describe(r) + against, curves, fullErrorRange(r));
    }

    /** The error axis from the best to the worst drawn model (3% padding), so every curve reaches 1 on the chart. */
    static Bounds fullErrorRange(CompareResult r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SetResult s : r.sets()) {
            for (double e : s.edf().errors()) {
                lo = Math.min(lo, e);
                hi = Math.max(hi, e);
            }
        }
        double pad = hi > lo ? 0.03 * (hi - lo) : Math.max(1e-3, Math.abs(lo) * 0.05);
        return new Bounds(lo - pad, hi + pad);
    }

    private static double firstPairD(CompareResult r, int i) {
        PairResult p = r.pairs().get(i - 1);
        return Double.isNaN(p.normalizedD()) ? p.ks().d() : p.normalizedD();
    }

    /** A short description of the comparison: normalization, window and (when not the default) the error kind. */
    public static String describe(CompareResult r) {
        String error = r.options().error() == ErrorMetric.FINAL ? "final-epoch error, " : "";
        if (r.window() == null) {
            return error + "plain EDFs";
        }
        return error + "normalized by " + r.options().normalize().field() + ": k = " + r.options().bins() + ", "
                + describeWindow(r.window(), r.options().normalize());
    }

    /** A window in the paper's units: "0.01 < params < 0.856 M". */
    public static String describeWindow(ComplexityWindow w, Complexity c) {
        return compact(w.lo()) + " < " + c.field() + " < " + compact(w.hi()) + " " + c.unit().split(" ")[0];
    }

    /** Four significant digits without trailing zeros: 0.01, 0.856, 0.02437. */
    static String compact(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static Complexity complexityOf(CompareResult r) {
        return r.options().normalize() != null ? r.options().normalize() : Complexity.PARAMS;
    }

    private static double[] values(SetResult s, Complexity c) {
        return c == Complexity.PARAMS ? s.keptParams() : s.keptFlops();
    }

    private static String axisLabel(Complexity c) {
        return c == Complexity.PARAMS ? "params (M)" : "flops (B)";
    }

    private static Figure scatter(CompareResult r) {
        Complexity c = complexityOf(r);
        List<PointSeries> sets = new ArrayList<>();
        for (SetResult s : r.sets()) {
            sets.add(new PointSeries(s.label(), requireKnown(s, c), s.keptErrors()));
        }
        return Figures.errorVsComplexity("", axisLabel(c), sets, null);
    }

    private static Figure complexity(CompareResult r) {
        Complexity c = complexityOf(r);
        List<LabeledValues> sets = new ArrayList<>();
        for (SetResult s : r.sets()) {
            sets.add(new LabeledValues(s.label(), requireKnown(s, c)));
        }
        Bounds range = r.window() == null ? null : new Bounds(r.window().lo(), r.window().hi());
        int bins = r.window() == null ? 40 : r.options().bins();
        return Figures.complexityHistogram("", axisLabel(c), sets, bins, range);
    }

    private static double[] requireKnown(SetResult s, Complexity c) {
        double[] v = values(s, c);
        for (double x : v) {
            if (Double.isNaN(x)) {
                throw new NdswException(s.source() + " has models without " + c.field() + ": cannot draw them against "
                        + c.field());
            }
        }
        return v;
    }

    private static Figure randomSearch(CompareResult r) {
        if (r.randomSearch().isEmpty()) {
            throw new NdswException("the random-search figure needs --random-search P");
        }
        List<MeanCurve> curves = new ArrayList<>();
        r.randomSearch().forEach((label, points) -> curves.add(curve(label, points)));
        return Figures.randomSearch("", describe(r) + "; mean ± 2σ" + searchStop(r), curves);
    }

    /**
     * Why a curve ends before m = 2^P: a trial draws m models of the set, so m stops at the largest power of two not
     * above the set's model count. Empty when every curve reaches 2^P.
     */
    static String searchStop(CompareResult r) {
        int wanted = 1 << r.options().randomSearchPower();
        StringBuilder out = new StringBuilder();
        for (SetResult s : r.sets()) {
            int n = s.edf().n();
            if (n < wanted) {
                out.append(out.length() == 0 ? "" : ", ").append(s.label()).append(" at m = ")
                        .append(Integer.highestOneBit(n)).append(" (n = ").append(n).append(")");
            }
        }
        return out.length() == 0 ? "" : "; stops below 2^P = " + wanted + " where a set has fewer models: " + out;
    }

    static MeanCurve curve(String label, List<RandomSearch.Point> points) {
        double[] m = new double[points.size()];
        double[] mean = new double[points.size()];
        double[] std = new double[points.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = points.get(i).m();
            mean[i] = points.get(i).mean();
            std[i] = points.get(i).std();
        }
        return new MeanCurve(label, m, mean, std);
    }
}
