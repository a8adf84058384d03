package org.ndsw.app.ingest;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.NdsSource;
import org.ndsw.catalog.nds.NdsSources;
import org.ndsw.pycls.PyclsSweep;

/**
 * Imports NDS files, zips and folders, local or at an http(s) URL, and pycls sweep.json files (recognized by their
 * start, {@link PyclsSweep#looksLikeSweep}) into a catalogue: the use case behind `ndsw import`.
 *
 * <p>Each file is one transaction, so a rejected file leaves no trace while the other inputs still import. Importing
 * the same file (same name, same SHA-256) again changes nothing and says so. A URL is downloaded first ({@link
 * Download}) and its local copy imported exactly as a path; its sweeps record the URL as their source.
 */
public final class ImportService {
    private final Catalog catalog;

    /**
     * How the message of a file refused because a different file of the same name was imported before ends; the
     * workbench recognizes such a refusal by it and offers replace, another name or skip instead of the flag.
     */
    public static final String REPLACE_HINT = "; pass --replace to replace it";

    /** Options of an import. */
    public record Options(boolean replace, boolean skipInvalid) {
        /** Strict checking, no replacing. */
        public static final Options DEFAULT = new Options(false, false);
    }

    /** An import into `catalog`. */
    public ImportService(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Imports every path in turn; rejected inputs are reported in the result, not thrown. */
    public ImportReport importPaths(List<Path> paths, Options options, ProgressSink progress) {
        List<ImportReport.SourceResult> out = new ArrayList<>();
        for (Path p : paths) {
            out.addAll(importPath(p, options, progress));
        }
        return new ImportReport(out);
    }

    /**
     * Imports inputs that are paths or http(s) URLs (see {@link Download#isUrl}); URLs are fetched by `download`
     * first. Rejected inputs, failed downloads among them, are reported in the result, not thrown.
     */
    public ImportReport importInputs(List<String> inputs, Download download, Options options, ProgressSink progress) {
        List<ImportReport.SourceResult> out = new ArrayList<>();
        for (String in : inputs) {
            if (Download.isUrl(in)) {
                out.addAll(importUrl(in.strip(), download, options, progress));
                continue;
            }
            Path p;
            try {
                p = Path.of(in);
            } catch (InvalidPathException e) {
                out.add(rejected(in, new NdswException(in + ": not a valid path: " + e.getReason(), e)));
                continue;
            }
            out.addAll(importPath(p, options, progress));
        }
        return new ImportReport(out);
    }

    /** Downloads `url` (or reuses an earlier download) and imports the local copy, shown under the URL. */
    public List<ImportReport.SourceResult> importUrl(String url, Download download, Options options,
            ProgressSink progress) {
        Download.Result d;
        try {
            d = download.fetch(url, progress);
        } catch (NdswException e) {
            return List.of(rejected(url, e));
        }
        return importDownloaded(d, options, progress).sources();
    }

    /** Imports a downloaded file exactly as a path, each of its NDS files shown (and recorded) under the URL. */
    public ImportReport importDownloaded(Download.Result d, Options options, ProgressSink progress) {
        List<NdsSource> sources;
        try {
            sources = NdsSources.of(d.file());
        } catch (NdswException e) {
            return new ImportReport(List.of(rejected(d.url(), e).from(d)));
        }
        String local = d.file().toString();
        List<ImportReport.SourceResult> out = new ArrayList<>();
        for (NdsSource s : sources) {
            // ".../downloads/data.zip!nds_data/ResNet.json" becomes "https://.../data.zip!nds_data/ResNet.json".
            NdsSource shown = s.shownAs(d.url() + s.display().substring(local.length()));
            out.add(importSource(shown, options, progress).from(d));
        }
        return new ImportReport(out);
    }

    private List<ImportReport.SourceResult> importPath(Path p, Options options, ProgressSink progress) {
        if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                && PyclsSweep.looksLikeSweep(p)) {
            try {
                return List.of(new PyclsSweepImport(p, options).run(catalog));
            } catch (NdswException e) {
                return List.of(rejected(p.toString(), e));
            }
        }
        List<NdsSource> sources;
        try {
            sources = NdsSources.of(p);
        } catch (NdswException e) {
            return List.of(rejected(p.toString(), e));
        }
        List<ImportReport.SourceResult> out = new ArrayList<>();
        for (NdsSource s : sources) {
            out.add(importSource(s, options, progress));
        }
        return out;
    }

    /** Imports one file; a rejection is reported in the result. */
    public ImportReport.SourceResult importSource(NdsSource source, Options options, ProgressSink progress) {
        try {
            return new SourceImport(source, options, progress).run(catalog);
        } catch (NdswException e) {
            return rejected(source.display(), e);
        }
    }

    private static ImportReport.SourceResult rejected(String input, NdswException e) {
        return new ImportReport.SourceResult(input, ImportReport.Outcome.REJECTED, e.getMessage(), List.of(), 0, 0);
    }
}
