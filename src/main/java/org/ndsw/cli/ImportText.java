package org.ndsw.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ndsw.app.ingest.Download;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.VerificationReport;

/** The human-readable report of `ndsw import`: per sweep, what was written and what the verification found. */
final class ImportText {
    private ImportText() {}

    /**
     * Prints imported and unchanged inputs to `out`, rejected ones to `err` as "ndsw: message"; each download, with
     * its URL and local file, before the inputs it gave.
     */
    static void print(ImportReport report, PrintWriter out, PrintWriter err) {
        Download.Result shown = null;
        for (ImportReport.SourceResult s : report.sources()) {
            if (s.download() != null && !s.download().equals(shown)) {
                shown = s.download();
                out.println(shown.summary() + (shown.reused() ? "; --refetch downloads it again" : ""));
            }
            switch (s.outcome()) {
                case IMPORTED -> imported(s, out);
                case UNCHANGED -> out.printf(Locale.ROOT, "%s: %s%n", s.input(), s.message());
                default -> err.println("ndsw: " + s.message());
            }
        }
        out.flush();
        err.flush();
    }

    private static void imported(ImportReport.SourceResult s, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: imported in %.1f s (%,.1f MB)%n", s.input(), s.seconds(), s.bytes() / 1e6);
        for (ImportReport.SweepResult w : s.sweeps()) {
            out.printf(Locale.ROOT, "  sweep %s (space %s, %s): %,d runs of %,d models%n", w.name(), w.space(),
                    w.dataset(), w.runs(), w.models());
            verification(w.verification(), out);
        }
    }

    private static void verification(VerificationReport v, PrintWriter out) {
        out.printf(Locale.ROOT, "    complexity: %s%n", v.complexityRule());
        if (v.complexityChecked() > 0) {
            out.printf(Locale.ROOT, "      %,d records checked: params %s; flops %s%n", v.complexityChecked(),
                    count(v.params()), count(v.flops()) + (v.flopsInformational() ? " (information only for NAS cells)" : ""));
            examples(v.params(), out);
            examples(v.flops(), out);
        }
        out.printf(Locale.ROOT, "    best epoch: min_test_top1 = min(test_ep_top1) checked in %,d records, %s%n",
                v.bestEpochChecked(), count(v.bestEpoch()));
        examples(v.bestEpoch(), out);
        if (v.skipped().count() > 0) {
            out.printf(Locale.ROOT, "    skipped (--skip-invalid): %,d records%n", v.skipped().count());
            examples(v.skipped(), out);
        }
        out.println("    values seen:");
        for (Map.Entry<String, List<Object>> e : v.values().entrySet()) {
            String vals = e.getValue().stream().map(ImportText::value).collect(Collectors.joining(", "));
            String more = v.truncatedValues().contains(e.getKey()) ? ", ... (more)" : "";
            out.printf(Locale.ROOT, "      %s: {%s%s}%n", e.getKey(), vals, more);
        }
    }

    /** Numbers as written in the data: 0.0005, not 5.0E-4. */
    private static String value(Object v) {
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static String count(VerificationReport.Mismatches m) {
        return m.count() == 0 ? "no mismatches" : String.format(Locale.ROOT, "%,d mismatches", m.count());
    }

    private static void examples(VerificationReport.Mismatches m, PrintWriter out) {
        for (VerificationReport.Example e : m.examples()) {
            out.printf(Locale.ROOT, "        e.g. %s: %s%n", e.where(), e.detail());
        }
    }
}
