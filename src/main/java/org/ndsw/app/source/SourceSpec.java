package org.ndsw.app.source;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * A source as named on the command line: {@code [NAME=]PATH[#GROUP]}. NAME is the label (default: the file name
 * without extension, plus "#GROUP" when a group is chosen); GROUP picks one list of an NDS file in the reruns form
 * {@code {"top": [...], "mid": [...]}}.
 *
 * @param label the label shown in tables, figures and JSON
 * @param path the file
 * @param group the group of a reruns-form file, or null
 */
public record SourceSpec(String label, Path path, String group) {
    /** Validates the parts. */
    public SourceSpec {
        if (label == null || label.isBlank()) {
            throw new NdswException("a source needs a non-empty label, got " + Quote.of(label) + " for " + path);
        }
        if (group != null && group.isEmpty()) {
            throw new NdswException("empty group after '#' in source " + path);
        }
    }

    /**
     * Parses {@code [NAME=]PATH[#GROUP]}. A text that names an existing file as a whole is a path (so file names may
     * contain '=' or '#'); otherwise the first '=' ends the label and the last '#' starts the group.
     */
    public static SourceSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new NdswException("empty source: expected [NAME=]PATH[#GROUP]");
        }
        if (Files.isRegularFile(Path.of(text))) {
            return new SourceSpec(defaultLabel(Path.of(text), null), Path.of(text), null);
        }
        String label = null;
        String rest = text;
        int eq = text.indexOf('=');
        if (eq >= 0) {
            label = text.substring(0, eq);
            rest = text.substring(eq + 1);
        }
        String group = null;
        int hash = rest.lastIndexOf('#');
        if (hash >= 0 && !Files.isRegularFile(Path.of(rest))) {
            group = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        if (rest.isEmpty()) {
            throw new NdswException("source " + Quote.of(text) + " has no path: expected [NAME=]PATH[#GROUP]");
        }
        Path path = Path.of(rest);
        return new SourceSpec(label != null ? label : defaultLabel(path, group), path, group);
    }

    /** The file name without its extension, with "#group" appended when a group is chosen. */
    static String defaultLabel(Path path, String group) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return group == null ? base : base + "#" + group;
    }
}
