package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.GraphComplexity;
import org.ndsw.net.Networks;
import org.ndsw.space.SpecJson;
import org.ndsw.space.StageSpec;
import org.ndsw.space.StemType;
import org.ndsw.train.data.FolderData;
import org.ndsw.train.data.ImageNetFolders;
import org.ndsw.train.data.ImageRecipe;
import org.ndsw.train.data.TinyImageNet;

/**
 * A real training, one epoch with both engines, of a tiny net whose net.stem_type is res_stem_in (7x7 conv at stride
 * 2, BN, ReLU, 3x3 max-pool at stride 2) on generated ImageNet-style folders at 64x64.
 */
class ResStemInTrainingTest {
    static final StageSpec NET = (StageSpec) SpecJson.parseNet("{\"block_type\":\"res_bottleneck_block\","
            + "\"ds\":[1,1,1],\"ws\":[8,16,32],\"ss\":[2,1,2],\"bot_muls\":[0,0.5,0.5],\"num_gs\":[1,2,4],"
            + "\"stem_type\":\"res_stem_in\"}");

    @TempDir static Path shared;
    private static FolderData data;

    @BeforeAll
    static void writeImages() {
        data = ImageNetFolders.read(TinyImageNet.write(shared.resolve("in"), 8, 3, 2), 0, 0, 0,
                new ImageRecipe(64, 73, 0.1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"djl", "dl4j"})
    void trainsOneEpochWithTheResNetStem(String engine) {
        assertEquals(StemType.RES_STEM_IN, NET.stemType());
        Recipe recipe = new Recipe(1, 8, 9, 0.05, 0.9, true, 5e-4, Recipe.DEFAULT_DIVERGE_LOSS);
        DataSummary summary = new DataSummary(FolderData.NAME, FolderData.FORMAT, data.path().toString(),
                data.train().size(), data.val().size(), 0, 0);
        TrainingJob job = new TrainingJob(NET, null, null, summary, recipe, 1, Seeds.of(1),
                new EngineOptions(Device.CPU, 2), null, false, data);
        TrainingResult r = new TrainingService(TrainingEngines.find(engine)).run(job, TrainingListener.NONE);
        assertEquals(Status.DONE, r.status(), String.valueOf(r.error()));
        long params = GraphComplexity.of(Networks.build(NET, job.input(), job.classes()), Convention.NDS).params();
        assertEquals(params, r.complexity().params());
        assertEquals(params, r.engineParams());
        // the 7x7 stem has more weights than the 3x3 one of the same net
        long conv3 = GraphComplexity.of(Networks.build(NET.withStemType(StemType.CONV_3X3), job.input(),
                job.classes()), Convention.NDS).params();
        assertEquals(params - conv3, (7 * 7 - 3 * 3) * 3L * 8);
        assertEquals(1, r.epochs().size());
        assertTrue(Double.isFinite(r.epochs().get(0).trainLoss()), r.epochs().toString());
        assertTrue(Complexities.cifar(NET, Convention.NDS).flops() > 0);
    }
}
