package org.ndsw.catalog.nds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An input stream that counts the bytes read through it and computes their SHA-256 on the way. */
public final class TrackedInput extends FilterInputStream {
    private final MessageDigest sha;
    private volatile long bytes;

    /** Wraps `in`. */
    public TrackedInput(InputStream in) {
        super(in);
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha.update((byte) b);
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
            sha.update(buf, off, n);
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read so far. */
    public long bytes() {
        return bytes;
    }

    /** Reads the rest of the stream and returns the SHA-256 of everything read, in lower-case hex. */
    public String finish() throws IOException {
        byte[] buf = new byte[1 << 16];
        while (read(buf, 0, buf.length) >= 0) {
            // Drain: the checksum covers the whole file, even bytes after the JSON value.
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
