package org.ndsw.figure;

import java.util.ArrayList;
import java.util.List;

/** One figure of each kind built from synthetic data, shared by the rendering tests. */
final class FigureSamples {
    private FigureSamples() {}

    static Figure of(FigureKind kind, int sets, int n) {
        switch (kind) {
            case EDF:
                return Figures.edfOverlay("", "normalized by params, k = 40, 0.02 < params < 0.856 M",
                        edfs(sets, n), null);
            case SCATTER:
                List<PointSeries> points = new ArrayList<>();
                for (int s = 0; s < sets; s++) {
                    double[] p = SyntheticSets.params(n, s);
                    points.add(new PointSeries("space " + s, p, SyntheticSets.errors(p, s, 100 + s)));
                }
                return Figures.errorVsComplexity("Error vs params", "params (M)", points, new Bounds(3, 20));
            case COMPLEXITY_HISTOGRAM:
                List<LabeledValues> values = new ArrayList<>();
                for (int s = 0; s < sets; s++) {
                    values.add(new LabeledValues("space " + s, SyntheticSets.params(n, s + 7)));
                }
                return Figures.complexityHistogram("Complexity", "params (M)", values, 40, new Bounds(0.02, 0.856));
            case RANDOM_SEARCH:
                return Figures.randomSearch("Random search efficiency", "", curves(sets, true));
            case KS_VS_N:
                return Figures.ksVsSampleSize("KS D vs sample size", "", curves(sets, false));
            default:
                double[] d = new double[5000];
                java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
                for (int i = 0; i < d.length; i++) {
                    d[i] = Math.abs(SyntheticSets.gaussian(rng)) * 0.4 - 0.05;
                }
                return Figures.minDifferenceHistogram("Point vs distribution", "min of 1,000 lower in 90% of trials",
                        d, 40);
        }
    }

    static List<EdfCurve> edfs(int sets, int n) {
        List<EdfCurve> curves = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            double[] p = SyntheticSets.params(n, s);
            curves.add(EdfCurve.plain("space " + s, SyntheticSets.errors(p, 0.8 * s, 100 + s), s == 0 ? Double.NaN
                    : 0.1 * s));
        }
        return curves;
    }

    private static List<MeanCurve> curves(int sets, boolean withStd) {
        List<MeanCurve> curves = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            double[] m = new double[13];
            double[] mean = new double[13];
            double[] std = new double[13];
            for (int k = 0; k < 13; k++) {
                m[k] = Math.pow(2, k);
                mean[k] = withStd ? 5 + s + 8 / Math.sqrt(m[k]) : 0.8 / Math.sqrt(m[k]) + 0.01 * s;
                std[k] = withStd ? 2 / Math.sqrt(m[k]) : 0.1 / Math.sqrt(m[k]);
            }
            curves.add(new MeanCurve("space " + s, m, mean, withStd ? std : null));
        }
        return curves;
    }
}
