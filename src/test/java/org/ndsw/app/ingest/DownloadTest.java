package org.ndsw.app.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;

/** The downloader against a real HTTP server on 127.0.0.1: success, reuse, refetch and every failure it names. */
class DownloadTest {
    @TempDir Path dir;
    private LocalHttp http;
    private final byte[] body = bytes(700_000, 7);

    @BeforeEach
    void start() throws IOException {
        http = new LocalHttp();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private Download download(boolean refetch) {
        return new Download(new Download.Options(dir.resolve("downloads"), refetch));
    }

    /** Records progress reports; cancels once `cancelWhen` holds. */
    private static final class Sink implements ProgressSink {
        final List<String> messages = new ArrayList<>();
        final List<Double> fractions = new ArrayList<>();
        final java.util.function.BooleanSupplier cancelWhen;

        Sink(java.util.function.BooleanSupplier cancelWhen) {
            this.cancelWhen = cancelWhen;
        }

        @Override
        public synchronized void update(String message, double fraction) {
            messages.add(message);
            fractions.add(fraction);
        }

        @Override
        public boolean isCancelled() {
            return cancelWhen.getAsBoolean();
        }
    }

    private List<String> files() throws IOException {
        try (var s = Files.list(dir.resolve("downloads"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileIsStreamedCheckedAndMovedToItsNameFollowingRedirects() throws Exception {
        http.file("/nds/data.zip", body).redirect("/latest/data.zip", "/nds/data.zip");
        Sink sink = new Sink(() -> false);
        Download.Result r = download(false).fetch(http.url("/latest/data.zip"), sink);
        assertEquals(dir.resolve("downloads/data.zip"), r.file());
        assertArrayEquals(body, Files.readAllBytes(r.file()));
        assertEquals(body.length, r.bytes());
        assertFalse(r.reused());
        assertEquals(List.of("data.zip", "data.zip.download.properties"), files());
        assertEquals(1.0, sink.fractions.get(sink.fractions.size() - 1));
        String last = sink.messages.get(sink.messages.size() - 1);
        assertTrue(last.matches("downloading data\\.zip: 0\\.7 of 0\\.7 MB, [0-9.]+ MB/s"), last);
        String start = http.url("/latest/data.zip") + ": downloaded to " + r.file() + " (0.7 MB in ";
        assertTrue(r.summary().startsWith(start), r.summary());
    }

    @Test
    void aCompleteEarlierDownloadOfTheSameUrlIsReusedUnlessRefetched() throws Exception {
        http.file("/a/data.zip", body).file("/b/data.zip", bytes(1000, 8));
        String url = http.url("/a/data.zip");
        download(false).fetch(url, ProgressSink.NONE);
        Download.Result again = download(false).fetch(url, ProgressSink.NONE);
        assertTrue(again.reused());
        assertEquals(1, http.hits("/a/data.zip"));
        assertEquals(url + ": using " + again.file() + ", downloaded earlier (0.7 MB)", again.summary());

        Download.Result refetched = download(true).fetch(url, ProgressSink.NONE);
        assertFalse(refetched.reused());
        assertEquals(2, http.hits("/a/data.zip"));

        // Another URL with the same file name is not the same download.
        Download.Result other = download(false).fetch(http.url("/b/data.zip"), ProgressSink.NONE);
        assertFalse(other.reused());
        assertEquals(1000, Files.size(other.file()));
        // A copy whose size no longer matches the record is not reused either.
        Files.write(other.file(), new byte[10]);
        assertFalse(download(false).fetch(http.url("/b/data.zip"), ProgressSink.NONE).reused());
    }

    @Test
    void anHttpErrorNamesTheUrlAndStatusAndSavesNothing() throws Exception {
        http.status("/gone.zip", 404);
        String url = http.url("/gone.zip");
        NdswException e = assertThrows(NdswException.class, () -> download(false).fetch(url, ProgressSink.NONE));
        assertEquals("cannot download " + url + ": the server answered HTTP 404 (no such file on the server)",
                e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aBodyShortOfItsContentLengthIsRejectedAndLeavesNoFile() throws Exception {
        String url = http.truncated("data.zip", body, 300_000);
        NdswException e = assertThrows(NdswException.class, () -> download(false).fetch(url, ProgressSink.NONE));
        assertTrue(e.getMessage().startsWith("cannot download " + url + ": the transfer "), e.getMessage());
        assertTrue(e.getMessage().contains("700,000"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of(), files());
    }

    @Test
    void cancellingStopsAStalledTransferAndDeletesThePartFile() throws Exception {
        http.stalling("/data.zip", body, 100_000);
        String url = http.url("/data.zip");
        Sink sink = new Sink(() -> {
            // The body streams to a hidden temporary file beside data.zip; cancel once it holds bytes.
            try (var files = Files.list(dir.resolve("downloads"))) {
                return files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp") && p.toFile().length() > 0);
            } catch (IOException e) {
                return false;
            }
        });
        long t0 = System.nanoTime();
        NdswException e = assertThrows(NdswException.class, () -> download(false).fetch(url, sink));
        assertEquals(url + ": download cancelled; the partial file was deleted", e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10e9, "stops promptly");
        assertEquals(List.of(), files());
    }

    @Test
    void aStalledTransferTimesOut() throws Exception {
        http.stalling("/data.zip", body, 1000);
        String url = http.url("/data.zip");
        Download d = new Download(new Download.Options(dir.resolve("downloads"), false, Duration.ofSeconds(5),
                Duration.ofMillis(300)));
        NdswException e = assertThrows(NdswException.class, () -> d.fetch(url, ProgressSink.NONE));
        assertEquals("cannot download " + url + ": no data for 0.3 s (idle timeout)", e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aRefusedConnectionIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/data.zip";
        NdswException e = assertThrows(NdswException.class, () -> download(false).fetch(url, ProgressSink.NONE));
        assertTrue(e.getMessage().startsWith("cannot download " + url + ": cannot connect to 127.0.0.1:" + port),
                e.getMessage());
    }

    @Test
    void anUnknownHostIsNamed() {
        // .invalid never resolves (RFC 6761).
        String url = "http://nds.invalid/data.zip";
        NdswException e = assertThrows(NdswException.class, () -> download(false).fetch(url, ProgressSink.NONE));
        assertEquals("cannot download " + url + ": unknown host nds.invalid", e.getMessage());
    }

    @Test
    void theLocalNameIsTheUrlsLastSegmentMadeSafe() {
        assertEquals("data.zip", Download.fileName(URI.create("https://dl.fbaipublicfiles.com/nds/data.zip?x=1")));
        assertEquals("ResNet_rng1.json", Download.fileName(URI.create("http://h/a/ResNet_rng1.json")));
        assertEquals("my_data.zip", Download.fileName(URI.create("http://h/my%20data.zip")));
        assertEquals("download", Download.fileName(URI.create("http://h/")));
        assertEquals("download", Download.fileName(URI.create("http://h/a/..")));
        assertTrue(Download.isUrl(" HTTPS://x/y.zip"));
        assertFalse(Download.isUrl("data/https.zip"));
        assertEquals("ftp://h/x.zip: not an http:// or https:// URL with a host name",
                assertThrows(NdswException.class, () -> Download.parse("ftp://h/x.zip")).getMessage());
        assertEquals(Path.of("/data/nds/downloads"), Download.defaultDir(Path.of("/data/nds/catalog.db")));
    }
}
