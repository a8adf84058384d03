package org.ndsw.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.ndsw.analysis.AnalysisModel;
import org.ndsw.analysis.BestOfSample;
import org.ndsw.analysis.ParameterRange;
import org.ndsw.app.analysis.AnalysisFigures;
import org.ndsw.figure.Figure;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.space.StageSpec;

/** The analysis sections of a report: good ranges with their views, the best models, the run curves. */
final class ReportSections {
    private final Html h;
    private final ReportOptions options;
    private final BiFunction<Figure, ReportOptions, String> svg;

    ReportSections(Html h, ReportOptions options, BiFunction<Figure, ReportOptions, String> svg) {
        this.h = h;
        this.options = options;
        this.svg = svg;
    }

    /** Per set, the table of good ranges; per varying parameter, its view for every set side by side; the rank map. */
    void parameters(List<SetViews> sets) {
        h.element("h2", "Parameters and their good ranges");
        h.element("p", String.format(Locale.ROOT, "good = the %s, 0.5 and %s quantiles of the best of m models drawn"
                + " with replacement (%s bootstrap, m = max(1, floor(%s n))); shaded in the views, the median marked.",
                AnalysisFigures.number(options.analysis().alpha() / 2),
                AnalysisFigures.number(1 - options.analysis().alpha() / 2),
                options.analysis().bootstrap() > 0 ? "Monte-Carlo" : "exact",
                AnalysisFigures.number(options.analysis().fraction())));
        for (SetViews v : sets) {
            h.element("h3", v.set().label());
            List<List<String>> rows = new ArrayList<>();
            for (ParameterRange p : v.analysis().parameters()) {
                double[] g = p.good();
                rows.add(List.of(p.name(), AnalysisFigures.number(g[0]), AnalysisFigures.number(g[1]),
                        AnalysisFigures.number(g[2]), values(p.values())));
            }
            h.table(List.of("parameter", "lo", "best", "hi", "values"), rows);
            if (!v.analysis().omitted().isEmpty()) {
                h.element("p", "omitted (only some models have them): " + String.join(", ", v.analysis().omitted()));
            }
        }
        for (String p : SetViews.varying(sets)) {
            h.element("h3", "error against " + p);
            row(ViewFigures.parameter(sets, p));
        }
        if (sets.size() > 1) {
            h.element("h3", "trends across sets");
            h.element("p", "per parameter, the best value and the good range [lo, hi] of each set, sets in the order"
                    + " given");
            List<ViewFigures.Named> trends = new ArrayList<>();
            SetViews.varying(sets).forEach(p -> trends.addAll(ViewFigures.trends(sets, p)));
            row(trends);
        }
        List<String> pair = sets.get(0).defaultMap();
        if (!pair.isEmpty()) {
            h.element("h3", "models by error rank: " + pair.get(0) + " against " + pair.get(1));
            row(ViewFigures.map(sets, pair.get(0), pair.get(1)));
        }
    }

    /** Per set, the best models with their errors, complexity and nets. */
    void bestModels(List<SetViews> sets) {
        h.element("h2", "Best models");
        for (SetViews v : sets) {
            h.element("h3", v.set().label());
            int[] order = BestOfSample.rankOrder(v.errors());
            List<List<String>> rows = new ArrayList<>();
            List<String> nets = new ArrayList<>();
            for (int i = 0; i < Math.min(options.top(), order.length); i++) {
                AnalysisModel m = v.set().models().get(order[i]);
                rows.add(List.of(Integer.toString(i + 1), String.format(Locale.ROOT, "%.2f", m.error()),
                        complexity(m.params(), 1e6), complexity(m.flops(), 1e9), stages(m.net())));
                nets.add(m.net() == null ? "(no net in this source)" : SpecJson.canonical(m.net()));
            }
            h.table(List.of("rank", "error (%)", "params (M)", "flops (B)", "stages: depth x width"), rows);
            h.open("details", null).element("summary", "nets (JSON)");
            for (int i = 0; i < nets.size(); i++) {
                h.element("pre", "#" + (i + 1) + " " + nets.get(i));
            }
            h.close("details");
        }
        h.element("h3", "drawings of the best models");
        h.element("p", "stage-wise nets: the width of every block against its depth; cell nets: the normal and"
                + " reduction cells, inputs on the left, each edge labelled with its op.");
        row(ViewFigures.bestModels(sets, Math.min(options.top(), DRAWN)));
    }

    /** The best models drawn per set in the report (their nets are all listed). */
    static final int DRAWN = 3;

    /** Per set, the curves of the best and worst runs, or a note that the set has none. */
    void curves(List<SetViews> sets) {
        h.element("h2", "Training curves of the best and worst runs");
        List<ViewFigures.Named> figures = ViewFigures.curves(sets);
        for (SetViews v : sets) {
            if (v.curves().empty()) {
                h.element("p", v.set().label() + ": no per-epoch curves in this source.");
            }
        }
        row(figures);
    }

    private void row(List<ViewFigures.Named> figures) {
        h.open("div", "row");
        figures.forEach(f -> h.raw(svg.apply(f.figure(), options)));
        h.close("div");
    }

    private static String values(double[] v) {
        if (v.length == 1) {
            return "constant " + AnalysisFigures.number(v[0]);
        }
        if (v.length > 12) {
            return v.length + " values in [" + AnalysisFigures.number(v[0]) + ", "
                    + AnalysisFigures.number(v[v.length - 1]) + "]";
        }
        List<String> s = new ArrayList<>();
        for (double x : v) {
            s.add(AnalysisFigures.number(x));
        }
        return String.join(" ", s);
    }

    private static String complexity(double raw, double unit) {
        return Double.isNaN(raw) ? "" : String.format(Locale.ROOT, "%.4g", raw / unit);
    }

    /** Stage-wise nets as "1x16 2x16 12x16 1x32"; cell nets as their width and depth. */
    static String stages(ModelSpec net) {
        if (net instanceof StageSpec s) {
            List<String> parts = new ArrayList<>();
            s.stages().forEach(st -> parts.add(st.depth() + "x" + st.width()));
            return s.blockType().recordName() + ": " + String.join(" ", parts);
        }
        if (net instanceof org.ndsw.space.CellSpec c) {
            return "cells: width " + c.width() + ", depth " + c.depth();
        }
        return "";
    }
}
