package org.ndsw.app.paper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code ndsw figure paper} produced.
 *
 * @param outDir the output folder
 * @param report the Markdown report written there
 * @param written the figures rendered, each with its panels' files
 * @param skipped one line per figure that could not be made, saying why
 * @param notes missing or unreadable files
 * @param files the NDS files read and their model counts
 */
public record PaperReport(Path outDir, Path report, List<String> written, List<String> skipped, List<String> notes,
                          Map<String, Integer> files) {
    /** Copies the collections. */
    public PaperReport {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
        files = Map.copyOf(files);
    }
}
