package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.train.Device;
import org.ndsw.train.Recipe;

/** The sweep definition file: round trip and one-line messages naming file, field and value. */
class DefinitionJsonTest {
    @TempDir Path dir;

    static final SweepDefinition DEF = new SweepDefinition("cifar-20", "ResNet", 20, 7,
            new Window(0, 500_000, 10_000_000, Long.MAX_VALUE), Convention.NDS, Recipe.NDS_CIFAR.withEpochs(2),
            "/data/cifar", 5000, 1000, 3, "djl", Device.CPU, 2);

    @Test
    void aDefinitionSurvivesTheFile() {
        Path f = dir.resolve("sweep.json");
        DefinitionJson.write(DEF, f);
        assertEquals(DEF, DefinitionJson.read(f));
        assertEquals(40, DEF.runs());
    }

    @Test
    void aGpuDefinitionSurvivesTheFile() {
        SweepDefinition gpu = withDevice(DEF, Device.GPU);
        Path f = dir.resolve("gpu.json");
        DefinitionJson.write(gpu, f);
        assertEquals(gpu, DefinitionJson.read(f));
        assertTrue(DefinitionJson.text(gpu).contains("\"device\" : \"gpu\""), DefinitionJson.text(gpu));
    }

    @Test
    void anEnhancedDefinitionSurvivesTheFile() {
        SweepDefinition enhanced = new SweepDefinition("darts-enhanced", "DARTS", 4, 1, Window.NONE, Convention.NDS,
                Recipe.ENHANCED_CIFAR, "/data/cifar", 0, 0, 0, "djl", Device.GPU, 1);
        Path f = dir.resolve("enhanced.json");
        DefinitionJson.write(enhanced, f);
        assertEquals(enhanced, DefinitionJson.read(f));
        String text = DefinitionJson.text(enhanced);
        assertTrue(text.contains("\"cutout\" : 16") && text.contains("\"aux_weight\" : 0.4")
                && text.contains("\"drop_path_prob\" : 0.2") && text.contains("\"epochs\" : 600"), text);
    }

    @Test
    void imageOptionsSurviveTheFileAndAreAbsentForCifar() {
        SweepDefinition in = new SweepDefinition("anynet", "AnyNetX_A", 4, 1, Window.NONE, Convention.NDS,
                Recipe.NDS_CIFAR, "/data/imagenet", 0, 0, 0, "djl", Device.CPU, 1,
                new org.ndsw.train.data.ImageRecipe(64, 73, 0.1), null);
        Path f = dir.resolve("imagenet.json");
        DefinitionJson.write(in, f);
        assertEquals(in, DefinitionJson.read(f));
        assertTrue(DefinitionJson.text(in).contains("\"im_size\" : 64"), DefinitionJson.text(in));
        assertTrue(!DefinitionJson.text(DEF).contains("image"), DefinitionJson.text(DEF));
    }

    @Test
    void badEnhancedValuesAreNamed() throws Exception {
        String good = DefinitionJson.text(DEF);
        assertEquals("s.json: field \"cutout\" must be an integer, got 1.5",
                message(good.replace("\"cutout\" : 0", "\"cutout\" : 1.5")));
        assertEquals("s.json: drop-path probability must be in [0, 1), got 2.0",
                message(good.replace("\"drop_path_prob\" : 0.0", "\"drop_path_prob\" : 2")));
        assertEquals("s.json: field \"aux_weight\" must be a number, got \"x\"",
                message(good.replace("\"aux_weight\" : 0.0", "\"aux_weight\" : \"x\"")));
    }

    @Test
    void aDefinitionWrittenBeforeSweepsHadADeviceReadsAsCpu() throws Exception {
        // A file as `ndsw sweep export` wrote it before the device field existed.
        String old = """
                {
                  "format" : "ndsw-sweep/1",
                  "name" : "cifar-20",
                  "space" : "ResNet",
                  "n" : 20,
                  "seed" : 7,
                  "window" : {
                    "min_params" : null,
                    "max_params" : 500000,
                    "min_flops" : 10000000,
                    "max_flops" : null
                  },
                  "convention" : "nds",
                  "recipe" : {
                    "epochs" : 2,
                    "batch_size" : 128,
                    "test_batch_size" : 200,
                    "base_lr" : 0.1,
                    "momentum" : 0.9,
                    "nesterov" : true,
                    "wd" : 5.0E-4,
                    "diverge_loss" : 100.0
                  },
                  "data" : "/data/cifar",
                  "train_subset" : 5000,
                  "test_subset" : 1000,
                  "subset_seed" : 3,
                  "engine" : "djl",
                  "seeds_per_model" : 2
                }
                """;
        Path f = dir.resolve("old.json");
        Files.writeString(f, old);
        assertEquals(DEF, DefinitionJson.read(f));
        assertEquals(Device.CPU, DefinitionJson.read(f).device());
        Recipe r = DefinitionJson.read(f).recipe();
        assertEquals(0, r.cutout(), "written before the enhanced setup: the plain recipe");
        assertEquals(0, r.auxWeight());
        assertEquals(0, r.dropPath());
    }

    @Test
    void badFieldsAreNamedWithTheirValue() throws Exception {
        String good = DefinitionJson.text(DEF);
        assertEquals("s.json: field \"n\" must be an integer, got \"twenty\"",
                message(good.replace("\"n\" : 20", "\"n\" : \"twenty\"")));
        assertEquals("s.json: unknown field \"epochs\"; known: ",
                message(good.replace("\"n\" : 20", "\"n\" : 20, \"epochs\" : 3")).replaceAll("\\[.*]", ""));
        assertEquals("s.json: field \"window.max_params\" must be a non-negative integer or null, got -5",
                message(good.replace("\"max_params\" : 500000", "\"max_params\" : -5")));
        assertEquals("s.json: epochs must be an integer in [1, 10,000] (the paper trains 10 to 100 epochs), got 0",
                message(good.replace("\"epochs\" : 2", "\"epochs\" : 0")));
        assertEquals("s.json: field \"format\" must be \"ndsw-sweep/1\", got null", message("{}"));
        assertEquals("s.json: field \"device\" must be \"cpu\" or \"gpu\", got \"tpu\"",
                message(good.replace("\"device\" : \"cpu\"", "\"device\" : \"tpu\"")));
        assertEquals("s.json: field \"device\" must be \"cpu\" or \"gpu\", got null",
                message(good.replace("\"device\" : \"cpu\"", "\"device\" : null")));
        assertEquals("s.json: field \"data\" is missing", message(good.replace("\"data\" : \"/data/cifar\",", "")));
    }

    static SweepDefinition withDevice(SweepDefinition d, Device device) {
        return new SweepDefinition(d.name(), d.space(), d.n(), d.seed(), d.window(), d.convention(), d.recipe(),
                d.data(), d.trainSubset(), d.testSubset(), d.subsetSeed(), d.engine(), device, d.seedsPerModel());
    }

    private String message(String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return assertThrows(NdswException.class, () -> DefinitionJson.read(f)).getMessage()
                .replace(f.toString(), "s.json");
    }
}
