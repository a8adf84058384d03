package org.ndsw.app.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.app.Provenance;
import org.ndsw.Quote;

/**
 * One HTTP GET streamed to a file, with progress, cancellation, timeouts and a byte count checked against
 * Content-Length. Redirects are followed here, not by the client, so a loop, too many hops, a scheme other than http(s)
 * or a step down from https to http are each refused by name with the URL they pointed to. On any failure an
 * NdswException names the URL and the cause (the caller deletes the partial file).
 */
final class HttpTransfer {
    /** How often a stalled transfer looks at the cancel flag and the idle clock. */
    private static final long POLL_MILLIS = 100;
    /** Most redirects followed (the JDK client's own default limit is 5; CDNs use 1-3). */
    static final int MAX_REDIRECTS = 10;
    private static final long REPORT_NANOS = 200_000_000L;

    private final String url;
    private final URI uri;
    private final Download.Options options;
    private final String name;

    HttpTransfer(String url, URI uri, Download.Options options) {
        this.url = url;
        this.uri = uri;
        this.options = options;
        this.name = Download.fileName(uri);
    }

    /**
     * What arrived.
     *
     * @param bytes bytes of the body
     * @param announced the Content-Length the server sent (then equal to `bytes`), or -1 without one
     */
    record Received(long bytes, long announced) {}

    /** Downloads into `out` (its file in `dir`); the body is complete when this returns. */
    Received to(OutputStream out, Path dir, ProgressSink progress) {
        progress.update(name + ": connecting to " + uri.getHost(), -1);
        HttpResponse<InputStream> response = follow(progress);
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw failure("the server answered HTTP " + response.statusCode() + reason(response.statusCode()));
            }
            checkSpace(dir, length);
            return new Received(copy(body, out, length, progress), length);
        } catch (IOException e) {
            throw failure(cause(e));
        }
    }

    /** Sends the request and follows redirects, each hop checked; returns the first answer that is not one. */
    private HttpResponse<InputStream> follow(ProgressSink progress) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout()).build();
        java.util.List<URI> hops = new java.util.ArrayList<>(java.util.List.of(uri));
        while (true) {
            URI at = hops.get(hops.size() - 1);
            HttpResponse<InputStream> r = connect(client, at, progress);
            int status = r.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return r;
            }
            try (InputStream ignored = r.body()) {
                hops.add(redirect(at, status, r.headers().firstValue("Location").orElse(null), hops));
            } catch (IOException e) {
                throw failure(cause(e));
            }
        }
    }

    /** Where a redirect points, or a failure saying why it is not followed. */
    private URI redirect(URI at, int status, String location, java.util.List<URI> hops) {
        String answered = "the server answered HTTP " + status + " (a redirect) from " + at;
        if (location == null || location.isBlank()) {
            throw failure(answered + " without a Location to go to");
        }
        URI next;
        try {
            next = at.resolve(new URI(location.strip()));
        } catch (URISyntaxException e) {
            throw failure(answered + " to " + Quote.of(location) + ", which is not a valid URL");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
            throw failure(answered + " to " + Download.clip(next.toString()) + "; refused: only http:// and https://"
                    + " URLs are followed (a " + (scheme.isEmpty() ? "URL without a scheme" : scheme + ": URL")
                    + " could read or reach something other than the web server)");
        }
        if (at.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw failure(answered + " to " + next + "; refused: it steps down from https to unencrypted http");
        }
        if (hops.contains(next)) {
            throw failure("the server's redirects loop: " + path(hops, next) + " (" + hops.size() + " requests)");
        }
        if (hops.size() > MAX_REDIRECTS) {
            throw failure("more than " + MAX_REDIRECTS + " redirects: " + path(hops, next));
        }
        return next;
    }

    private static String path(java.util.List<URI> hops, URI next) {
        java.util.List<String> shown = new java.util.ArrayList<>();
        hops.forEach(h -> shown.add(h.toString()));
        shown.add(next.toString());
        return Download.clip(String.join(" -> ", shown));
    }

    private HttpResponse<InputStream> connect(HttpClient client, URI at, ProgressSink progress) {
        HttpRequest request = HttpRequest.newBuilder(at).timeout(options.idleTimeout())
                .header("User-Agent", "ndsw/" + Provenance.appVersion()).GET().build();
        CompletableFuture<HttpResponse<InputStream>> f = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        while (true) {
            if (progress.isCancelled()) {
                f.cancel(true);
                throw cancelled();
            }
            try {
                return f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Still waiting for the headers: look at the cancel flag again.
            } catch (ExecutionException e) {
                throw failure(cause(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                throw cancelled();
            }
        }
    }

    /** Copies the body; a watchdog closes it when the user cancels or no byte arrives within the idle timeout. */
    private long copy(InputStream body, OutputStream out, long length, ProgressSink progress) {
        Watchdog dog = new Watchdog(body, progress, options.idleTimeout().toNanos());
        long bytes = 0;
        long t0 = System.nanoTime();
        long lastReport = t0;
        byte[] buf = new byte[64 * 1024];
        try {
            dog.start();
            while (true) {
                int n;
                try {
                    n = body.read(buf);
                } catch (IOException e) {
                    throw dog.stopped() ? stop(dog) : failure(broken(bytes, length, e));
                }
                if (n < 0 || dog.stopped()) {
                    break;
                }
                dog.touch();
                try {
                    out.write(buf, 0, n);
                } catch (IOException e) {
                    throw failure("cannot save it: " + e.getMessage());
                }
                bytes += n;
                long now = System.nanoTime();
                if (now - lastReport > REPORT_NANOS) {
                    lastReport = now;
                    report(progress, bytes, length, now - t0);
                }
            }
        } finally {
            dog.interrupt();
        }
        if (dog.stopped()) {
            throw stop(dog);
        }
        if (length >= 0 && bytes != length) {
            throw failure(String.format(Locale.ROOT,
                    "the transfer ended after %,d of the %,d bytes the server announced", bytes, length));
        }
        report(progress, bytes, length, System.nanoTime() - t0);
        return bytes;
    }

    private void report(ProgressSink progress, long bytes, long length, long nanos) {
        double rate = nanos > 0 ? bytes / 1e6 / (nanos / 1e9) : 0;
        String of = length >= 0 ? String.format(Locale.ROOT, "%.1f of %.1f MB", bytes / 1e6, length / 1e6)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        progress.update(String.format(Locale.ROOT, "downloading %s: %s, %.1f MB/s", name, of, rate),
                length > 0 ? (double) bytes / length : -1);
    }

    private void checkSpace(Path dir, long length) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (length > 0 && free < length) {
            throw failure(String.format(Locale.ROOT, "it needs %.1f MB and %s has %.1f MB free", length / 1e6, dir,
                    free / 1e6));
        }
    }

    private NdswException stop(Watchdog dog) {
        return dog.cancelled() ? cancelled() : failure("no data for " + seconds(options.idleTimeout())
                + " (idle timeout)");
    }

    private NdswException cancelled() {
        return new NdswException(url + ": download cancelled; the partial file was deleted");
    }

    private NdswException failure(String cause) {
        return new NdswException("cannot download " + url + ": " + cause);
    }

    private static String broken(long bytes, long length, IOException e) {
        return String.format(Locale.ROOT, "the transfer broke off after %,d%s bytes (%s)", bytes,
                length >= 0 ? String.format(Locale.ROOT, " of %,d", length) : "", e.getMessage());
    }

    /** The cause of a failed request in a few words. */
    private String cause(Throwable e) {
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return "unknown host " + uri.getHost();
        }
        if (has(e, HttpConnectTimeoutException.class)) {
            return "no connection to " + uri.getHost() + " within " + seconds(options.connectTimeout());
        }
        if (has(e, HttpTimeoutException.class)) {
            return "no response within " + seconds(options.idleTimeout());
        }
        if (find(e, SSLException.class) != null) {
            return "the secure connection failed: " + find(e, SSLException.class).getMessage();
        }
        if (has(e, ConnectException.class)) {
            // The JDK's client gives no message; a refused connection is the common case (nothing listens there).
            return "cannot connect to " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + " (connection refused or no route)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private static String reason(int status) {
        return switch (status) {
            case 401, 403 -> " (access denied)";
            case 404, 410 -> " (no such file on the server)";
            case 429 -> " (too many requests; try again later)";
            case 500, 502, 503, 504 -> " (a server error; try again later)";
            default -> "";
        };
    }

    /** Closes the body when the user cancels or it stalls, which makes a blocked read return. */
    private static final class Watchdog extends Thread {
        private final InputStream body;
        private final ProgressSink progress;
        private final long idleNanos;
        private volatile long lastByte = System.nanoTime();
        private volatile boolean cancelled;
        private volatile boolean idle;

        Watchdog(InputStream body, ProgressSink progress, long idleNanos) {
            super("ndsw-download-watchdog");
            setDaemon(true);
            this.body = body;
            this.progress = progress;
            this.idleNanos = idleNanos;
        }

        void touch() {
            lastByte = System.nanoTime();
        }

        boolean stopped() {
            return cancelled || idle;
        }

        boolean cancelled() {
            return cancelled;
        }

        @Override
        public void run() {
            try {
                while (!stopped()) {
                    Thread.sleep(POLL_MILLIS);
                    cancelled = progress.isCancelled();
                    idle = !cancelled && System.nanoTime() - lastByte > idleNanos;
                }
                body.close();
            } catch (InterruptedException e) {
                // The copy finished.
            } catch (IOException e) {
                // Closing only unblocks the reader; the copy reports why it stopped.
            }
        }
    }
}
