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
}
