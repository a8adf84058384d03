package org.ndsw.app.catalog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.StoredRun;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.catalog.nds.NdsWriter;
import org.ndsw.Quote;

/**
 * Writes a sweep out: as NDS JSON that re-imports to the same content, or as CSV for spreadsheets and pandas.
 *
 * <p>The file is written through {@link AtomicWrite}, so a failed export leaves no partial file.
 * Exporting a grouped file's name (`ResNet_reruns`) writes its groups back as {"top": [...], "mid": [...]}.
 */
public final class ExportService {
    private final Catalog catalog;

    /** The export formats. */
    public enum Format {
        /** NDS records (docs/reference/nds-json.md). */
        NDS,
        /** One CSV line per run. */
        CSV;

        /** Parses "nds" or "csv". */
        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new NdswException("--format must be nds or csv, got " + Quote.of(s));
            }
        }
    }

    /**
     * What an export wrote.
     *
     * @param runs records or rows written
     * @param skipped runs left out of an NDS export because they have no error yet (not finished)
     */
    public record Result(Path file, List<String> sweeps, long runs, long skipped) {}

    /** Exports from `catalog`. */
    public ExportService(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Exports a sweep (or the groups of a grouped file) to `out`. */
    public Result export(String sweep, Format format, Path out) {
        refuseCatalogue(out);
        List<SweepSummary> sweeps = resolve(sweep);
        long[] counts = new long[2];
        try {
            AtomicWrite.write(out, os -> {
                if (format == Format.NDS) {
                    nds(sweep, sweeps, os, counts, out);
                } else {
                    csv(sweeps, os, counts);
                }
            });
        } catch (UncheckedIOException e) {
            throw new NdswException(out + ": cannot write: " + e.getCause().getMessage(), e);
        }
        return new Result(out, sweeps.stream().map(SweepSummary::name).toList(), counts[0], counts[1]);
    }

    /** Writing over the catalogue (or its WAL and shared-memory files) would replace the data being exported. */
    private void refuseCatalogue(Path out) {
        Path db = catalog.file().toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path p = db.resolveSibling(db.getFileName() + suffix);
            if (target.equals(p) || sameFile(target, p)) {
                throw new NdswException(out + ": that is the catalogue" + (suffix.isEmpty() ? "" : "'s " + suffix
                        .substring(1) + " file") + " (" + catalog.file() + "); exporting there would destroy it;"
                        + " choose another --out");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private List<SweepSummary> resolve(String sweep) {
        if (catalog.sweep(sweep).isPresent()) {
            return List.of(catalog.sweep(sweep).get());
        }
        List<SweepSummary> groups = catalog.sweeps().stream().filter(s -> s.sourceGroup() != null
                && s.name().equals(sweep + "/" + s.sourceGroup())).sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        if (groups.isEmpty()) {
            throw new NdswException("catalogue " + catalog.file() + " has no sweep named " + Quote.of(sweep)
                    + "\" (list them with `ndsw sweeps`)");
        }
        return groups;
    }

    private void nds(String name, List<SweepSummary> sweeps, OutputStream os, long[] counts, Path out)
            throws IOException {
        boolean grouped = !(sweeps.size() == 1 && sweeps.get(0).name().equals(name));
        try (NdsWriter w = new NdsWriter(os)) {
            if (grouped) {
                w.startGroups();
            }
            for (SweepSummary s : sweeps) {
                if (grouped) {
                    w.group(s.sourceGroup());
                }
                w.startList();
                catalog.forEachStoredRun(s.name(), r -> {
                    if (r.error() == null) {
                        counts[1]++;
                        return;
                    }
                    record(w, r, out);
                    counts[0]++;
                });
                w.endList();
            }
            if (grouped) {
                w.endGroups();
            }
        }
    }

    private void csv(List<SweepSummary> sweeps, OutputStream os, long[] counts) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        Csv.header(w);
        List<String> names = sweeps.stream().map(SweepSummary::name).toList();
        for (RunRow r : catalog.query(new ModelQuery(names, List.of(), List.of(), 0, 0)).rows()) {
            Csv.row(w, r);
            counts[0]++;
        }
        w.flush();
    }

    /**
     * Writes one run; a run that cannot be written (a value the catalogue holds but JSON cannot carry) stops the export
     * naming the sweep and the run, and no file is left.
     */
    private static void record(NdsWriter w, StoredRun r, Path out) {
        try {
            w.record(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new NdswException(out + ": cannot export sweep " + Quote.of(r.sweep()) + ", run " + r.seq() + ": "
                    + e.getMessage() + "; nothing was written", e);
        }
    }

}
