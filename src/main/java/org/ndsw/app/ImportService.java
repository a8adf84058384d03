package org.ndsw.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.nds.NdsSource;
import org.ndsw.catalog.nds.NdsSources;

/**
 * Imports NDS files, zips and folders into a catalogue: the use case behind `ndsw import`.
 *
 * <p>Each file is one transaction, so a rejected file leaves no trace while the other inputs still import. Importing
 * the same file (same name, same SHA-256) again changes nothing and says so.
 */
public final class ImportService {
    private final Catalog catalog;

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
            List<NdsSource> sources;
            try {
                sources = NdsSources.of(p);
            } catch (NdswException e) {
                out.add(rejected(p.toString(), e));
                continue;
            }
            for (NdsSource s : sources) {
                out.add(importSource(s, options, progress));
            }
        }
        return new ImportReport(out);
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
