package org.ndsw.app.source;

import java.nio.file.Files;
import java.util.Locale;
import org.ndsw.NdswException;

/** Reads a source by its file extension: .json (NDS JSON), .jsonl / .ndjson (JSON Lines) or .csv. */
public final class SourceReader {
    private SourceReader() {}

    /**
     * Reads the models of a source.
     *
     * @param spec the source
     * @param metric which error to read from NDS records (CSV sources use their error column)
     * @param required a complexity every model must have (null for none); its absence is an error naming the record
     */
    public static RecordSet read(SourceSpec spec, ErrorMetric metric, Complexity required) {
        if (!Files.isRegularFile(spec.path())) {
            throw new NdswException("cannot read source " + spec.path() + ": no such file");
        }
        String name = spec.path().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            rejectGroup(spec);
            return CsvReader.read(spec, required);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            rejectGroup(spec);
            return JsonLinesReader.read(spec, metric, required);
        }
        if (name.endsWith(".json")) {
            return NdsJsonReader.read(spec, metric, required);
        }
        throw new NdswException("cannot read source " + spec.path()
                + ": unknown format, expected a .json (NDS), .jsonl / .ndjson (JSON Lines) or .csv file");
    }

    private static void rejectGroup(SourceSpec spec) {
        if (spec.group() != null) {
            throw new NdswException(spec.path() + ": '#" + spec.group() + "' selects a group of an NDS reruns file;"
                    + " this file has no groups");
        }
    }
}
