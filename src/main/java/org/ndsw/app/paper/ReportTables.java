package org.ndsw.app.paper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ndsw.app.compare.CompareResult;
import org.ndsw.app.compare.PairResult;
import org.ndsw.app.compare.SetResult;
import org.ndsw.app.source.RecordSet;
import org.ndsw.stats.RandomSearch;
import org.ndsw.stats.SampleSize;

/** Markdown tables of the numbers behind the reproduced figures. */
final class ReportTables {
    /** The error threshold of the paper's ResNet vs Vanilla statement (docs/reference/analysis.md#findings-to-reproduce), in %. */
    static final double THRESHOLD = 8.0;

    private ReportTables() {}

    /**
     * Per set: n kept, min and median of the kept errors, F̂(8%) (the EDF's weight under 8% error, normalized when the
     * EDF is) and EDF area; per pair: KS D and p on the kept errors and D between the normalized EDFs.
     */
    static List<String> comparison(String title, CompareResult r) {
        List<String> lines = new ArrayList<>();
        String window = r.window() == null ? "" : String.format(Locale.ROOT, " (k = %d, %s < %s < %s %s)",
                r.options().bins(), r.window().lo(), r.options().normalize().field(), r.window().hi(),
                r.options().normalize().unit().split(" ")[0]);
        lines.add("");
        lines.add("**" + title + "**" + window + ":");
        lines.add("");
        lines.add("| set | n | min | median | F̂(8%) | area (ε = " + r.options().areaEps() + ") |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        for (SetResult s : r.sets()) {
            lines.add(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f%% | %.4f |", s.label(), s.n(),
                    s.min(), s.median(), 100 * s.edf().cdf(THRESHOLD), s.area()));
        }
        if (!r.pairs().isEmpty()) {
            boolean normalized = r.window() != null;
            lines.add("");
            lines.add("| a | b | KS D | p |" + (normalized ? " D normalized |" : ""));
            lines.add("|---|---|---:|---:|" + (normalized ? "---:|" : ""));
            for (PairResult p : r.pairs()) {
                lines.add(String.format(Locale.ROOT, "| %s | %s | %.3f | %s |%s", p.a(), p.b(), p.ks().d(), p.pValueText(),
                        normalized ? String.format(Locale.ROOT, " %.3f |", p.normalizedD()) : ""));
            }
        }
        return lines;
    }

    /** The pair with the largest D between normalized EDFs. */
    static String largestD(CompareResult r) {
        return r.pairs().stream().max(Comparator.comparingDouble(PairResult::normalizedD))
                .map(p -> String.format(Locale.ROOT, "%nLargest normalized D: **%.3f** (%s vs %s).", p.normalizedD(),
                        p.a(), p.b()))
                .orElse("");
    }

    /** Mean ± 2σ of the best error at m = 1, 4, 16, ... per set. */
    static List<String> randomSearch(CompareResult r) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("| set | m | mean best error | ± 2σ | trials |");
        lines.add("|---|---:|---:|---:|---:|");
        r.randomSearch().forEach((label, points) -> {
            for (RandomSearch.Point p : points) {
                if (Integer.numberOfTrailingZeros(p.m()) % 2 == 0) {
                    lines.add(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %d |", label, p.m(), p.mean(),
                            2 * p.std(), p.trials()));
                }
            }
        });
        return lines;
    }

    /** Mean KS D at n = 2^0, 2^2, ... per set. */
    static List<String> sampleSize(List<RecordSet> sets, List<SampleSize.Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("| set | reference | n | mean KS D |");
        lines.add("|---|---:|---:|---:|");
        for (int i = 0; i < sets.size(); i++) {
            SampleSize.Result r = results.get(i);
            for (SampleSize.Point p : r.points()) {
                if (Integer.numberOfTrailingZeros(p.n()) % 2 == 0) {
                    lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %.3f |", sets.get(i).label(),
                            r.referenceSize(), p.n(), p.meanD()));
                }
            }
        }
        return lines;
    }
}
