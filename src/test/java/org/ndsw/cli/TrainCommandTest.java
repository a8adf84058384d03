package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.train.TinyCifar;

class TrainCommandTest {
    private static final String TINY =
            "{\"block_type\":\"res_basic_block\",\"ds\":[1,1,1,1],\"ws\":[16,16,16,16],\"ss\":[1,1,2,2]}";

    @TempDir static Path shared;
    private static Path data;

    @TempDir Path dir;

    @BeforeAll
    static void writeData() {
        data = TinyCifar.pngFolders(shared.resolve("cifar"), 40, 20);
    }

    @Test
    void trainsOnTinyDataAndWritesTheRecord() throws Exception {
        Path out = dir.resolve("runs/r.json");
        CliRun r = CliRun.of("train", "--net", TINY, "--data", data.toString(), "--epochs", "2", "--batch", "8",
                "--test-batch", "7", "--threads", "1", "--out", out.toString(), "--checkpoint-dir",
                dir.resolve("ckpt").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("epoch 1/2: lr 0.1000"), r.err());
        assertTrue(r.err().contains("done: best test error"), r.err());
        assertEquals("", r.out());
        JsonNode o = Json.MAPPER.readTree(out.toFile());
        assertEquals("done", o.get("status").asText());
        assertEquals(2, o.get("train_ep_loss").size());
        assertEquals(8, o.get("optim").get("batch_size").asInt());
        assertEquals(7, o.get("optim").get("test_batch_size").asInt());
        assertEquals("CIFAR-10 (PNG copy)", o.get("data").get("name").asText());
        assertTrue(Files.exists(dir.resolve("ckpt/checkpoint.json")));
    }

    @Test
    void spaceAndSeedTrainTheSampledModelAndPrintTheRecordWithoutOut() throws Exception {
        CliRun r = CliRun.of("train", "--space", "DARTS", "--seed", "4", "--data", data.toString(), "--epochs", "1",
                "--batch", "20", "--train-subset", "20", "--test-subset", "10", "--threads", "1", "--quiet");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertEquals("DARTS", o.get("space").asText());
        assertEquals(SampleRecord.first("DARTS", 4), o.get("net"));
        assertEquals(20, o.get("data").get("train_images").asInt());
        assertEquals(20, o.get("data").get("train_subset").asInt());
        assertEquals(o.get("params").asLong(), o.get("engine_params").asLong());
    }

    @Test
    void imageNetFoldersTrainAtTheAskedSizeAndAnyNetAndRegNetSpacesAreAccepted() throws Exception {
        Path in = org.ndsw.train.data.TinyImageNet.write(dir.resolve("in"), 4, 2, 1);
        String net = "{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,1],\"ws\":[8,16],\"ss\":[2,2],"
                + "\"bot_muls\":[1,0.5],\"num_gs\":[1,2]}";
        CliRun r = CliRun.of("train", "--net", net, "--data", in.toString(), "--im-size", "32", "--epochs", "1",
                "--batch", "4", "--test-batch", "6", "--threads", "1", "--quiet");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertEquals("image folders (pycls ImageNet recipe): 3 classes, im-size 32, test-im-size 37, pca-std 0.0",
                o.get("data").get("name").asText());
        CliRun cifar = CliRun.of("train", "--net", TINY, "--data", data.toString(), "--im-size", "64");
        assertEquals(1, cifar.exit(), cifar.err());
        assertTrue(cifar.err().contains("--im-size, --test-im-size and --pca-std apply to ImageNet-style folders"),
                cifar.err());
        CliRun s = CliRun.of("sweep", "create", "anynet", "--space", "AnyNetX_E", "-n", "2", "--seed", "1", "--data",
                in.toString(), "--im-size", "32", "--catalog", dir.resolve("anynet-catalog.db").toString());
        assertEquals(0, s.exit(), s.err());
        CliRun bad = CliRun.of("sweep", "create", "c", "--space", "ResNet", "-n", "2", "--seed", "1", "--data",
                data.toString(), "--im-size", "32", "--catalog", dir.resolve("c-catalog.db").toString());
        assertEquals(1, bad.exit(), bad.err());
        assertTrue(bad.err().contains("--im-size, --test-im-size and --pca-std apply to ImageNet-style folders"),
                bad.err());
        CliRun g = CliRun.of("sweep", "create", "regnet", "--space", "RegNetY", "-n", "2", "--seed", "1", "--data",
                in.toString(), "--im-size", "32", "--catalog", dir.resolve("regnet-catalog.db").toString());
        assertEquals(0, g.exit(), g.err());
        // the same net with net.se_r trains with squeeze-and-excitation: more params than without; the space's
        // name plays no part (a record of space RegNetY without se_r is the net without SE)
        String seNet = net.replace("\"ds\"", "\"se_r\":0.25,\"ds\"");
        CliRun y = CliRun.of("train", "--net", "{\"space\":\"Mine\",\"net\":" + seNet + "}", "--data",
                in.toString(), "--im-size", "32", "--epochs", "1", "--batch", "4", "--test-batch", "6", "--threads",
                "1", "--quiet");
        assertEquals(0, y.exit(), y.err());
        JsonNode withSe = Json.MAPPER.readTree(y.out());
        assertEquals("Mine", withSe.get("space").asText());
        assertEquals(0.25, withSe.get("net").get("se_r").asDouble(), withSe.toString());
        assertTrue(withSe.get("params").asLong() > o.get("params").asLong(), withSe + " vs " + o);
        CliRun named = CliRun.of("train", "--net", "{\"space\":\"RegNetY\",\"net\":" + net + "}", "--data",
                in.toString(), "--im-size", "32", "--epochs", "1", "--batch", "4", "--test-batch", "6", "--threads",
                "1", "--quiet");
        assertEquals(0, named.exit(), named.err());
        assertEquals(o.get("params").asLong(), Json.MAPPER.readTree(named.out()).get("params").asLong());
    }

    @Test
    void aNetWithTheResNetStemTrainsAt64WithBothEngines() throws Exception {
        Path in = org.ndsw.train.data.TinyImageNet.write(dir.resolve("in"), 4, 2, 1);
        String net = "{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,1],\"ws\":[8,16],\"ss\":[2,2],"
                + "\"bot_muls\":[0,0.5],\"num_gs\":[1,2],\"stem_type\":\"res_stem_in\"}";
        for (String engine : new String[] {"djl", "dl4j"}) {
            CliRun r = CliRun.of("train", "--net", net, "--data", in.toString(), "--im-size", "64", "--epochs", "1",
                    "--batch", "4", "--test-batch", "6", "--threads", "1", "--engine", engine, "--quiet");
            assertEquals(0, r.exit(), engine + ": " + r.err());
            JsonNode o = Json.MAPPER.readTree(r.out());
            assertEquals("res_stem_in", o.get("net").get("stem_type").asText(), o.toString());
        }
        CliRun bad = CliRun.of("train", "--net", net.replace("\"ss\":[2,2]", "\"ss\":[1,2]"), "--data",
                in.toString(), "--im-size", "64");
        assertEquals(1, bad.exit(), bad.err());
        assertTrue(bad.err().contains("net.stem_type res_stem_in needs net.ss[0] = 2"), bad.err());
    }

    @Test
    void theModelMustBeGivenExactlyOnce() {
        CliRun r = CliRun.of("train", "--net", TINY, "--space", "ResNet", "--seed", "1", "--data", data.toString());
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertEquals("ndsw: give the model exactly one way: --net JSON, --spec FILE or --space NAME --seed S\n",
                r.err());
        assertEquals("ndsw: --space and --seed go together\n",
                CliRun.of("train", "--space", "ResNet", "--data", data.toString()).err());
    }

    @Test
    void badDataIsAOneLineError() {
        CliRun r = CliRun.of("train", "--net", TINY, "--data", dir.resolve("missing").toString());
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().endsWith("\nndsw: " + dir.resolve("missing") + ": no such directory\n"), r.err());
    }

    @Test
    void gpuWithoutCudaExplainsAndStillWritesAFailedRecord() throws Exception {
        Path out = dir.resolve("gpu.json");
        CliRun r = CliRun.of("train", "--net", TINY, "--data", data.toString(), "--device", "gpu", "--out",
                out.toString());
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("ndsw: --device gpu: PyTorch 2.7.1 found no CUDA device"), r.err());
        assertEquals("failed", Json.MAPPER.readTree(out.toFile()).get("status").asText());
    }

    @Test
    void specFileTakesAnNdsRecord() throws Exception {
        Path spec = dir.resolve("model.json");
        Files.writeString(spec, "{\"net\": " + TINY + ", \"min_test_top1\": NaN}");
        CliRun r = CliRun.of("train", "--spec", spec.toString(), "--data", data.toString(), "--epochs", "1",
                "--batch", "40", "--threads", "1", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertEquals(Json.MAPPER.readTree(TINY), Json.MAPPER.readTree(r.out()).get("net"));
    }

    @Test
    void enhancedRecipeTrainsACellNetWithEveryPartInBothEngines() throws Exception {
        for (String engine : java.util.List.of("djl", "dl4j")) {
            Path out = dir.resolve(engine + ".json");
            CliRun r = CliRun.of("train", "--net", org.ndsw.train.EnhancedStepTest.NET, "--data", data.toString(),
                    "--recipe", "enhanced", "--epochs", "2", "--batch", "8", "--threads", "1", "--engine", engine,
                    "--quiet", "--out", out.toString());
            assertEquals(0, r.exit(), r.err());
            JsonNode o = Json.MAPPER.readTree(out.toFile());
            assertEquals("done", o.get("status").asText(), engine);
            JsonNode optim = o.get("optim");
            assertEquals(2, optim.get("max_ep").asInt());
            assertEquals(16, optim.get("cutout").asInt());
            assertEquals(0.4, optim.get("aux_weight").asDouble());
            assertEquals(0.2, optim.get("drop_path_prob").asDouble());
            assertEquals(16, o.get("augment").get("cutout").asInt());
            assertTrue(o.get("net").get("aux").asBoolean());
            assertEquals(0.2, o.get("net").get("drop_prob").asDouble());
            assertEquals("[0.0,0.1]", o.get("drop_path_ep").toString());
            assertEquals(o.get("params").asLong() + o.get("aux_params").asLong(), o.get("engine_params").asLong());
        }
    }

    @Test
    void optionsOverrideTheEnhancedRecipe() throws Exception {
        CliRun r = CliRun.of("train", "--net", org.ndsw.train.EnhancedStepTest.NET, "--data", data.toString(),
                "--recipe", "enhanced", "--epochs", "1", "--cutout", "8", "--aux-weight", "0", "--drop-path", "0.1",
                "--batch", "20", "--threads", "1", "--quiet");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertEquals(8, o.get("optim").get("cutout").asInt());
        assertEquals(0.0, o.get("optim").get("aux_weight").asDouble());
        assertEquals(0.1, o.get("optim").get("drop_path_prob").asDouble());
        assertTrue(!o.get("net").get("aux").asBoolean());
        assertTrue(!o.has("aux_params"));
    }

    @Test
    void stageWiseNetsTakeOnlyCutoutAndEpochsOfTheEnhancedSetup() throws Exception {
        CliRun enhanced = CliRun.of("train", "--net", TINY, "--data", data.toString(), "--recipe", "enhanced");
        assertEquals(Main.EXIT_USER_ERROR, enhanced.exit());
        assertEquals("ndsw: --recipe enhanced: its auxiliary head (weight 0.4) and drop-path (0.2) are defined for"
                + " cell networks only, and this net is stage-wise; only --cutout and --epochs apply to stage-wise"
                + " networks (--recipe enhanced --aux-weight 0 --drop-path 0 keeps the rest of the enhanced setup)\n",
                enhanced.err());
        CliRun aux = CliRun.of("train", "--net", TINY, "--data", data.toString(), "--aux-weight", "0.4");
        assertEquals("ndsw: --aux-weight 0.4: the auxiliary head is defined for cell networks only, and this net is"
                + " stage-wise; only --cutout and --epochs apply to stage-wise networks\n", aux.err());
        CliRun drop = CliRun.of("train", "--net", TINY, "--data", data.toString(), "--drop-path", "0.2");
        assertTrue(drop.err().startsWith("ndsw: --drop-path 0.2: drop-path is defined for cell networks only"),
                drop.err());
        CliRun cutout = CliRun.of("train", "--net", TINY, "--data", data.toString(), "--cutout", "16", "--epochs",
                "1", "--batch", "40", "--threads", "1", "--quiet");
        assertEquals(0, cutout.exit(), cutout.err());
        assertEquals(16, Json.MAPPER.readTree(cutout.out()).get("optim").get("cutout").asInt());
    }

    @Test
    void badSetupValuesAreOneLineErrors() {
        assertEquals("ndsw: --recipe must be plain or enhanced, got \"fancy\"\n", CliRun.of("train", "--net", TINY,
                "--data", data.toString(), "--recipe", "fancy").err());
        assertEquals("ndsw: cutout must be between 0 (off) and 32 pixels, got 40\n", CliRun.of("train", "--net",
                TINY, "--data", data.toString(), "--cutout", "40").err());
        assertEquals("ndsw: drop-path probability must be in [0, 1), got 1.0\n", CliRun.of("train", "--net",
                org.ndsw.train.EnhancedStepTest.NET, "--data", data.toString(), "--drop-path", "1").err());
    }
}
