package org.ndsw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a text file atomically: the text goes to a hidden temporary file beside the target, which then replaces it,
 * so a failed write never leaves a half-written file and never destroys the previous one.
 */
public final class AtomicWrite {
    private AtomicWrite() {}

    /** Writes `text` as UTF-8 to `file`, creating parent folders; errors name the file. */
    public static void text(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new NdswException(file + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A hidden leftover is harmless; the write already reported its own error.
                }
            }
        }
    }
}
