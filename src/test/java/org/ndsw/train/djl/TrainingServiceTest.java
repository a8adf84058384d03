package org.ndsw.train.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.train.Checkpoints;
import org.ndsw.train.DataSummary;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.Npz;
import org.ndsw.train.Progress;
import org.ndsw.train.Recipe;
import org.ndsw.train.ResultJson;
import org.ndsw.train.Seeds;
import org.ndsw.train.Status;
import org.ndsw.train.TinyCifar;
import org.ndsw.train.TrainingJob;
import org.ndsw.train.TrainingListener;
import org.ndsw.train.TrainingResult;
import org.ndsw.train.TrainingService;
import org.ndsw.train.Weights;
import org.ndsw.train.data.Cifar10;

/** The training loop with the DJL engine on 40 generated images: curves, divergence, checkpoints, resume. */
class TrainingServiceTest {
    private static final ModelSpec TINY = SpecJson.parseNet(
            "{\"block_type\":\"res_basic_block\",\"ds\":[1,1,1,1],\"ws\":[16,16,16,16],\"ss\":[1,1,2,2]}");
    private static final Recipe RECIPE = new Recipe(2, 8, 10, 0.05, 0.9, true, 5e-4, Recipe.DEFAULT_DIVERGE_LOSS);
    private static final TrainingService SERVICE = new TrainingService(new DjlEngine());

    @TempDir static Path shared;
    private static Cifar10 data;
    private static TrainingResult done;

    @TempDir Path dir;

    @BeforeAll
    static void trainOnce() {
        data = Cifar10.load(TinyCifar.binary(shared.resolve("data"), 40, 20, 1));
        done = SERVICE.run(job(RECIPE, null, false), TrainingListener.NONE);
    }

    @Test
    void finishedRunHasOneRecordPerEpochWithTheCosineRate() {
        assertEquals(Status.DONE, done.status(), done.error());
        assertEquals(2, done.epochs().size());
        assertEquals(0.05, done.epochs().get(0).lr(), 1e-12);
        assertEquals(0.025, done.epochs().get(1).lr(), 1e-12);
        assertEquals(40, done.epochs().get(0).trainImages());
        assertEquals(done.complexity().params(), done.engineParams());
        assertTrue(done.trainImagesPerSecond().getAsDouble() > 0);
        for (EpochRecord e : done.epochs()) {
            assertTrue(Double.isFinite(e.trainLoss()) && e.testTop1() >= 0 && e.testTop1() <= 100);
        }
    }

    @Test
    void recordCarriesTheNdsFieldsAndOurs() {
        JsonNode o = ResultJson.toJson(done);
        for (String key : List.of("net", "flops", "params", "acts", "min_test_top1", "final_test_top1",
                "test_ep_top1", "test_ep_loss", "train_ep_top1", "train_ep_loss", "lr_ep", "optim", "rng_seed", "seeds",
                "train_img_per_s", "epoch_times", "train_ep_times", "test_ep_times", "train_ep_img_per_s", "engine",
                "device", "threads", "engine_params", "status", "versions", "host", "data", "wall_time", "started",
                "finished", "epochs_done", "resumed_epochs")) {
            assertTrue(o.has(key), key);
        }
        assertEquals(SpecJson.toJson(TINY), o.get("net"));
        assertEquals("done", o.get("status").asText());
        assertEquals("djl", o.get("engine").asText());
        assertEquals(2, o.get("test_ep_top1").size());
        assertEquals(o.get("test_ep_top1").get(0).asDouble() <= o.get("test_ep_top1").get(1).asDouble()
                ? o.get("test_ep_top1").get(0).asDouble() : o.get("test_ep_top1").get(1).asDouble(),
                o.get("min_test_top1").asDouble());
        JsonNode optim = o.get("optim");
        assertEquals(0.05, optim.get("base_lr").asDouble());
        assertEquals(5e-4, optim.get("wd").asDouble());
        assertEquals(2, optim.get("max_ep").asInt());
        assertEquals(0.9, optim.get("momentum").asDouble());
        assertTrue(optim.get("nesterov").asBoolean());
        assertEquals(8, optim.get("batch_size").asInt());
        assertEquals("2.7.1", o.get("versions").get("pytorch").asText());
        assertEquals(40, o.get("data").get("train_images").asInt());
    }

    @Test
    void hugeLearningRateEndsTheRunAsDiverged() {
        TrainingResult r = SERVICE.run(job(RECIPE.withLrAndWd(1e6, 5e-4), null, false), TrainingListener.NONE);
        assertEquals(Status.DIVERGED, r.status());
        assertEquals(1, r.divergence().epoch());
        assertTrue(r.epochs().isEmpty());
        JsonNode o = ResultJson.toJson(r);
        assertEquals("diverged", o.get("status").asText());
        assertEquals(1, o.get("diverged_epoch").asInt());
        assertTrue(o.get("min_test_top1").isNull());
    }

    @Test
    void resumingFromTheFirstEpochGivesTheUninterruptedRun() {
        Path full = dir.resolve("full");
        TrainingResult straight = SERVICE.run(job(RECIPE, full, false), TrainingListener.NONE);
        Path part = dir.resolve("part");
        TrainingResult stopped = SERVICE.run(job(RECIPE, part, false), cancelAfterFirstEpoch());
        assertEquals(Status.FAILED, stopped.status());
        assertTrue(stopped.error().startsWith("training cancelled in epoch 2"), stopped.error());
        assertEquals(1, stopped.epochs().size());
        TrainingResult resumed = SERVICE.run(job(RECIPE, part, true), TrainingListener.NONE);
        assertEquals(Status.DONE, resumed.status(), resumed.error());
        assertEquals(1, resumed.resumedEpochs());
        assertEquals(straight.epochs().get(1).testTop1(), resumed.epochs().get(1).testTop1());
        assertEquals(straight.epochs().get(1).trainLoss(), resumed.epochs().get(1).trainLoss(), 1e-5);
        Weights a = Npz.read(full.resolve("weights-epoch-002.npz"));
        Weights b = Npz.read(part.resolve("weights-epoch-002.npz"));
        for (String k : a.tensors().keySet()) {
            assertArrayEquals(a.get(k).data(), b.get(k).data(), 1e-5f, k);
        }
        assertTrue(Files.exists(part.resolve(Checkpoints.STATE)));
        assertTrue(!Files.exists(part.resolve("weights-epoch-001.npz")), "older checkpoints are removed");
    }

    @Test
    void resumeRefusesACheckpointOfAnotherRecipe() {
        Path ckpt = dir.resolve("c");
        SERVICE.run(job(RECIPE.withEpochs(1), ckpt, false), TrainingListener.NONE);
        TrainingResult r = SERVICE.run(job(RECIPE.withEpochs(1).withLrAndWd(0.2, 5e-4), ckpt, true),
                TrainingListener.NONE);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.error().contains("the checkpoint was written for another optim"), r.error());
    }

    @Test
    void resumesACheckpointWrittenBeforeTheRecipeHadCutoutAuxAndDropPath() throws Exception {
        Path ckpt = dir.resolve("old");
        SERVICE.run(job(RECIPE.withEpochs(1), ckpt, false), TrainingListener.NONE);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode state = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(ckpt.resolve(Checkpoints.STATE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) state.get("optim")).remove(List.of("cutout", "aux_weight",
                "drop_path_prob"));
        json.writeValue(ckpt.resolve(Checkpoints.STATE).toFile(), state);
        TrainingResult r = SERVICE.run(job(RECIPE.withEpochs(1), ckpt, true), TrainingListener.NONE);
        assertEquals(Status.DONE, r.status(), r.error());
        assertEquals(1, r.resumedEpochs());
        TrainingResult cut = SERVICE.run(job(RECIPE.withEpochs(1).withCutout(16), ckpt, true), TrainingListener.NONE);
        assertTrue(cut.error().contains("the checkpoint was written for another optim"), cut.error());
    }

    @Test
    void enhancedRunRecordsTheSetupAndResumesExactly() {
        ModelSpec darts = ((org.ndsw.space.CellSpec) SpecJson.parseNet(org.ndsw.train.EnhancedStepTest.NET))
                .withTraining(true, 0.2);
        Recipe enhanced = RECIPE.withCutout(16).withAuxWeight(0.4).withDropPath(0.2);
        TrainingResult straight = SERVICE.run(job(darts, enhanced, dir.resolve("full"), false), TrainingListener.NONE);
        assertEquals(Status.DONE, straight.status(), straight.error());
        JsonNode o = ResultJson.toJson(straight);
        assertEquals(16, o.get("optim").get("cutout").asInt());
        assertEquals(0.4, o.get("optim").get("aux_weight").asDouble());
        assertEquals(0.2, o.get("optim").get("drop_path_prob").asDouble());
        assertEquals(16, o.get("augment").get("cutout").asInt());
        assertEquals("[0.0,0.1]", o.get("drop_path_ep").toString());
        assertTrue(o.get("net").get("aux").asBoolean());
        assertEquals(0.2, o.get("net").get("drop_prob").asDouble());
        long aux = o.get("aux_params").asLong();
        assertTrue(aux > 0);
        assertEquals(o.get("params").asLong() + aux, o.get("engine_params").asLong());
        Path part = dir.resolve("part");
        SERVICE.run(job(darts, enhanced, part, false), cancelAfterFirstEpoch());
        TrainingResult resumed = SERVICE.run(job(darts, enhanced, part, true), TrainingListener.NONE);
        assertEquals(Status.DONE, resumed.status(), resumed.error());
        assertEquals(straight.epochs().get(1).trainLoss(), resumed.epochs().get(1).trainLoss(), 1e-5);
        assertEquals(straight.epochs().get(1).testTop1(), resumed.epochs().get(1).testTop1());
        Weights a = Npz.read(dir.resolve("full").resolve("weights-epoch-002.npz"));
        Weights b = Npz.read(part.resolve("weights-epoch-002.npz"));
        assertTrue(a.tensors().containsKey("aux.fc.weight"), "the auxiliary head is saved with the weights");
        for (String k : a.tensors().keySet()) {
            assertArrayEquals(a.get(k).data(), b.get(k).data(), 1e-5f, k);
        }
    }

    @Test
    void gpuWithoutCudaFailsWithAClearMessage() {
        TrainingJob gpu = new TrainingJob(TINY, "ResNet", data, summary(), RECIPE, 1, Seeds.of(1),
                new EngineOptions(Device.GPU, 1), null, false);
        TrainingResult r = SERVICE.run(gpu, TrainingListener.NONE);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.error().startsWith("--device gpu: PyTorch 2.7.1 found no CUDA device"), r.error());
        assertNull(r.divergence());
    }

    private static TrainingListener cancelAfterFirstEpoch() {
        return new TrainingListener() {
            private boolean cancel;

            @Override
            public void onProgress(Progress p) {}

            @Override
            public void onEpoch(EpochRecord r) {
                cancel = true;
            }

            @Override
            public boolean isCancelled() {
                return cancel;
            }
        };
    }

    private static TrainingJob job(Recipe recipe, Path checkpoints, boolean resume) {
        return job(TINY, recipe, checkpoints, resume);
    }

    private static TrainingJob job(ModelSpec spec, Recipe recipe, Path checkpoints, boolean resume) {
        return new TrainingJob(spec, "ResNet", data, summary(), recipe, 1, Seeds.of(1),
                new EngineOptions(Device.CPU, 1), checkpoints, resume);
    }

    private static DataSummary summary() {
        return new DataSummary(data.name(), data.format(), data.path().toString(), 40, 20, 0, 0);
    }
}
