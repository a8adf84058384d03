package org.ndsw.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.app.Provenance;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.CatalogWriter;
import org.ndsw.catalog.ModelEntry;
import org.ndsw.catalog.NewSweep;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunEntry;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.catalog.nds.NdsFileName;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.catalog.nds.NdsReader;
import org.ndsw.catalog.nds.NdsRecord;
import org.ndsw.catalog.nds.NdsSource;
import org.ndsw.catalog.nds.TrackedInput;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;

/**
 * Imports one NDS file in one transaction: its sweeps (one, or one per group), models and runs, verified on the way.
 *
 * <p>Any problem — a syntax error, or with strict checking a single invalid record — throws, and the transaction
 * rolls back: the catalogue is as it was. The file is streamed once; its SHA-256 is computed on the way.
 */
final class SourceImport {
    private static final int PROGRESS_EVERY = 500;
    /** Records per hand-over from the reading to the writing thread. */
    private static final int BATCH = 64;
    /** Batches parsed ahead of the writer: enough to keep both threads busy, a few MB at most. */
    private static final int QUEUE = 8;
    /** Tries at an import that other processes' imports of the same file name keep overtaking. */
    private static final int MAX_ATTEMPTS = 3;

    private final NdsSource src;
    private final NdsFileName name;
    private final ImportService.Options options;
    private final ProgressSink progress;
    private final Map<String, Sweep> sweeps = new LinkedHashMap<>();
    private volatile TrackedInput in;
    private long count;

    /** A sweep being written: its id, checks and distinct models. */
    private record Sweep(long id, String name, SweepChecks checks, Set<Long> models, long[] runs) {}

    /** What the reading thread hands to the writing one. */
    private sealed interface Step permits Batch, Done {}

    /** Consecutive records, in file order. */
    private record Batch(List<NdsRecord> records) implements Step {}

    /** A record with its parsed net, model and run, or the problem that keeps it out. */
    private record Prepared(NdsRecord record, ModelSpec spec, ModelEntry model, RunEntry run, String problem) {}

    /** The end of the file: the groups met and the file's SHA-256. */
    private record Done(List<String> groups, String sha) implements Step {}

    SourceImport(NdsSource src, ImportService.Options options, ProgressSink progress) {
        this.src = src;
        this.name = NdsFileName.of(src.fileName());
        this.options = options;
        this.progress = progress;
    }

    /**
     * Imports the file unless the same file was imported before; throws when the file is rejected. When another
     * process imports a file of the same name between the check and the write, the write starts over from the check,
     * which then sees that import (so the same file twice at once is "already imported, unchanged").
     */
    ImportReport.SourceResult run(Catalog catalog) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(catalog);
            } catch (Raced e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new NdswException(src.display() + ": other processes keep importing files named "
                            + src.fileName() + " into " + catalog.file() + " at the same time; try again", e);
                }
                sweeps.clear();
                count = 0;
            }
        }
    }

    /** Another import changed the sweeps of this file name after they were checked. */
    private static final class Raced extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Raced() {
            super(null, null, false, false);
        }
    }

    private ImportReport.SourceResult attempt(Catalog catalog) {
        long t0 = System.nanoTime();
        List<SweepSummary> existing = catalog.sweepsFromSource(src.fileName());
        if (!existing.isEmpty()) {
            String sha = checksum();
            if (existing.stream().allMatch(s -> sha.equals(s.sourceSha256()))) {
                return unchanged(existing, t0);
            }
            if (!options.replace()) {
                throw new NdswException(src.display() + ": sweep " + names(existing) + " was imported from a different file"
                        + " named " + src.fileName() + " (SHA-256 " + existing.get(0).sourceSha256().substring(0, 12)
                        + "..., this one " + sha.substring(0, 12) + "...)" + ImportService.REPLACE_HINT);
            }
        }
        List<Long> checked = existing.stream().map(SweepSummary::id).toList();
        List<ImportReport.SweepResult> results = catalog.write(w -> {
            // The write lock is held from here on: what was checked before it must still be so.
            if (!w.sweepsFromSource(src.fileName()).stream().map(SweepSummary::id).toList().equals(checked)) {
                throw new Raced();
            }
            existing.forEach(s -> w.deleteSweep(s.id()));
            return read(w);
        });
        return new ImportReport.SourceResult(src.display(), ImportReport.Outcome.IMPORTED, null, results, in.bytes(),
                (System.nanoTime() - t0) / 1e9);
    }

    private List<ImportReport.SweepResult> read(CatalogWriter w) {
        try (InputStream raw = src.open(); TrackedInput tracked = new TrackedInput(raw)) {
            in = tracked;
            Done done = null;
            try (ReadAhead<Step> ahead = new ReadAhead<>("ndsw-read " + src.fileName(), QUEUE, sink -> produce(sink))) {
                for (Step s = ahead.take(); s != null; s = ahead.take()) {
                    if (s instanceof Batch b) {
                        b.records().forEach(r -> add(w, prepare(r)));
                    } else {
                        done = (Done) s;
                    }
                }
            }
            done.groups().forEach(g -> sweep(w, g.isEmpty() ? null : g));
            return finish(w, done.sha());
        } catch (IOException e) {
            throw new NdswException(src.display() + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reading side (its own thread): lex the records and hand them over in batches (one wake-up of the writer per
     * batch, not per record); last, the groups and the checksum. Parsing nets and building runs happens on the writing
     * side, which balances the two threads.
     */
    private void produce(ReadAhead.Sink<Step> sink) throws IOException {
        try (NdsReader reader = new NdsReader(in, src.display())) {
            List<NdsRecord> batch = new ArrayList<>(BATCH);
            for (NdsRecord r = reader.next(); r != null; r = reader.next()) {
                batch.add(r);
                if (batch.size() == BATCH) {
                    sink.put(new Batch(batch));
                    batch = new ArrayList<>(BATCH);
                }
            }
            sink.put(new Batch(batch));
            sink.put(new Done(reader.groups(), in.finish()));
        }
    }

    private static Prepared prepare(NdsRecord r) {
        String problem = r.problem();
        ModelSpec spec = null;
        if (problem == null) {
            try {
                spec = SpecJson.parseNet(r.net());
            } catch (NdswException e) {
                problem = e.getMessage();
            }
        }
        Double last = r.lastTestError();
        if (problem == null && last != null && !validFinal(last)) {
            problem = "the last test_ep_top1 value must be " + Domains.ERROR.range() + " (" + Domains.ERROR.reason()
                    + "), got " + last;
        }
        if (problem != null) {
            return new Prepared(r, null, null, null, problem);
        }
        ObjectNode canonical = SpecJson.toJson(spec);
        return new Prepared(r, spec, ModelEntry.of(spec, canonical), run(r, canonical), null);
    }

    /** Writing side (the caller's thread, inside the transaction): add a prepared record to its sweep. */
    private void add(CatalogWriter w, Prepared p) {
        NdsRecord r = p.record();
        Sweep s = sweep(w, r.group());
        if (++count % PROGRESS_EVERY == 0) {
            report();
        }
        if (p.problem() != null) {
            reject(s, r, p.problem());
            return;
        }
        s.checks().add(r, p.spec(), p.model());
        long model = w.model(p.model());
        s.models().add(model);
        s.runs()[0]++;
        w.addRun(s.id(), model, p.run());
    }

    private static boolean validFinal(double v) {
        return Double.isNaN(v) || Domains.ERROR.contains(v);
    }

    private void reject(Sweep s, NdsRecord r, String problem) {
        if (!options.skipInvalid()) {
            throw new NdswException(src.display() + ": " + r.where() + ": " + problem + "; the file is rejected and the"
                    + " catalogue unchanged (--skip-invalid imports the other records)");
        }
        s.checks().skip(r, problem);
    }

    private Sweep sweep(CatalogWriter w, String group) {
        return sweeps.computeIfAbsent(group == null ? "" : group, g -> {
            String sweepName = name.sweep(group);
            NewSweep ns = new NewSweep(sweepName, name.space(), name.dataset(), "nds-import", src.display(),
                    src.fileName(), null, group, null, null, Provenance.of("import").toString());
            return new Sweep(w.createSweep(ns), sweepName, new SweepChecks(name.dataset()), new HashSet<>(), new long[1]);
        });
    }

    private List<ImportReport.SweepResult> finish(CatalogWriter w, String sha) {
        List<ImportReport.SweepResult> out = new ArrayList<>();
        for (Sweep s : sweeps.values()) {
            VerificationReport v = s.checks().report();
            w.describeSweep(s.id(), sha, ReportJson.recipe(s.checks().optimValues()).toString(),
                    ReportJson.verification(v).toString());
            out.add(new ImportReport.SweepResult(s.name(), name.space(), name.dataset(), s.runs()[0], s.models().size(), v));
        }
        return out;
    }

    private static RunEntry run(NdsRecord r, ObjectNode canonical) {
        Double last = r.lastTestError() == null || r.lastTestError().isNaN() ? null : r.lastTestError();
        ObjectNode o = r.optim();
        NdsRecord.Curves c = r.curves();
        RunData.Curves curves = new RunData.Curves(c.testEpTop1(), c.trainEpTop1(), c.trainEpLoss(), null,
                c.trainItLoss(), c.trainItTop1());
        RunData data = new RunData(o == null ? null : NdsJson.text(o), curves, extra(r, canonical));
        return new RunEntry(r.index(), r.seed(), RunStatus.DONE, r.error(), last, r.epochs(), r.flops(), r.params(),
                number(o, "base_lr"), number(o, "wd"), integer(o, "max_ep"), null, null, null, null, null, null, data);
    }

    /**
     * Scalars are the same when equal, or when both are integers (or both fractions) of equal value: a record's
     * 16 and the canonical 16 match whatever Java type holds them, while 1 and 1.0 stay different.
     */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().equals(b.bigIntegerValue()) ? 0 : 1;
        }
        if (a.isFloatingPointNumber() && b.isFloatingPointNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0 ? 0 : 1;
        }
        return 1;
    };

    /** The record's other keys, plus its `net` verbatim when it differs from the canonical form (beyond key order). */
    private static String extra(NdsRecord r, ObjectNode canonical) {
        ObjectNode extra = r.extra();
        if (!canonical.equals(SAME_VALUE, r.net())) {
            extra = extra.deepCopy();
            extra.set("net", r.net());
        }
        return extra.isEmpty() ? null : NdsJson.text(extra);
    }

    private static Double number(ObjectNode o, String key) {
        JsonNode v = o == null ? null : o.get(key);
        return v != null && v.isNumber() ? v.doubleValue() : null;
    }

    private static Integer integer(ObjectNode o, String key) {
        JsonNode v = o == null ? null : o.get(key);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
    }

    private void report() {
        if (progress.isCancelled()) {
            throw new NdswException(src.display() + ": import cancelled; the catalogue is unchanged");
        }
        long b = in.bytes();
        progress.update(String.format(Locale.ROOT, "%s: %,d records, %.0f of %.0f MB", src.fileName(), count, b / 1e6,
                src.size() / 1e6), src.size() > 0 ? Math.min(1.0, (double) b / src.size()) : -1);
    }

    private String checksum() {
        try (InputStream raw = src.open(); TrackedInput t = new TrackedInput(raw)) {
            progress.update(src.fileName() + ": checking whether it was imported before", -1);
            return t.finish();
        } catch (IOException e) {
            throw new NdswException(src.display() + ": cannot read: " + e.getMessage(), e);
        }
    }

    private ImportReport.SourceResult unchanged(List<SweepSummary> existing, long t0) {
        List<ImportReport.SweepResult> res = new ArrayList<>();
        return new ImportReport.SourceResult(src.display(), ImportReport.Outcome.UNCHANGED, "already imported, unchanged"
                + " (sweep " + names(existing) + ")", res, src.size(), (System.nanoTime() - t0) / 1e9);
    }

    private static String names(List<SweepSummary> sweeps) {
        return String.join(", ", sweeps.stream().map(SweepSummary::name).toList());
    }
}
