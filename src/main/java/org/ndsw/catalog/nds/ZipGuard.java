package org.ndsw.catalog.nds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * Limits on zip archives: entries must stay inside the archive, and no entry may expand more than
 * {@link #MAX_RATIO} times its compressed size (beyond a {@link #FLOOR} allowance) — a zip bomb stops early.
 *
 * <p>The ratio is checked twice: on the sizes the archive declares, before anything is read, and on the bytes
 * actually inflated, because declared sizes can lie. JSON of numbers deflates about 3-5x; 100x is far above any real
 * NDS file and below the ~1000x a bomb reaches with deflate.
 */
public final class ZipGuard {
    /** Largest accepted expansion of an entry (uncompressed / compressed). */
    public static final long MAX_RATIO = 100;
    /** Bytes an entry may always expand to, whatever its ratio (tiny files compress oddly). */
    public static final long FLOOR = 1L << 20;
    /**
     * Most .json entries accepted in one archive. Each is a sweep and a transaction, and each is opened through the
     * archive's central directory, so an archive of 10^5 tiny entries would take hours and flood the catalogue.
     */
    public static final int MAX_FILES = 1_000;

    private ZipGuard() {}

    /** Checks an entry's name stays inside the archive: no absolute path, drive letter or ".." segment. */
    public static void checkName(String archive, ZipEntry e) {
        String n = e.getName().replace('\\', '/');
        boolean escapes = n.startsWith("/") || n.matches("^[A-Za-z]:.*");
        for (String seg : n.split("/")) {
            escapes |= seg.equals("..");
        }
        if (escapes) {
            throw new NdswException(archive + ": entry " + Quote.of(e.getName()) + " points outside the archive"
                    + " (path traversal); the archive is rejected and nothing of it is imported");
        }
    }

    /** Checks an archive holds at most {@link #MAX_FILES} NDS files. */
    public static void checkCount(String archive, int files) {
        if (files > MAX_FILES) {
            throw new NdswException(String.format(java.util.Locale.ROOT, "%s: the archive holds %,d .json files, more"
                    + " than the %,d accepted in one archive (each becomes a sweep); nothing of it is imported; if you"
                    + " trust it, unzip it and import the folders you need", archive, files, MAX_FILES));
        }
    }

    /** Checks the declared sizes of an entry. */
    public static void checkDeclared(String archive, ZipEntry e) {
        long limit = limit(e.getCompressedSize());
        if (e.getSize() > limit) {
            throw bomb(archive, e.getName(), "declares " + e.getSize(), e.getCompressedSize());
        }
    }

    /** Wraps an entry's stream so it fails once more bytes come out than the ratio allows. */
    public static InputStream bounded(InputStream in, String archive, ZipEntry e) {
        long limit = limit(e.getCompressedSize());
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > limit) {
                    throw bomb(archive, e.getName(), "expands beyond " + limit, e.getCompressedSize());
                }
            }
        };
    }

    private static long limit(long compressed) {
        long c = Math.max(compressed, 0);
        return Math.max(FLOOR, c > Long.MAX_VALUE / MAX_RATIO ? Long.MAX_VALUE : c * MAX_RATIO);
    }

    private static NdswException bomb(String archive, String entry, String size, long compressed) {
        return new NdswException(archive + "!" + entry + ": " + size + " bytes from " + compressed
                + " compressed bytes, over the " + MAX_RATIO + ":1 limit for archives (a zip bomb?); nothing of it is"
                + " imported; if you trust the archive, unzip it and import the folder");
    }
}
