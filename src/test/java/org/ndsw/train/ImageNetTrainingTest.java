package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.train.data.FolderData;
import org.ndsw.train.data.ImageNetFolders;
import org.ndsw.train.data.ImageRecipe;
import org.ndsw.train.data.TinyImageNet;

/**
 * A real training on generated ImageNet-style folders (3 classes, 40x48 JPEGs) at im-size 32 with both engines: an
 * AnyNetX-style net (simple_stem_in: 3x3 stem at stride 2; grouped bottleneck blocks) learns the classes.
 */
class ImageNetTrainingTest {
    /** simple_stem_in (width 8, stride 2) and two bottleneck stages with 2 and 4 groups. */
    static final ModelSpec NET = SpecJson.parseNet("{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,1,1],"
            + "\"ws\":[8,16,32],\"ss\":[2,1,2],\"bot_muls\":[1,0.5,0.5],\"num_gs\":[1,2,4]}");

    @TempDir static Path shared;
    private static FolderData data;

    @BeforeAll
    static void writeImages() {
        data = ImageNetFolders.read(TinyImageNet.write(shared.resolve("in"), 16, 6, 4), 0, 0, 0,
                new ImageRecipe(32, 36, 0.1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"djl", "dl4j"})
    void trainsAndLearns(String engine) {
        Recipe recipe = new Recipe(4, 8, 9, 0.05, 0.9, true, 5e-4, Recipe.DEFAULT_DIVERGE_LOSS);
        DataSummary summary = new DataSummary(FolderData.NAME, FolderData.FORMAT, data.path().toString(),
                data.train().size(), data.val().size(), 0, 0);
        TrainingJob job = new TrainingJob(NET, null, null, summary, recipe, 1, Seeds.of(1),
                new EngineOptions(Device.CPU, 2), null, false, data);
        TrainingResult r = new TrainingService(TrainingEngines.find(engine)).run(job, TrainingListener.NONE);
        assertEquals(Status.DONE, r.status(), String.valueOf(r.error()));
        assertEquals(r.complexity().params(), r.engineParams());
        EpochRecord first = r.epochs().get(0);
        EpochRecord last = r.epochs().get(r.epochs().size() - 1);
        for (EpochRecord e : r.epochs()) {
            assertTrue(Double.isFinite(e.trainLoss()) && Double.isFinite(e.testLoss()), e.toString());
        }
        assertTrue(last.trainLoss() < first.trainLoss() || last.testTop1() < 100.0 * 2 / 3,
                "no learning: " + r.epochs());
    }
}
