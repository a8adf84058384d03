package org.ndsw.app.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A real HTTP server on 127.0.0.1 (a free port) for download tests: files, error statuses, redirects, bodies cut
 * short of their Content-Length, and bodies that stall until the test ends.
 */
public final class LocalHttp implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-http");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<ServerSocket> rawServers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Starts a server with no files. */
    public LocalHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.start();
    }

    /** The URL of `path` (starting with /) on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests reached `path`. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Serves `body` at `path` with status 200 and its Content-Length. */
    public LocalHttp file(String path, byte[] body) {
        return handle(path, x -> {
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** Answers `status` with a short text body at `path`. */
    public LocalHttp status(String path, int status) {
        return handle(path, x -> {
            byte[] text = ("status " + status).getBytes();
            x.sendResponseHeaders(status, text.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(text);
            }
        });
    }

    /** Redirects `path` to `target` (302). */
    public LocalHttp redirect(String path, String target) {
        return handle(path, x -> {
            x.getResponseHeaders().add("Location", target);
            x.sendResponseHeaders(302, -1);
            x.close();
        });
    }

    /**
     * Serves `body` at the returned URL (its own port, any path ending in `name`) announcing all its bytes but sending
     * only the first `sent` before closing the connection, as a transfer that breaks off does.
     */
    public String truncated(String name, byte[] body, int sent) throws IOException {
        ServerSocket raw = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        rawServers.add(raw);
        pool.execute(() -> {
            while (!raw.isClosed()) {
                try (Socket s = raw.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // Skip the request line and headers.
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, 0, sent);
                    out.flush();
                } catch (IOException e) {
                    // Closed by close(), or the client went away.
                }
            }
        });
        return "http://127.0.0.1:" + raw.getLocalPort() + "/" + name;
    }

    /** Sends the first `sent` bytes of `body` at `path`, then stalls until the server closes. */
    public LocalHttp stalling(String path, byte[] body, int sent) {
        return handle(path, x -> {
            x.sendResponseHeaders(200, body.length);
            OutputStream out = x.getResponseBody();
            out.write(body, 0, sent);
            out.flush();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
    }

    private LocalHttp handle(String path, Handler h) {
        server.createContext(path, x -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try {
                x.getRequestBody().readAllBytes();
                h.handle(x);
            } catch (IOException e) {
                x.close();
            }
        });
        return this;
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange x) throws IOException;
    }

    /** A zip holding `files` as `nds_data/NAME`, as the released data.zip does. */
    public static byte[] ndsZip(List<Path> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry("nds_data/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        released.countDown();
        for (ServerSocket raw : rawServers) {
            try {
                raw.close();
            } catch (IOException e) {
                // Closing a listening socket on the loopback does not fail in practice.
            }
        }
        server.stop(0);
        pool.shutdownNow();
    }
}
