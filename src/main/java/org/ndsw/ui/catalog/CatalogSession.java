package org.ndsw.ui.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.ndsw.app.catalog.CatalogService;
import org.ndsw.app.ingest.Download;
import org.ndsw.app.catalog.ExportService;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;

/**
 * An open catalogue shared by the panels' background tasks. A {@link Catalog} serves one thread at a time, so reads
 * and writes each go through their own connection under their own lock: a long import on the writer never holds up
 * the table's page reads, which see the last committed state (WAL).
 */
public final class CatalogSession implements AutoCloseable {
    private final Path file;
    private final Catalog reader;
    private final Catalog writer;

    private CatalogSession(Path file, Catalog reader, Catalog writer) {
        this.file = file;
        this.reader = reader;
        this.writer = writer;
    }

    /** Opens the catalogue at `file`; creates it (and its folder) if `create`, else fails when it is missing. */
    public static CatalogSession open(Path file, boolean create) {
        Catalog writer = create ? Catalog.openOrCreate(file) : Catalog.open(file);
        try {
            return new CatalogSession(file, Catalog.open(file), writer);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** The catalogue file. */
    public Path file() {
        return file;
    }

    /** Runs a read on the reading connection. */
    public <T> T read(Function<CatalogService, T> query) {
        synchronized (reader) {
            return query.apply(new CatalogService(reader));
        }
    }

    /** Imports files, folders or zips; each file is one transaction (see {@link ImportService}). */
    public ImportReport importPaths(List<Path> paths, ProgressSink progress) {
        synchronized (writer) {
            return new ImportService(writer).importPaths(paths, ImportService.Options.DEFAULT, progress);
        }
    }

    /**
     * Imports again inputs of `paths` that were refused because a different file of the same name was imported
     * before: `choices` maps each input (as the report names it) to the file name to import it under, or to "" to
     * replace the earlier sweeps with it. Inputs not in `choices` are skipped.
     */
    public ImportReport importAgain(List<Path> paths, java.util.Map<String, String> choices, ProgressSink progress) {
        List<ImportReport.SourceResult> out = new java.util.ArrayList<>();
        synchronized (writer) {
            ImportService service = new ImportService(writer);
            for (Path p : paths) {
                for (org.ndsw.catalog.nds.NdsSource src : org.ndsw.catalog.nds.NdsSources.of(p)) {
                    String as = choices.get(src.display());
                    if (as == null) {
                        continue;
                    }
                    out.add(importAs(service, src, as, progress));
                }
            }
        }
        return new ImportReport(out);
    }

    /**
     * Imports again inputs of earlier downloads that were refused for the name of an earlier import, as
     * {@link #importAgain} does for local paths: `choices` maps each input as the report showed it (the URL, with the
     * zip entry after '!') to the file name to import it under, or to "" to replace; the others are skipped. The
     * downloaded files are read again from the downloads folder, so nothing is downloaded twice.
     */
    public ImportReport importDownloadedAgain(List<Download.Result> downloads, java.util.Map<String, String> choices,
            ProgressSink progress) {
        List<ImportReport.SourceResult> out = new java.util.ArrayList<>();
        synchronized (writer) {
            ImportService service = new ImportService(writer);
            for (Download.Result d : downloads) {
                String local = d.file().toString();
                for (org.ndsw.catalog.nds.NdsSource src : org.ndsw.catalog.nds.NdsSources.of(d.file())) {
                    String shown = d.url() + src.display().substring(local.length());
                    String as = choices.get(shown);
                    if (as != null) {
                        out.add(importAs(service, src.shownAs(shown), as, progress).from(d));
                    }
                }
            }
        }
        return new ImportReport(out);
    }

    /** Imports `src` replacing the earlier sweeps (`as` empty) or as a new sweep from the file name `as`. */
    private static ImportReport.SourceResult importAs(ImportService service, org.ndsw.catalog.nds.NdsSource src,
            String as, ProgressSink progress) {
        return as.isEmpty() ? service.importSource(src, new ImportService.Options(true, false), progress)
                : service.importSource(new org.ndsw.catalog.nds.NdsSource(src.display(), as, src.size(),
                        src.opener()), ImportService.Options.DEFAULT, progress);
    }

    /** True when the catalogue has a sweep imported from a file named `fileName`. */
    public boolean sourceTaken(String fileName) {
        synchronized (reader) {
            return !reader.sweepsFromSource(fileName).isEmpty();
        }
    }

    /**
     * Downloads `url` (outside the writer's lock, so other writes go on meanwhile) and imports it; a failed download
     * throws.
     */
    public ImportReport importUrl(String url, Download download, ProgressSink progress) {
        Download.Result d = download.fetch(url, progress);
        synchronized (writer) {
            return new ImportService(writer).importDownloaded(d, ImportService.Options.DEFAULT, progress);
        }
    }

    /** Deletes a sweep, its runs and the models no other sweep uses. */
    public void deleteSweep(String name) {
        synchronized (writer) {
            new CatalogService(writer).deleteSweep(name);
        }
    }

    /** Writes a sweep as NDS JSON (or CSV) to `out`, through a temporary file. */
    public ExportService.Result export(String sweep, ExportService.Format format, Path out) {
        synchronized (reader) {
            return new ExportService(reader).export(sweep, format, out);
        }
    }

    @Override
    public void close() {
        synchronized (writer) {
            writer.close();
        }
        synchronized (reader) {
            reader.close();
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
