package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.app.ingest.Download;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.nds.Records;

/**
 * Downloads from a local server that misbehaves: bodies without a Content-Length cut short, redirect loops, chains and
 * redirects to file: URLs. Nothing incomplete may be kept under the file's name, and every refusal says what happened.
 */
class IngestDownloadTest {
    @TempDir Path dir;
    private HttpServer server;
    private final AtomicInteger served = new AtomicInteger();
    private volatile int sendBytes = Integer.MAX_VALUE;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves `body` chunked (no Content-Length), sending only the first `sendBytes` bytes, then ends cleanly. */
    private void unannounced(String path, byte[] body) {
        server.createContext(path, x -> {
            served.incrementAndGet();
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body, 0, Math.min(body.length, sendBytes));
            }
        });
    }

    private void redirect(String path, String target) {
        server.createContext(path, x -> {
            x.getResponseHeaders().add("Location", target);
            x.sendResponseHeaders(302, -1);
            x.close();
        });
    }

    private Download download() {
        return new Download(new Download.Options(dir.resolve("downloads"), false));
    }

    private List<String> files() throws IOException {
        Path d = dir.resolve("downloads");
        if (!Files.exists(d)) {
            return List.of();
        }
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("nds_data/ResNet.json"));
            z.write(Records.list(Records.many(200)).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return b.toByteArray();
    }

    @Test
    void aZipCutShortWithoutContentLengthIsNeverKeptNorReused() throws Exception {
        byte[] body = zip();
        unannounced("/data.zip", body);
        sendBytes = body.length / 2;
        String u = url("/data.zip");
        String m = assertThrows(NdswException.class, () -> download().fetch(u, ProgressSink.NONE)).getMessage();
        assertTrue(m.startsWith("cannot download " + u + ": the server sent no Content-Length and the "), m);
        assertTrue(m.contains("are not a complete zip archive"), m);
        assertTrue(m.endsWith("the transfer was probably cut short, so nothing was saved; try again"), m);
        assertEquals(List.of(), files());

        sendBytes = Integer.MAX_VALUE;
        Download.Result r = download().fetch(u, ProgressSink.NONE);
        assertFalse(r.reused());
        assertEquals(2, served.get());
        assertArrayEquals(body, Files.readAllBytes(r.file()));
        assertTrue(Files.readString(dir.resolve("downloads/data.zip.download.properties")).contains("verified=zip"));
        assertTrue(download().fetch(u, ProgressSink.NONE).reused());
    }

    @Test
    void jsonWithoutContentLengthIsKeptOnlyWhole() throws Exception {
        byte[] body = Records.list(Records.many(50)).getBytes(StandardCharsets.UTF_8);
        unannounced("/ResNet.json", body);
        sendBytes = body.length - 10;
        String u = url("/ResNet.json");
        String m = assertThrows(NdswException.class, () -> download().fetch(u, ProgressSink.NONE)).getMessage();
        assertTrue(m.contains("are not a complete JSON file"), m);
        assertEquals(List.of(), files());
        sendBytes = Integer.MAX_VALUE;
        assertEquals(body.length, download().fetch(u, ProgressSink.NONE).bytes());
    }

    @Test
    void aCopyRecordedByAnOlderNdswWithoutVerificationIsFetchedAgain() throws Exception {
        byte[] body = zip();
        unannounced("/data.zip", body);
        String u = url("/data.zip");
        Path d = Files.createDirectories(dir.resolve("downloads"));
        Files.write(d.resolve("data.zip"), new byte[] {1, 2, 3});
        Files.writeString(d.resolve("data.zip.download.properties"), "url=" + u.replace(":", "\\:") + "\nbytes=3\n");
        Download.Result r = download().fetch(u, ProgressSink.NONE);
        assertFalse(r.reused());
        assertArrayEquals(body, Files.readAllBytes(r.file()));
    }

    @Test
    void aRedirectLoopIsNamedWithItsUrls() {
        redirect("/a.zip", "/b.zip");
        redirect("/b.zip", url("/a.zip"));
        String u = url("/a.zip");
        String m = assertThrows(NdswException.class, () -> download().fetch(u, ProgressSink.NONE)).getMessage();
        assertEquals("cannot download " + u + ": the server's redirects loop: " + u + " -> " + url("/b.zip") + " -> "
                + u + " (2 requests)", m);
    }

    @Test
    void aRedirectChainPastTheLimitIsNamed() {
        for (int i = 0; i < 15; i++) {
            redirect("/r" + i + ".zip", "/r" + (i + 1) + ".zip");
        }
        String u = url("/r0.zip");
        String m = assertThrows(NdswException.class, () -> download().fetch(u, ProgressSink.NONE)).getMessage();
        assertTrue(m.startsWith("cannot download " + u + ": more than 10 redirects: " + u + " -> "), m);
    }

    @Test
    void aRedirectToAFileUrlIsRefusedNamingTheTarget() throws Exception {
        redirect("/data.zip", "file:///etc/passwd");
        String u = url("/data.zip");
        String m = assertThrows(NdswException.class, () -> download().fetch(u, ProgressSink.NONE)).getMessage();
        assertEquals("cannot download " + u + ": the server answered HTTP 302 (a redirect) from " + u
                + " to file:///etc/passwd; refused: only http:// and https:// URLs are followed (a file: URL could read"
                + " or reach something other than the web server)", m);
        assertEquals(List.of(), files());
    }

    @Test
    void aRedirectWithoutLocationIsNamed() {
        server.createContext("/x.zip", x -> {
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        String u = url("/x.zip");
        String m = assertThrows(NdswException.class, () -> download().fetch(u, ProgressSink.NONE)).getMessage();
        assertTrue(m.endsWith("the server answered HTTP 302 (a redirect) from " + u + " without a Location to go to"), m);
    }
}
