package org.ndsw.app.ingest;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.ndsw.NdswException;
import org.ndsw.catalog.nds.NdsJson;

/**
 * Decides whether a downloaded body is complete before it is kept: by the server's Content-Length when it sent one,
 * otherwise by its content, a whole zip archive (its central directory, which comes last, reads) or a whole JSON value.
 * A server that sends no length and closes early would otherwise leave a cut-short file that every later run reuses.
 */
final class DownloadCheck {
    private static final int ZIP_MAGIC = 0x04034b50;

    private DownloadCheck() {}

    /** How `written` was found complete ("length", "zip" or "json"); throws naming `url` if it is not. */
    static String complete(String url, Path written, HttpTransfer.Received got) throws IOException {
        if (got.announced() >= 0) {
            return "length";
        }
        String problem = isZip(written) ? zipProblem(written) : jsonProblem(written);
        if (problem == null) {
            return isZip(written) ? "zip" : "json";
        }
        throw new NdswException(String.format(Locale.ROOT, "cannot download %s: the server sent no Content-Length and"
                + " the %,d bytes that arrived are not a complete %s (%s); the transfer was probably cut short, so"
                + " nothing was saved; try again", url, got.bytes(), isZip(written) ? "zip archive" : "JSON file",
                Download.clip(problem)));
    }

    private static boolean isZip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && ((b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24)
                    == ZIP_MAGIC;
        }
    }

    private static String zipProblem(Path p) {
        try (ZipFile z = new ZipFile(p.toFile())) {
            return z.size() >= 0 ? null : "no entries";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Reads every token: a JSON value cut anywhere fails, and so does one followed by anything but whitespace. */
    private static String jsonProblem(Path p) {
        try (JsonParser jp = NdsJson.MAPPER.getFactory().createParser(p.toFile())) {
            if (jp.nextToken() == null) {
                return "no JSON value";
            }
            jp.skipChildren();
            return jp.nextToken() == null ? null : "more content after the JSON value";
        } catch (IOException e) {
            return e.getMessage().lines().findFirst().orElse("");
        }
    }
}
