package org.ndsw.bench;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.ndsw.app.compare.CompareFigure;
import org.ndsw.app.compare.CompareFigures;
import org.ndsw.app.compare.CompareOptions;
import org.ndsw.app.compare.CompareResult;
import org.ndsw.app.compare.CompareService;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.figure.ChartBuilder;
import org.ndsw.figure.Figure;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;

/**
 * What the Compare panel does when a control changes, timed: the comparison of every set ({@link CompareService}),
 * every figure model of its tabs ({@link CompareFigures}) and one draw of the visible EDF chart at panel size into an
 * image, as jfreechart-fx draws it on screen. The FX thread itself only swaps the finished result in.
 *
 * <p>The sets are synthetic (error falling with log complexity, plus noise, shifted per set) and read once, as the
 * panel caches what it has read; the changes cycle through the panel's controls: normalization, bins, window.
 */
public final class CompareRedrawBenchmark {
    /** Width and height of the drawn chart, about the Compare panel's chart on a 1600x1000 screen. */
    static final int WIDTH = 1000;
    static final int HEIGHT = 520;

    private CompareRedrawBenchmark() {}

    /** Sizes and repetitions. */
    public record Options(int sets, int n, int rounds, int randomSearchPower, long seed) {}

    /** Seconds per change, by change, over the rounds. */
    public record Result(Options options, Map<String, double[]> seconds) {
        /** Every timing of every change. */
        public double[] all() {
            return seconds.values().stream().flatMapToDouble(Arrays::stream).toArray();
        }
    }

    /** Runs one warm-up round, then the timed ones. */
    public static Result run(Options o) {
        List<RecordSet> sets = synthetic(o);
        Map<String, CompareOptions> changes = changes(o);
        CompareService service = new CompareService();
        changes.values().forEach(c -> redraw(service, sets, c));
        Map<String, double[]> seconds = new java.util.LinkedHashMap<>();
        changes.keySet().forEach(k -> seconds.put(k, new double[o.rounds()]));
        for (int r = 0; r < o.rounds(); r++) {
            for (Map.Entry<String, CompareOptions> e : changes.entrySet()) {
                long t = System.nanoTime();
                redraw(service, sets, e.getValue());
                seconds.get(e.getKey())[r] = Stopwatch.since(t);
            }
        }
        return new Result(o, seconds);
    }

    private static Map<String, CompareOptions> changes(Options o) {
        Map<String, CompareOptions> m = new java.util.LinkedHashMap<>();
        int p = o.randomSearchPower();
        double eps = CompareOptions.DEFAULT_AREA_EPS;
        m.put("plain EDFs", new CompareOptions(ErrorMetric.BEST, null, 20, null, BinPolicy.MERGE, eps, p, 0));
        m.put("normalize params, k=20", new CompareOptions(ErrorMetric.BEST, Complexity.PARAMS, 20, null,
                BinPolicy.MERGE, eps, p, 0));
        m.put("normalize flops, k=20", new CompareOptions(ErrorMetric.BEST, Complexity.FLOPS, 20, null,
                BinPolicy.MERGE, eps, p, 0));
        m.put("normalize params, k=40", new CompareOptions(ErrorMetric.BEST, Complexity.PARAMS, 40, null,
                BinPolicy.MERGE, eps, p, 0));
        m.put("params window 0.3-1.5M", new CompareOptions(ErrorMetric.BEST, Complexity.PARAMS, 20,
                new ComplexityWindow(0.3, 1.5), BinPolicy.MERGE, eps, p, 0));
        return m;
    }

    private static void redraw(CompareService service, List<RecordSet> sets, CompareOptions options) {
        CompareResult r = service.compareSets(sets, options);
        Figure edf = null;
        for (CompareFigure kind : CompareFigure.values()) {
            Figure f = CompareFigures.of(kind, r);
            if (kind == CompareFigure.EDF) {
                edf = f;
            }
        }
        JFreeChart chart = ChartBuilder.build(edf, 12f);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
    }

    /** Sets of n models: params log-uniform in [0.1M, 2M], flops 50-150 per param, error falling with log params. */
    static List<RecordSet> synthetic(Options o) {
        SplittableRandom rng = new SplittableRandom(o.seed());
        List<RecordSet> sets = new ArrayList<>();
        double lo = Math.log(1e5);
        double hi = Math.log(2e6);
        for (int s = 0; s < o.sets(); s++) {
            double[] error = new double[o.n()];
            double[] params = new double[o.n()];
            double[] flops = new double[o.n()];
            for (int i = 0; i < o.n(); i++) {
                double lp = lo + (hi - lo) * rng.nextDouble();
                params[i] = Math.rint(Math.exp(lp));
                flops[i] = Math.rint(params[i] * (50 + 100 * rng.nextDouble()));
                error[i] = 5 + 0.4 * s + 3 * (hi - lp) / (hi - lo) + Math.abs(gaussian(rng)) * 1.5;
            }
            sets.add(new RecordSet("set" + (s + 1), "synthetic", error, params, flops, 0));
        }
        return sets;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
