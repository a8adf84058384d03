package org.ndsw.app.sweep;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a worker log (progress lines left out), stored with a failed run. */
final class LogTail {
    /** Bytes read from the end of the log. */
    private static final int BYTES = 16_384;
    /** Lines kept. */
    static final int LINES = 30;

    private LogTail() {}

    /** The last {@link #LINES} non-progress lines of the file, or "" if it cannot be read. */
    static String of(Path log) {
        if (log == null || !Files.isRegularFile(log)) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - BYTES);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            List<String> kept = new ArrayList<>();
            for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith(ProgressLine.PREFIX)) {
                    kept.add(line);
                }
            }
            if (start > 0 && !kept.isEmpty()) {
                kept.remove(0); // probably cut in the middle
            }
            return String.join("\n", kept.subList(Math.max(0, kept.size() - LINES), kept.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
