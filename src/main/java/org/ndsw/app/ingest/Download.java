package org.ndsw.app.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.Quote;

/**
 * Downloads a file over http(s) into a folder: the first step of importing the released NDS data from its URL.
 *
 * <p>The body streams to a hidden temporary file ({@link AtomicWrite}) and takes the name `NAME` only once it is known
 * complete: every byte of the server's Content-Length arrived, or, without one, the bytes form a whole zip archive or
 * JSON value ({@link DownloadCheck}). `NAME.download.properties` records the URL, size and that check; a later fetch of
 * the same URL reuses the file unless asked to fetch it again. Every failure is one NdswException naming the URL and
 * the cause, and leaves no file.
 */
public final class Download {
    /** Where the released NDS data is published (facebookresearch/nds, README). */
    public static final String NDS_DATA_URL = "https://dl.fbaipublicfiles.com/nds/data.zip";
    /** The default download folder's name, next to the catalogue file. */
    public static final String FOLDER = "downloads";
    private static final String RECORD = ".download.properties";

    private final Options options;

    /**
     * How to download.
     *
     * @param dir the folder the file is saved in (created if missing)
     * @param refetch download again even if a complete copy of the same URL is in `dir`
     * @param connectTimeout how long to wait for the connection
     * @param idleTimeout how long the response may stall (headers, or between bytes of the body) before giving up
     */
    public record Options(Path dir, boolean refetch, Duration connectTimeout, Duration idleTimeout) {
        /** Checks the values. */
        public Options {
            if (dir == null) {
                throw new NdswException("the download folder must be given");
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero() || idleTimeout.isNegative()
                    || idleTimeout.isZero()) {
                throw new NdswException("download timeouts must be positive, got " + connectTimeout + " and "
                        + idleTimeout);
            }
        }

        /** Downloads into `dir` with a 30 s connect timeout and a 60 s idle timeout. */
        public Options(Path dir, boolean refetch) {
            this(dir, refetch, Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    /**
     * What a fetch did.
     *
     * @param url the URL as given
     * @param file the complete local copy
     * @param bytes its size
     * @param seconds time spent downloading (0 when reused)
     * @param reused true if an earlier download of the same URL was used as is
     */
    public record Result(String url, Path file, long bytes, double seconds, boolean reused) {
        /** One line for the user: where the file came from, where it is, and how big and fast it was. */
        public String summary() {
            if (reused) {
                return String.format(Locale.ROOT, "%s: using %s, downloaded earlier (%.1f MB)", url, file, bytes / 1e6);
            }
            return String.format(Locale.ROOT, "%s: downloaded to %s (%.1f MB in %.1f s, %.1f MB/s)", url, file,
                    bytes / 1e6, seconds, seconds > 0 ? bytes / 1e6 / seconds : 0.0);
        }
    }

    /** A downloader with `options`. */
    public Download(Options options) {
        this.options = options;
    }

    /** The default download folder: `downloads/` next to the catalogue file. */
    public static Path defaultDir(Path catalogFile) {
        Path parent = catalogFile.toAbsolutePath().getParent();
        return parent.resolve(FOLDER);
    }

    /** True if `input` is an http:// or https:// URL rather than a path. */
    public static boolean isUrl(String input) {
        String s = input.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** Fetches `url` into the download folder (or reuses an earlier complete copy), reporting progress. */
    public Result fetch(String url, ProgressSink progress) {
        URI uri = parse(url);
        Path dir = options.dir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NdswException("cannot download " + url + ": cannot create the download folder " + dir + ": "
                    + e.getMessage(), e);
        }
        Path file = dir.resolve(fileName(uri));
        Path record = dir.resolve(file.getFileName() + RECORD);
        if (!options.refetch() && downloadedBefore(url, file, record)) {
            return new Result(url, file, size(file), 0, true);
        }
        long t0 = System.nanoTime();
        HttpTransfer transfer = new HttpTransfer(url, uri, options);
        HttpTransfer.Received[] got = new HttpTransfer.Received[1];
        String[] verified = new String[1];
        try {
            Files.deleteIfExists(record);
            AtomicWrite.write(file, out -> got[0] = transfer.to(out, dir, progress),
                    written -> verified[0] = DownloadCheck.complete(url, written, got[0]));
            AtomicWrite.text(record, recordText(url, got[0].bytes(), verified[0]));
        } catch (IOException e) {
            throw new NdswException("cannot download " + url + ": cannot save " + file + ": " + e.getMessage(), e);
        }
        return new Result(url, file, got[0].bytes(), (System.nanoTime() - t0) / 1e9, false);
    }

    /** `s` cut for a message by {@link Quote#cut}. */
    static String clip(String s) {
        return Quote.cut(s);
    }

    /** The URL as a URI; only http and https with a host are accepted. */
    static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new NdswException(url + ": not an http:// or https:// URL with a host name");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new NdswException(url + ": not a valid URL: " + e.getReason() + " at character " + e.getIndex(), e);
        }
    }

    /** The local name: the URL's last path segment, decoded, with characters unsafe in file names replaced. */
    static String fileName(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String name = URLDecoder.decode(last, StandardCharsets.UTF_8).replaceAll("[^A-Za-z0-9._+-]", "_");
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? "download" : name;
    }

    private static boolean downloadedBefore(String url, Path file, Path record) {
        if (!Files.isRegularFile(file) || !Files.isRegularFile(record)) {
            return false;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            p.load(r);
            // A copy without "verified" was saved by an ndsw that could keep a cut-short transfer: fetch it again.
            return url.strip().equals(p.getProperty("url")) && p.getProperty("verified") != null
                    && String.valueOf(Files.size(file)).equals(p.getProperty("bytes"));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The record of a complete download: URL, size and how completeness was verified. */
    private static String recordText(String url, long bytes, String verified) throws IOException {
        Properties p = new Properties();
        p.setProperty("url", url.strip());
        p.setProperty("bytes", String.valueOf(bytes));
        p.setProperty("verified", verified);
        StringWriter w = new StringWriter();
        p.store(w, "downloaded by ndsw; delete this file (or pass --refetch) to download again");
        return w.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

}
