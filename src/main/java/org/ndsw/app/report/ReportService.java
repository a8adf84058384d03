package org.ndsw.app.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.app.analysis.AnalysisSets;
import org.ndsw.app.catalog.CatalogService;
import org.ndsw.app.compare.CatalogSets;
import org.ndsw.app.compare.CompareFigure;
import org.ndsw.app.compare.CompareFigures;
import org.ndsw.app.compare.CompareOptions;
import org.ndsw.app.compare.CompareResult;
import org.ndsw.app.compare.CompareService;
import org.ndsw.app.compare.DataWindow;
import org.ndsw.app.compare.PairResult;
import org.ndsw.app.compare.SetResult;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.app.source.SourceReader;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.catalog.Catalog;
import org.ndsw.stats.BinPolicy;

/**
 * {@code ndsw report}: one self-contained HTML page (inline SVG, inline CSS, no script, no network) with the error
 * EDFs, plain and normalized by params as {@code ndsw compare} draws them, the KS table and random search; the good
 * range of every parameter and its views; the best models with their nets; and the curves of the best and worst runs.
 */
public final class ReportService {
    private static final String STYLE = "body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}"
            + "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}"
            + "table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 8px;"
            + "text-align:right;font-size:0.9em}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
            + ".row{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}.row svg{width:432px;height:auto}"
            + ".note{color:#a33}pre{background:#f7f7f7;padding:6px;white-space:pre-wrap;font-size:0.8em}";

    private int figureCount;

    /** Reads and analyses the sets and writes the report to {@code out} (atomically). */
    public void write(List<String> sources, Catalog catalog, ReportOptions options, Path out) {
        String html = html(sources, catalog, options);
        AtomicWrite.text(out, html);
    }

    /** The report as one HTML document. */
    public String html(List<String> sources, Catalog catalog, ReportOptions options) {
        if (sources.isEmpty()) {
            throw new NdswException("a report needs at least one set");
        }
        List<SetViews> sets = SetViews.load(sources, catalog, options.analysis(), options.curves());
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.element("title", "NDS Workbench report: " + String.join(", ", labels(sets)));
        h.raw("<style>" + STYLE + "</style></head><body>\n");
        h.element("h1", "Design-space report: " + String.join(", ", labels(sets)));
        setsTable(h, sets);
        distributions(h, sources, catalog, sets, options);
        ReportSections sections = new ReportSections(h, options, this::svg);
        sections.parameters(sets);
        sections.bestModels(sets);
        sections.curves(sets);
        h.raw("</body></html>\n");
        return h.toString();
    }

    /** The figure as inline SVG with ids unique in the page. */
    String svg(org.ndsw.figure.Figure figure, ReportOptions options) {
        figureCount++;
        return InlineSvg.of(figure, options.size(), "f" + figureCount + "-");
    }

    private static List<String> labels(List<SetViews> sets) {
        return sets.stream().map(v -> v.set().label()).toList();
    }

    private static void setsTable(Html h, List<SetViews> sets) {
        List<List<String>> rows = new ArrayList<>();
        for (SetViews v : sets) {
            rows.add(List.of(v.set().label(), v.set().source(), Integer.toString(v.set().models().size()),
                    Integer.toString(v.set().skipped()), Integer.toString(v.analysis().sampleSize())));
        }
        h.element("h2", "Sets");
        h.table(List.of("set", "source", "models", "skipped (no error)", "bootstrap m"), rows);
    }

    private void distributions(Html h, List<String> sources, Catalog catalog, List<SetViews> sets, ReportOptions o) {
        h.element("h2", "Error distributions");
        int power = o.randomSearchPower();
        if (power < 0) {
            int minN = sets.stream().mapToInt(v -> v.set().models().size()).min().orElse(1);
            power = Math.min(8, 31 - Integer.numberOfLeadingZeros(Math.max(1, minN)));
        }
        CompareResult plain = compare(sources, catalog, null, power, BinPolicy.STRICT);
        h.element("h3", "Plain EDFs (eq. 1)");
        summary(h, plain);
        h.open("div", "row").raw(svg(CompareFigures.of(CompareFigure.EDF, plain), o))
                .raw(svg(CompareFigures.of(CompareFigure.RANDOM_SEARCH, plain), o)).close("div");
        h.element("h3", "EDFs normalized by params (eq. 3-4)");
        try {
            CompareResult normalized;
            try {
                normalized = compare(sources, catalog, Complexity.PARAMS, -1, BinPolicy.STRICT);
            } catch (NdswException strict) {
                // The paper's window is too wide for small studies: fit window and k to the data, as Compare does.
                List<RecordSet> read = read(sources, catalog, Complexity.PARAMS);
                DataWindow fit = DataWindow.fit(read, Complexity.PARAMS, CompareOptions.DEFAULT_BINS);
                if (fit != null) {
                    normalized = new CompareService().compareSets(read, new CompareOptions(ErrorMetric.BEST,
                            Complexity.PARAMS, fit.bins(), fit.window(), BinPolicy.STRICT,
                            CompareOptions.DEFAULT_AREA_EPS, -1, 0));
                    h.open("p", "note").text("The paper's window leaves complexity bins empty ("
                            + org.ndsw.Quote.cut(strict.getMessage()) + "); the window and k are fitted to the data,"
                            + " as the workbench's Compare panel does.").close("p");
                } else {
                    normalized = compare(sources, catalog, Complexity.PARAMS, -1, BinPolicy.MERGE);
                    h.open("p", "note").text("The paper's window leaves complexity bins empty ("
                            + org.ndsw.Quote.cut(strict.getMessage()) + ") and the sets share no complexity range;"
                            + " empty bins are merged into their nearest non-empty bin.").close("p");
                }
            }
            h.element("p", CompareFigures.describe(normalized));
            summary(h, normalized);
            h.open("div", "row").raw(svg(CompareFigures.of(CompareFigure.EDF, normalized), o)).close("div");
        } catch (NdswException e) {
            h.open("p", "note").text("not normalized: " + e.getMessage()).close("p");
        }
    }

    private static CompareResult compare(List<String> sources, Catalog catalog, Complexity by, int power,
                                         BinPolicy policy) {
        CompareOptions options = new CompareOptions(ErrorMetric.BEST, by, CompareOptions.DEFAULT_BINS, null,
                policy, CompareOptions.DEFAULT_AREA_EPS, power, 0);
        List<RecordSet> sets = read(sources, catalog, by);
        return new CompareService().compareSets(sets, options);
    }

    private static List<RecordSet> read(List<String> sources, Catalog catalog, Complexity by) {
        List<RecordSet> sets = new ArrayList<>();
        CatalogService service = catalog == null ? null : new CatalogService(catalog);
        for (String s : sources) {
            sets.add(AnalysisSets.needsCatalog(s) ? CatalogSets.read(service, s, ErrorMetric.BEST)
                    : SourceReader.read(SourceSpec.parse(s), ErrorMetric.BEST, by));
        }
        return sets;
    }

    private static void summary(Html h, CompareResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (SetResult s : r.sets()) {
            rows.add(List.of(s.label(), Integer.toString(s.n()), num(s.min()), num(s.mean()), num(s.median()),
                    String.format(Locale.ROOT, "%.4f", s.area())));
        }
        h.table(List.of("set", "n", "min", "mean", "median", "EDF area (ε = " + num(r.options().areaEps()) + "%)"),
                rows);
        if (r.pairs().isEmpty()) {
            return;
        }
        List<List<String>> pairs = new ArrayList<>();
        for (PairResult p : r.pairs()) {
            pairs.add(List.of(p.a(), p.b(), String.format(Locale.ROOT, "%.4f", p.ks().d()), p.pValueText(),
                    Double.isNaN(p.normalizedD()) ? "" : String.format(Locale.ROOT, "%.4f", p.normalizedD())));
        }
        h.table(List.of("a", "b", "KS D", "p", "D normalized"), pairs);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
