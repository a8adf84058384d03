package org.ndsw.app.paper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ndsw.NdswException;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.app.source.SourceReader;
import org.ndsw.app.source.SourceSpec;

/**
 * The released NDS files of a folder, named {@code <Space>.json} (docs/reference/nds-json.md#files), read on first use and kept.
 * A missing or unreadable file is recorded as a note and reported as absent.
 */
final class NdsLibrary {
    private final Path dir;
    private final Map<String, Optional<RecordSet>> loaded = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    NdsLibrary(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NdswException("--nds-dir " + dir + " is not a folder");
        }
        this.dir = dir;
    }

    /** The models of {@code <space>.json} (best-epoch error), or empty when the file is missing or bad. */
    Optional<RecordSet> space(String space) {
        return loaded.computeIfAbsent(space, this::load);
    }

    /** The spaces of the list that are present, in order. */
    List<RecordSet> present(List<String> spaces) {
        List<RecordSet> sets = new ArrayList<>();
        for (String s : spaces) {
            space(s).ifPresent(sets::add);
        }
        return sets;
    }

    /** Notes on missing or unreadable files, in the order met. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The files read so far and their model counts. */
    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        loaded.forEach((name, set) -> set.ifPresent(s -> sizes.put(name + ".json", s.size())));
        return sizes;
    }

    private Optional<RecordSet> load(String space) {
        Path file = dir.resolve(space + ".json");
        if (!Files.isRegularFile(file)) {
            notes.add("missing " + file.getFileName());
            return Optional.empty();
        }
        try {
            return Optional.of(SourceReader.read(new SourceSpec(space, file, null), ErrorMetric.BEST, null));
        } catch (NdswException e) {
            notes.add("unreadable " + file.getFileName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
