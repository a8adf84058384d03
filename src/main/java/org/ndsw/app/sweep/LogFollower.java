package org.ndsw.app.sweep;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ndsw.train.Progress;

/** Follows a worker log from its current end and keeps the latest progress line. */
final class LogFollower {
    private static final int MAX_READ = 1 << 20;

    private final Path file;
    private long offset;
    private String partial = "";
    private Progress latest;

    LogFollower(Path file) {
        this.file = file;
        try {
            offset = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            offset = 0;
        }
    }

    Path file() {
        return file;
    }

    /** Reads what was appended since the last call and returns the newest progress report, if any yet. */
    Optional<Progress> latest() {
        if (Files.exists(file)) {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long end = f.length();
                if (end > offset) {
                    offset = Math.max(offset, end - MAX_READ);
                    byte[] b = new byte[(int) (end - offset)];
                    f.seek(offset);
                    f.readFully(b);
                    offset = end;
                    String text = partial + new String(b, StandardCharsets.UTF_8);
                    int cut = text.lastIndexOf('\n');
                    partial = text.substring(cut + 1);
                    for (String line : text.substring(0, Math.max(0, cut)).split("\n")) {
                        ProgressLine.parse(line).ifPresent(p -> latest = p);
                    }
                }
            } catch (IOException e) {
                // The log is for display only; the catalogue holds the run's state.
            }
        }
        return Optional.ofNullable(latest);
    }
}
