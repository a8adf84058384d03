package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ndsw sweep create|status|stop|export|import` in-process (running is covered by the app.sweep tests). */
class SweepCommandTest {
    @TempDir Path dir;
    private String db;
    private Path space;

    @BeforeEach
    void writeSpace() throws Exception {
        db = dir.resolve("c.db").toString();
        space = dir.resolve("tiny.json");
        try (InputStream in = getClass().getResourceAsStream("/org/ndsw/app/sweep/tiny-resnet.json")) {
            Files.copy(in, space);
        }
    }

    private CliRun create(String name) {
        return CliRun.of("sweep", "create", name, "--space", space.toString(), "-n", "3", "--seed", "5",
                "--max-params", "20k", "--epochs", "2", "--data", dir.toString(), "--catalog", db);
    }

    @Test
    void gpusGiveOneWorkerPerDeviceUnlessWorkersSaysOtherwise() {
        var four = SweepRunCommand.options(null, 0, "2g", false, 60, 3, "0,1,2,3");
        assertEquals(4, four.workers());
        assertEquals(List.of(0, 1, 2, 3), four.gpus());
        var six = SweepRunCommand.options(6, 0, "2g", false, 60, 3, "0,1");
        assertEquals(List.of(0, 1, 0, 1, 0, 1), java.util.stream.IntStream.range(0, 6).map(six::gpuOf).boxed().toList());
        assertEquals(1, SweepRunCommand.options(null, 0, "2g", false, 60, 3, null).workers());
    }

    @Test
    void createThenStatusJsonKeepsTheContract() throws Exception {
        CliRun c = create("demo");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().startsWith("created sweep demo in " + db + ": 3 models"), c.out());
        CliRun s = CliRun.of("sweep", "status", "demo", "--json", "--catalog", db);
        assertEquals(0, s.exit(), s.err());
        JsonNode o = Json.MAPPER.readTree(s.out());
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("name", "total", "done", "running", "failed", "pending"), keys.subList(0, 6));
        assertEquals(3, o.get("total").asInt());
        assertEquals(3, o.get("pending").asInt());
        JsonNode run = o.get("runs").get(0);
        for (String k : List.of("model", "seed", "status", "epochs_done", "best_error")) {
            assertTrue(run.has(k), k);
        }
        assertEquals("pending", run.get("status").asText());
        assertEquals(0, run.get("epochs_done").asInt());
        assertTrue(run.get("best_error").isNull());
        CliRun text = CliRun.of("sweep", "status", "demo", "--catalog", db);
        assertTrue(text.out().startsWith("sweep demo (cpu): 3 runs, 0 done, 0 running, 0 failed, 3 pending\n"),
                text.out());
        assertEquals("cpu", o.get("device").asText(), "cpu is the default");
    }

    @Test
    void sampledLrAndWdAreShownPerRunAndSurviveExportAndImport() throws Exception {
        CliRun c = CliRun.of("sweep", "create", "lw", "--space", space.toString(), "-n", "3", "--seed", "5",
                "--epochs", "1", "--data", dir.toString(), "--lr-range", "0.01:1", "--wd-range", "1e-5:1e-3",
                "--catalog", db);
        assertEquals(0, c.exit(), c.err());
        JsonNode runs = Json.MAPPER.readTree(CliRun.of("sweep", "status", "lw", "--json", "--catalog", db).out())
                .get("runs");
        java.util.Set<Double> lrs = new java.util.HashSet<>();
        for (JsonNode r : runs) {
            double lr = r.get("lr").asDouble();
            double wd = r.get("wd").asDouble();
            assertTrue(lr >= 0.01 && lr <= 1 && wd >= 1e-5 && wd <= 1e-3, r.toString());
            lrs.add(lr);
        }
        assertEquals(3, lrs.size(), "each model draws its own lr");
        String text = CliRun.of("sweep", "status", "lw", "--catalog", db).out();
        assertTrue(text.contains(" LR ") && text.contains(" WD "), text);
        Path f = dir.resolve("lw.json");
        assertEquals(0, CliRun.of("sweep", "export", "lw", "--out", f.toString(), "--catalog", db).exit());
        assertEquals(0, CliRun.of("sweep", "import", f.toString(), "--name", "lw2", "--catalog", db).exit());
        JsonNode again = Json.MAPPER.readTree(CliRun.of("sweep", "status", "lw2", "--json", "--catalog", db).out())
                .get("runs");
        assertEquals(runs.findValues("lr"), again.findValues("lr"), "the same definition draws the same values");
        CliRun bad = CliRun.of("sweep", "create", "b", "--space", space.toString(), "-n", "2", "--seed", "5",
                "--data", dir.toString(), "--lr-range", "1:0.1", "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, bad.exit());
        assertEquals("ndsw: --lr-range: a log-uniform range needs 0 < lo <= hi, both finite, got [1.0, 0.1]\n",
                bad.err());
    }

    @Test
    void aGpuSweepKeepsItsDeviceThroughStatusExportAndImport() throws Exception {
        CliRun c = CliRun.of("sweep", "create", "g", "--space", space.toString(), "-n", "2", "--seed", "5",
                "--epochs", "1", "--data", dir.toString(), "--device", "gpu", "--catalog", db);
        assertEquals(0, c.exit(), c.err());
        JsonNode status = Json.MAPPER.readTree(CliRun.of("sweep", "status", "g", "--json", "--catalog", db).out());
        assertEquals("gpu", status.get("device").asText());
        Path f = dir.resolve("g.json");
        assertEquals(0, CliRun.of("sweep", "export", "g", "--out", f.toString(), "--catalog", db).exit());
        assertEquals("gpu", Json.MAPPER.readTree(f.toFile()).get("device").asText());
        assertEquals(0, CliRun.of("sweep", "import", f.toString(), "--name", "g2", "--catalog", db).exit());
        assertTrue(CliRun.of("sweep", "status", "g2", "--catalog", db).out().startsWith("sweep g2 (gpu): 2 runs"));

        CliRun bad = CliRun.of("sweep", "create", "t", "--space", space.toString(), "-n", "2", "--seed", "5",
                "--data", dir.toString(), "--device", "tpu", "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, bad.exit());
        assertEquals("ndsw: device must be cpu or gpu, got \"tpu\"\n", bad.err());
        assertTrue(CliRun.of("sweep", "status", "t", "--catalog", db).err().contains("has no sweep named \"t\""),
                "nothing is written for a bad device");
        Files.writeString(f, Files.readString(f).replace("\"device\" : \"gpu\"", "\"device\" : \"GPU0\""));
        CliRun badFile = CliRun.of("sweep", "import", f.toString(), "--name", "g3", "--catalog", db);
        assertEquals("ndsw: " + f + ": field \"device\" must be \"cpu\" or \"gpu\", got \"GPU0\"\n", badFile.err());
    }

    @Test
    void exportImportStopAndBadInput() throws Exception {
        create("demo");
        Path f = dir.resolve("demo.json");
        assertEquals(0, CliRun.of("sweep", "export", "demo", "--out", f.toString(), "--catalog", db).exit());
        CliRun i = CliRun.of("sweep", "import", f.toString(), "--name", "copy", "--catalog", db);
        assertEquals(0, i.exit(), i.err());
        JsonNode a = Json.MAPPER.readTree(CliRun.of("sweep", "status", "demo", "--json", "--catalog", db).out());
        JsonNode b = Json.MAPPER.readTree(CliRun.of("sweep", "status", "copy", "--json", "--catalog", db).out());
        assertEquals(a.get("runs").findValues("model"), b.get("runs").findValues("model"));
        CliRun stop = CliRun.of("sweep", "stop", "copy", "--catalog", db);
        assertTrue(stop.out().startsWith("stop requested for sweep copy"), stop.out());
        assertTrue(CliRun.of("sweep", "status", "copy", "--catalog", db).out().contains("(stop requested)"));

        Files.writeString(f, Files.readString(f).replace("\"seed\" : 5", "\"seed\" : 5.5"));
        CliRun bad = CliRun.of("sweep", "import", f.toString(), "--name", "bad", "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, bad.exit());
        assertEquals("ndsw: " + f + ": field \"seed\" must be an integer, got 5.5\n", bad.err());
        CliRun missing = CliRun.of("sweep", "run", "nope", "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, missing.exit());
        assertTrue(missing.err().contains("has no sweep named \"nope\""), missing.err());
        CliRun name = CliRun.of("sweep", "create", "bad name", "--space", "ResNet", "-n", "1", "--seed", "1",
                "--data", dir.toString(), "--catalog", db);
        assertTrue(name.err().startsWith("ndsw: sweep name must be 1-64 letters"), name.err());
    }

    @Test
    void anEnhancedDartsSweepQueuesTheTrainedNetsAndKeepsItsRecipe() throws Exception {
        CliRun c = CliRun.of("sweep", "create", "enh", "--space", "DARTS", "-n", "2", "--seed", "5", "--recipe",
                "enhanced", "--epochs", "3", "--data", dir.toString(), "--catalog", db);
        assertEquals(0, c.exit(), c.err());
        try (org.ndsw.catalog.Catalog cat = org.ndsw.catalog.Catalog.open(Path.of(db))) {
            for (org.ndsw.catalog.SweepRun run : cat.runQueue().runs("enh")) {
                JsonNode net = Json.MAPPER.readTree(cat.runQueue().ticket(run.id()).net());
                assertTrue(net.get("aux").asBoolean(), net.toString());
                assertEquals(0.2, net.get("drop_prob").asDouble());
            }
        }
        Path f = dir.resolve("enh.json");
        assertEquals(0, CliRun.of("sweep", "export", "enh", "--out", f.toString(), "--catalog", db).exit());
        JsonNode recipe = Json.MAPPER.readTree(f.toFile()).get("recipe");
        assertEquals(3, recipe.get("epochs").asInt());
        assertEquals(16, recipe.get("cutout").asInt());
        assertEquals(0.4, recipe.get("aux_weight").asDouble());
        assertEquals(0.2, recipe.get("drop_path_prob").asDouble());
        assertEquals(0, CliRun.of("sweep", "import", f.toString(), "--name", "enh2", "--catalog", db).exit());
        Path g = dir.resolve("enh2.json");
        assertEquals(0, CliRun.of("sweep", "export", "enh2", "--out", g.toString(), "--catalog", db).exit());
        assertEquals(recipe, Json.MAPPER.readTree(g.toFile()).get("recipe"));
    }

    @Test
    void aStageWiseSpaceRefusesTheHeadAndDropPathNamingTheOption() {
        CliRun c = CliRun.of("sweep", "create", "r", "--space", "ResNet", "-n", "2", "--seed", "5", "--recipe",
                "enhanced", "--data", dir.toString(), "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, c.exit());
        assertTrue(c.err().startsWith("ndsw: --recipe enhanced: its auxiliary head (weight 0.4) and drop-path (0.2)"
                + " are defined for cell networks only, and space ResNet is stage-wise;"), c.err());
        CliRun aux = CliRun.of("sweep", "create", "r", "--space", "ResNet", "-n", "2", "--seed", "5", "--aux-weight",
                "0.3", "--data", dir.toString(), "--catalog", db);
        assertTrue(aux.err().startsWith("ndsw: --aux-weight 0.3: the auxiliary head is defined for cell networks"),
                aux.err());
        CliRun cutout = CliRun.of("sweep", "create", "r", "--space", "ResNet", "-n", "2", "--seed", "5", "--recipe",
                "enhanced", "--aux-weight", "0", "--drop-path", "0", "--data", dir.toString(), "--catalog", db);
        assertEquals(0, cutout.exit(), cutout.err());
    }
}
