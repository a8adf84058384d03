package org.ndsw.ui.catalog;

import java.util.function.Predicate;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.Quote;

/**
 * An input refused because a different file of the same name was imported before: the workbench offers to replace
 * the earlier sweeps, to import it under another name, or to skip it, instead of the command line's flag.
 *
 * @param input the input as the import report names it
 * @param fileName its file name (the sweep name comes from it)
 * @param reason the refusal without the command line's advice
 */
public record NameCollision(String input, String fileName, String reason) {
    /** The button that replaces the earlier sweep. */
    static final String REPLACE = "Replace the existing sweep";
    /** The button that imports under another name. */
    static final String RENAME = "Import under a new name…";
    /** The button that leaves the input out. */
    static final String SKIP = "Skip";

    /** True when the input was given as a URL (a download), not as a local file. */
    boolean downloaded() {
        return org.ndsw.app.ingest.Download.isUrl(input);
    }

    /** The dialog's header: which input, and that its name is taken. */
    String header() {
        return fileName + (downloaded() ? " (downloaded)" : "") + " has the name of a file imported before";
    }

    /** The dialog's text: why it was refused and the three choices, in the words of a file or a download. */
    String question() {
        String what = downloaded() ? "the downloaded " + fileName + " (from " + Quote.of(input) + ")" : "this file";
        return reason + "\n\nReplace the existing sweep with " + what + " (its runs are removed), import it as a new"
                + " sweep under another name, or skip it.";
    }

    /** The collision a refused result reports, or null when it was refused for another reason. */
    static NameCollision of(ImportReport.SourceResult r) {
        String m = r.message();
        if (r.outcome() != ImportReport.Outcome.REJECTED || m == null || !m.endsWith(ImportService.REPLACE_HINT)) {
            return null;
        }
        String input = r.input();
        String name = input.substring(Math.max(input.lastIndexOf('/'), Math.max(input.lastIndexOf('\\'),
                input.lastIndexOf('!'))) + 1);
        return new NameCollision(input, name, m.substring(0, m.length() - ImportService.REPLACE_HINT.length()));
    }

    /**
     * A file name for importing `fileName` as a new sweep that `taken` does not hold: a suffix after the space's name
     * (`ResNet.json` becomes `ResNet_2.json`, `DARTS_in.json` `DARTS_2_in.json`), so the space and dataset the name
     * says stay the same.
     */
    static String suggestName(String fileName, Predicate<String> taken) {
        String base = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? fileName.substring(0, fileName.length() - 5) : fileName;
        String tail = base.endsWith("_in") ? "_in" : "";
        String head = base.substring(0, base.length() - tail.length());
        for (int i = 2; ; i++) {
            String candidate = head + "_" + i + tail + ".json";
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** The name typed for a new sweep as a file name: `.json` added when missing, surrounding spaces dropped. */
    static String asFileName(String typed) {
        String t = typed.strip();
        return t.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? t : t + ".json";
    }
}
