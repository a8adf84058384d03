package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.train.TinyCifar;

/** The DL4J engine through the command line: engines check, training in every space, the GPU message. */
class Dl4jCommandsTest {
    private static final String TINY =
            "{\"block_type\":\"res_basic_block\",\"ds\":[1,1,1,1],\"ws\":[16,16,16,16],\"ss\":[1,1,2,2]}";

    @TempDir static Path shared;
    private static Path data;

    @BeforeAll
    static void writeData() {
        data = TinyCifar.binary(shared.resolve("cifar"), 16, 8, 1);
    }

    @Test
    void enginesCheckPrintsTheContractJsonAndAgrees() throws Exception {
        CliRun r = CliRun.of("engines", "check", "--space", "ResNeXt-A", "-n", "2", "--seed", "3", "--max-flops",
                "30M", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertTrue(o.get("ok").asBoolean());
        assertEquals(2, o.get("specs").size());
        for (JsonNode s : o.get("specs")) {
            Set<String> fields = new TreeSet<>();
            s.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("space", "max_rel_diff", "max_rel_diff_djl_reference", "max_rel_diff_dl4j_reference",
                    "params_djl", "params_dl4j"), fields);
            assertEquals("ResNeXt-A", s.get("space").asText());
            assertTrue(s.get("max_rel_diff").asDouble() < 1e-4);
            assertTrue(s.get("max_rel_diff_djl_reference").asDouble() < 1e-4);
            assertTrue(s.get("max_rel_diff_dl4j_reference").asDouble() < 1e-4);
            assertEquals(s.get("params_djl").asLong(), s.get("params_dl4j").asLong());
        }
        assertEquals(2, o.get("self_test").size(), "one self-test per engine");
        for (JsonNode t : o.get("self_test")) {
            assertTrue(t.get("passed").asBoolean(), t.toString());
            assertTrue(t.get("summary").asText().startsWith("self-test " + t.get("engine").asText() + ": "),
                    t.toString());
        }
    }

    @Test
    void enginesListsBoth() {
        CliRun r = CliRun.of("engines");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("djl (default)") && r.out().contains("dl4j"), r.out());
    }

    static List<String> spaces() {
        return BuiltinSpaces.NAMES;
    }

    @Test
    void trainsATinyResNetWithDl4j() throws Exception {
        CliRun r = CliRun.of("train", "--engine", "dl4j", "--net", TINY, "--data", data.toString(), "--epochs", "2",
                "--batch", "8", "--test-batch", "8", "--threads", "2", "--quiet");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertEquals("done", o.get("status").asText(), r.out());
        assertEquals("dl4j", o.get("engine").asText());
        assertEquals(2, o.get("train_ep_loss").size());
        assertEquals(o.get("params").asLong(), o.get("engine_params").asLong());
    }

    /** Amoeba's first sample for seed 2 leaves two preprocessed cell inputs unused: dead ends must still train. */
    @Test
    void trainsACellNetworkWithUnusedInputs() throws Exception {
        CliRun r = CliRun.of("train", "--engine", "dl4j", "--space", "Amoeba", "--seed", "2", "--data",
                data.toString(), "--epochs", "1", "--batch", "8", "--test-batch", "8", "--threads", "2", "--quiet");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertEquals("done", o.get("status").asText(), r.out());
        assertEquals(o.get("params").asLong(), o.get("engine_params").asLong());
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("spaces")
    void trainsEverySpaceWithDl4j(String space) throws Exception {
        CliRun r = CliRun.of("train", "--engine", "dl4j", "--space", space, "--seed", "2",
                "--data", data.toString(), "--epochs", "1", "--batch", "8", "--test-batch", "8", "--threads", "2",
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out());
        assertEquals("done", o.get("status").asText(), r.out());
        assertEquals("dl4j", o.get("engine").asText());
        assertEquals(o.get("params").asLong(), o.get("engine_params").asLong());
    }

    @Test
    void gpuWithTheCpuBuildPointsToDjl() {
        CliRun r = CliRun.of("train", "--engine", "dl4j", "--space", "ResNet", "--seed", "1", "--data",
                data.toString(), "--device", "gpu", "--quiet");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("ndsw: --device gpu: this build of the DL4J engine carries ND4J's CPU backend only."
                + " Use the DJL engine for GPUs (--engine djl --device gpu"), r.err());
    }
}
