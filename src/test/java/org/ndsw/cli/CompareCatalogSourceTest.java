package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ndsw compare` reads catalogue sweeps (`catalog:SWEEP`) like the files they were imported from. */
class CompareCatalogSourceTest {

    @Test
    void aSweepComparesLikeItsImportedFile(@TempDir Path dir) throws Exception {
        String db = dir.resolve("c.db").toString();
        CliRun imported = CliRun.of("import", "sample-data/nds-mini/Vanilla.json", "--catalog", db);
        assertEquals(0, imported.exit(), imported.err());
        CliRun r = CliRun.of("compare", "S=catalog:Vanilla", "sample-data/nds-mini/Vanilla.json", "--catalog", db,
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertEquals("S", out.get("sets").get(0).get("label").asText());
        assertEquals(out.get("sets").get(1).get("n").asInt(), out.get("sets").get(0).get("n").asInt());
        assertEquals(0.0, out.get("pairs").get(0).get("ks_d").asDouble());
    }

    @Test
    void anUnknownSweepIsNamed(@TempDir Path dir) {
        String db = dir.resolve("c.db").toString();
        CliRun.of("catalog", "init", "--catalog", db);
        CliRun r = CliRun.of("compare", "catalog:Nope", "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("has no sweep named \"Nope\""), r.err());
    }
}
