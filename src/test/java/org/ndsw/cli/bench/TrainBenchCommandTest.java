package org.ndsw.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ndsw.cli.CliRun;
import org.ndsw.cli.Json;
import org.ndsw.cli.Main;

/** Runs the side-by-side benchmark in miniature; needs Debian's python3-torch, so it is in the slow suite. */
@Tag("slow")
class TrainBenchCommandTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void reportsMediansAndRatiosForEveryNet() throws Exception {
        assumeTrue(torchAvailable(), "needs /usr/bin/python3 with torch (apt-get install python3-torch)");
        CliRun r = CliRun.of("bench", "train", "--batch", "8", "--steps", "2", "--rounds", "1", "--threads", "1",
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertEquals(3, o.get("nets").size());
        for (JsonNode n : o.get("nets")) {
            assertEquals("cpu (1 thread, channels-last)", n.get("engine_device").asText());
            assertTrue(n.get("engine_img_per_s").asDouble() > 0);
            assertTrue(n.get("pytorch_img_per_s").asDouble() > 0);
            assertEquals(n.get("engine_img_per_s").asDouble() / n.get("pytorch_img_per_s").asDouble(),
                    n.get("ratio").asDouble(), 1e-9);
            assertTrue(n.get("engine_img_per_cpu_s").asDouble() > 0);
            assertTrue(n.get("pytorch_img_per_cpu_s").asDouble() > 0);
            assertEquals(n.get("engine_img_per_cpu_s").asDouble() / n.get("pytorch_img_per_cpu_s").asDouble(),
                    n.get("cpu_ratio").asDouble(), 1e-9);
        }
    }

    @Test
    void missingScriptIsAUserError() {
        CliRun r = CliRun.of("bench", "train", "--script", "no/such/script.py", "--steps", "1", "--batch", "8");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("no/such/script.py: no such file (the PyTorch reference script"), r.err());
    }

    private static boolean torchAvailable() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
