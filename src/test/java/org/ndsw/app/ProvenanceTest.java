package org.ndsw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ModelEntry;
import org.ndsw.catalog.NewSweep;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunEntry;
import org.ndsw.catalog.RunStatus;
import org.ndsw.space.SpecJson;
import org.ndsw.train.EngineInfo;

/** Provenance names the app, library, Java and OS versions, and the catalogue keeps them for sweeps and runs. */
class ProvenanceTest {
    @TempDir Path dir;

    static final String R20 = "{\"block_type\":\"res_basic_block\",\"ds\":[1,3,3,3],\"ss\":[1,1,2,2],\"ws\":[16,16,32,64]}";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void librariesOnTheClassPathReportTheirVersions() {
        Map<String, String> libs = Provenance.libraries();
        // The pom pins DJL 0.36.0 over PyTorch 2.7.1 CPU natives (pom.xml properties djl.version, pytorch.version).
        assertEquals("0.36.0", libs.get("djl"));
        assertEquals("2.7.1", libs.get("pytorch"));
        assertEquals("cpu", libs.get("pytorch-flavor"));
        assertEquals("21.0.11+4", libs.get("javafx"));
        assertFalse(libs.containsKey("unknown"));
    }

    @Test
    void sweepProvenanceNamesAppJavaOsAndLibraries() {
        JsonNode p = Provenance.of("import");
        assertTrue(p.get("app").asText().startsWith("ndsw "));
        assertTrue(p.get("java").asText().contains(System.getProperty("java.version")));
        assertTrue(p.get("os").asText().startsWith(System.getProperty("os.name")));
        assertEquals("0.36.0", p.get("libraries").get("djl").asText());
        assertEquals("import", p.get("action").asText());
    }

    @Test
    void catalogueKeepsSweepAndRunProvenance() throws Exception {
        EngineInfo engine = new EngineInfo("djl", Map.of("djl", "0.36.0", "pytorch", "2.7.1"), "cpu", 2,
                "cpu (2 threads)");
        Path file = dir.resolve("c.db");
        try (Catalog c = Catalog.openOrCreate(file)) {
            c.write(w -> {
                long id = w.createSweep(new NewSweep("s", "ResNet", "cifar10", "sampled", "{}", null, null, null, null,
                        null, Provenance.of("sweep").toString()));
                ModelEntry m = ModelEntry.of(SpecJson.parseNet(R20));
                w.addRun(id, w.model(m), new RunEntry(0, 1L, RunStatus.DONE, 8.5, 8.7, 10, m.complexity().flops(),
                        m.complexity().params(), 0.1, 5e-4, 10, "djl", "host", null, null, 12.0,
                        Provenance.ofRun(engine).toString(), RunData.EMPTY));
                return id;
            });
            JsonNode sweep = JSON.readTree(c.sweep("s").orElseThrow().provenance());
            assertEquals(Provenance.appVersion(), sweep.get("app").asText());
            assertEquals(Provenance.os(), sweep.get("os").asText());
        }
        JsonNode run = JSON.readTree(runProvenance(file));
        assertEquals(Provenance.appVersion(), run.get("app").asText());
        assertEquals(Provenance.java(), run.get("java").asText());
        assertEquals(Provenance.os(), run.get("os").asText());
        assertEquals("train", run.get("action").asText());
        assertEquals("djl", run.get("engine").get("name").asText());
        assertEquals("2.7.1", run.get("engine").get("versions").get("pytorch").asText());
        assertEquals(2, run.get("engine").get("threads").asInt());
    }

    private static String runProvenance(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT provenance FROM runs")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
