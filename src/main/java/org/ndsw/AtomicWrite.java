package org.ndsw;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file atomically: the content goes to a hidden temporary file beside the target, is forced to the disk, and
 * then replaces the target by a rename, whose folder is forced too. A failed or interrupted write never leaves a
 * half-written file under the target's name and never destroys the previous one; after a crash the file is either
 * the old one or the whole new one. The one place of this pattern (exports, downloads, checkpoints, settings).
 *
 * <p>A symbolic link at the target is replaced by the new file, never followed, so a link planted where a file is
 * written cannot redirect the write elsewhere.
 */
public final class AtomicWrite {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicWrite() {}

    /** Writes the content of a file to a stream (closing it is allowed and does nothing: the write closes it). */
    @FunctionalInterface
    public interface Body {
        /** Writes the content to `out`. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Checks the complete temporary file before it takes the target's name; throws to keep it out. */
    @FunctionalInterface
    public interface Check {
        /** Checks `written`, the complete content under its temporary name. */
        void check(Path written) throws IOException;
    }

    /** Writes `text` as UTF-8 to `file`, creating parent folders; errors name the file. */
    public static void text(Path file, String text) {
        bytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes `data` to `file`, creating parent folders; errors name the file. */
    public static void bytes(Path file, byte[] data) {
        write(file, out -> out.write(data));
    }

    /** Writes what `body` produces to `file`; an exception from the body leaves the old file as it was. */
    public static void write(Path file, Body body) {
        write(file, body, written -> { });
    }

    /**
     * Writes what `body` produces to `file` once `check` accepts the complete temporary file. An IOException is
     * reported as "FILE: cannot write: ..."; an NdswException of the body or the check passes through unchanged.
     */
    public static void write(Path file, Body body, Check check) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            String hidden = "." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp";
            tmp = target.resolveSibling(hidden);
            // CREATE_NEW: never through a link planted under the temporary name; the umask sets the permissions.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                body.writeTo(new KeepOpen(out));
                out.flush();
                ch.force(true);
            }
            check.check(tmp);
            move(tmp, target);
            tmp = null;
            forceFolder(target.getParent());
        } catch (IOException e) {
            throw new NdswException(file + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // A file system without atomic renames (rare): the copy is complete and forced, so replace it plainly.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; a platform that cannot open a folder for syncing (Windows) skips it. */
    private static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file is complete and renamed; only its durability across a power loss is then the OS's to decide.
        }
    }

    /** The stream the body sees: closing it only flushes, so the write can force the file before closing it. */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A hidden leftover is harmless; the write already reported its own error.
        }
    }
}
