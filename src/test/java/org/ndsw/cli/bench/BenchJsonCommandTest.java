package org.ndsw.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.cli.CliRun;
import org.ndsw.cli.Json;

/** {@code ndsw bench json} reads the same file with both parsers (which must agree) and reports medians and ratio. */
class BenchJsonCommandTest {
    @TempDir Path dir;

    @Test
    void smallRunReportsBothParsersAndTheRatio() throws Exception {
        CliRun r = CliRun.of("bench", "json", "--records", "40", "--rounds", "2", "--dir", dir.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertEquals(40, o.get("records").asInt());
        assertEquals(2, o.get("ours_seconds").size());
        assertEquals(2, o.get("jackson_seconds").size());
        assertTrue(o.get("ratio").asDouble() > 0, r.out());
    }
}
