package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.ingest.LocalHttp;

/**
 * `ndsw import URL`: the released data.zip's shape (nds_data/*.json, here the sample files) served on 127.0.0.1 is
 * downloaded next to the catalogue, imported as a path would be, and recorded under its URL.
 */
class ImportUrlCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private LocalHttp http;
    private String url;
    private String db;

    @BeforeEach
    void serve() throws Exception {
        byte[] zip = LocalHttp.ndsZip(List.of(Path.of("sample-data/nds-mini/ResNet.json"),
                Path.of("sample-data/nds-mini/Vanilla.json")));
        http = new LocalHttp().file("/nds/data.zip", zip).status("/nds/missing.zip", 404);
        url = http.url("/nds/data.zip");
        db = dir.resolve("tmp.db").toString();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aUrlIsDownloadedNextToTheCatalogueAndImportedUnderItsUrl() throws Exception {
        CliRun r = CliRun.of("import", url, "--catalog", db);
        assertEquals(0, r.exit(), r.err());
        Path local = dir.resolve("downloads/data.zip");
        assertTrue(r.out().startsWith(url + ": downloaded to " + local + " ("), r.out());
        assertTrue(r.out().contains(url + "!nds_data/ResNet.json: imported in "), r.out());
        assertTrue(r.out().contains("  sweep ResNet (space ResNet, cifar10): 200 runs of 199 models\n"), r.out());
        assertTrue(r.out().contains("  sweep Vanilla (space Vanilla, cifar10): 200 runs of 200 models\n"), r.out());
        assertTrue(Files.isRegularFile(local));

        JsonNode sweeps = JSON.readTree(CliRun.of("sweeps", "--catalog", db, "--json").out());
        assertEquals(url + "!nds_data/ResNet.json", sweeps.get(0).get("source").asText());

        // Again: the download is reused and the files are unchanged.
        CliRun again = CliRun.of("import", url, "--catalog", db);
        assertEquals(0, again.exit(), again.err());
        assertEquals(url + ": using " + local + ", downloaded earlier (" + String.format(java.util.Locale.ROOT, "%.1f",
                Files.size(local) / 1e6) + " MB); --refetch downloads it again\n"
                + url + "!nds_data/ResNet.json: already imported, unchanged (sweep ResNet)\n"
                + url + "!nds_data/Vanilla.json: already imported, unchanged (sweep Vanilla)\n", again.out());
        assertEquals(1, http.hits("/nds/data.zip"));
    }

    @Test
    void refetchAndDownloadDirAndJsonNameTheDownload() throws Exception {
        Path downloads = dir.resolve("elsewhere");
        CliRun r = CliRun.of("import", url, "--catalog", db, "--download-dir", downloads.toString(), "--refetch",
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode first = JSON.readTree(r.out()).get(0);
        assertEquals(url + "!nds_data/ResNet.json", first.get("input").asText());
        assertEquals(url, first.get("download").get("url").asText());
        assertEquals(downloads.resolve("data.zip").toString(), first.get("download").get("file").asText());
        assertFalse(first.get("download").get("reused").asBoolean());
        assertFalse(Files.exists(dir.resolve("downloads")));
    }

    @Test
    void aFailedDownloadIsOneLineAndTheOtherInputsStillImport() {
        String missing = http.url("/nds/missing.zip");
        CliRun r = CliRun.of("import", missing, "sample-data/nds-mini/Vanilla.json", "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertEquals("ndsw: cannot download " + missing + ": the server answered HTTP 404 (no such file on the server)\n",
                r.err());
        assertTrue(r.out().startsWith("sample-data/nds-mini/Vanilla.json: imported in "), r.out());
        assertFalse(Files.exists(dir.resolve("downloads/missing.zip")));
    }
}
