package org.ndsw.ui.catalog;

import java.util.List;
import java.util.Locale;
import org.ndsw.app.ingest.Download;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.VerificationReport;

/**
 * The text of the dialogs after an import: what was downloaded (URL and local file), what was imported with its
 * verification findings, and, separately, which inputs were rejected and why (file, field and value, from the
 * import's message) and what to do.
 *
 * @param imported one paragraph per imported or unchanged input; empty if none
 * @param rejected one paragraph per rejected input; empty if none
 * @param collisions the rejected inputs whose name an earlier import took, for which the workbench offers replace,
 *     another name or skip
 */
public record ImportSummary(String headline, String imported, String rejected, List<NameCollision> collisions) {
    /** What happens next to an input whose name an earlier import took. */
    static final String COLLISION_NEXT = "A file above has the name of a file imported before, so its sweep would"
            + " take an existing sweep's name. You choose next: replace the existing sweep with it, import it as a new"
            + " sweep under another name, or skip it.";

    /** What to do about a rejected file; the catalogue keeps nothing of it. */
    static final String WHAT_TO_DO = "Nothing of a rejected file was stored; the catalogue is as it was. Fix the field"
            + " named above in the file (or export it again from its source) and import it again.";

    /** Summarizes a report. */
    public static ImportSummary of(ImportReport report) {
        StringBuilder ok = new StringBuilder();
        StringBuilder bad = new StringBuilder();
        long runs = 0;
        int sweeps = 0;
        int rejected = 0;
        int unchanged = 0;
        List<NameCollision> collisions = new java.util.ArrayList<>();
        Download.Result shown = null;
        for (ImportReport.SourceResult s : report.sources()) {
            if (s.download() != null && !s.download().equals(shown)) {
                shown = s.download();
                ok.append(shown.summary()).append(shown.reused() ? "; tick \u201cDownload again\u201d in File > Import"
                        + " from URL\u2026 to replace it" : "").append('\n');
            }
            switch (s.outcome()) {
                case IMPORTED -> {
                    ok.append(s.input()).append(String.format(Locale.ROOT, ": imported in %.1f s%n", s.seconds()));
                    for (ImportReport.SweepResult w : s.sweeps()) {
                        runs += w.runs();
                        sweeps++;
                        sweep(w, ok);
                    }
                }
                case UNCHANGED -> {
                    unchanged++;
                    ok.append(s.input()).append(": ").append(s.message()).append('\n');
                }
                default -> {
                    rejected++;
                    NameCollision c = NameCollision.of(s);
                    if (c != null) {
                        collisions.add(c);
                    }
                    bad.append(c != null ? c.reason() : s.message()).append('\n');
                }
            }
        }
        if (!collisions.isEmpty()) {
            bad.append('\n').append(COLLISION_NEXT);
        }
        if (rejected > collisions.size()) {
            bad.append('\n').append(WHAT_TO_DO.replace("a rejected file", collisions.isEmpty() ? "a rejected file"
                    : "the other rejected files"));
        }
        String headline = (sweeps == 0 && unchanged > 0 ? "Nothing new: " + unchanged + " input" + (unchanged == 1 ? " was"
                : "s were") + " imported before"
                : String.format(Locale.ROOT, "Imported %,d runs in %d sweep%s", runs, sweeps, sweeps == 1 ? "" : "s"))
                + (rejected > collisions.size() ? String.format(Locale.ROOT, "; %d input%s rejected",
                        rejected - collisions.size(), rejected - collisions.size() == 1 ? "" : "s") : "")
                + (collisions.isEmpty() ? "" : String.format(Locale.ROOT, "; %d with the name of an earlier import",
                        collisions.size()));
        return new ImportSummary(headline, ok.toString().strip(), bad.toString().strip(), List.copyOf(collisions));
    }

    private static void sweep(ImportReport.SweepResult w, StringBuilder out) {
        VerificationReport v = w.verification();
        out.append(String.format(Locale.ROOT, "  sweep %s (space %s, %s): %,d runs of %,d models%n", w.name(), w.space(),
                w.dataset(), w.runs(), w.models()));
        if (v.complexityChecked() > 0) {
            out.append(String.format(Locale.ROOT, "    complexity checked in %,d records: params %s; flops %s%s%n",
                    v.complexityChecked(), count(v.params()), count(v.flops()),
                    v.flopsInformational() ? " (information only for NAS cells)" : ""));
        } else {
            out.append("    complexity: ").append(v.complexityRule()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "    best epoch checked in %,d records: %s%n", v.bestEpochChecked(),
                count(v.bestEpoch())));
        for (VerificationReport.Mismatches m : List.of(v.params(), v.flops(), v.bestEpoch())) {
            for (VerificationReport.Example e : m.examples()) {
                out.append("      e.g. ").append(e.where()).append(": ").append(e.detail()).append('\n');
            }
        }
    }

    private static String count(VerificationReport.Mismatches m) {
        return m.count() == 0 ? "no mismatches" : String.format(Locale.ROOT, "%,d mismatches", m.count());
    }

    /** True if any input was rejected. */
    public boolean anyRejected() {
        return !rejected.isEmpty();
    }
}
