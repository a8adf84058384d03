package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.GraphComplexity;
import org.ndsw.net.Networks;
import org.ndsw.train.data.FolderData;
import org.ndsw.train.data.ImageNetFolders;
import org.ndsw.train.data.ImageRecipe;
import org.ndsw.train.data.TinyImageNet;

/**
 * A real training of a tiny RegNetY-style net (the net of {@link ImageNetTrainingTest} from space RegNetY, so its
 * bottleneck blocks carry squeeze-and-excitation of ratio 0.25) on generated ImageNet-style folders with both engines.
 */
class SqueezeExciteTrainingTest {
    @TempDir static Path shared;
    private static FolderData data;

    @BeforeAll
    static void writeImages() {
        data = ImageNetFolders.read(TinyImageNet.write(shared.resolve("in"), 16, 6, 4), 0, 0, 0,
                new ImageRecipe(32, 36, 0.1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"djl", "dl4j"})
    void trainsWithSeAndLearns(String engine) {
        Recipe recipe = new Recipe(4, 8, 9, 0.05, 0.9, true, 5e-4, Recipe.DEFAULT_DIVERGE_LOSS);
        DataSummary summary = new DataSummary(FolderData.NAME, FolderData.FORMAT, data.path().toString(),
                data.train().size(), data.val().size(), 0, 0);
        // The ratio is the net's own (net.se_r): the space name plays no part.
        TrainingJob job = new TrainingJob(((org.ndsw.space.StageSpec) ImageNetTrainingTest.NET).withSeRatio(0.25), "not-a-space", null, summary,
                recipe, 1, Seeds.of(1), new EngineOptions(Device.CPU, 2), null, false, data);
        TrainingResult r = new TrainingService(TrainingEngines.find(engine)).run(job, TrainingListener.NONE);
        assertEquals(Status.DONE, r.status(), String.valueOf(r.error()));
        long withSe = GraphComplexity.of(Networks.build(job.spec(), job.input(), job.classes()),
                Convention.NDS).params();
        long without = GraphComplexity.of(Networks.build(ImageNetTrainingTest.NET, job.input(), job.classes()),
                Convention.NDS).params();
        assertTrue(withSe > without);
        assertEquals(withSe, r.complexity().params());
        assertEquals(withSe, r.engineParams());
        EpochRecord first = r.epochs().get(0);
        EpochRecord last = r.epochs().get(r.epochs().size() - 1);
        for (EpochRecord e : r.epochs()) {
            assertTrue(Double.isFinite(e.trainLoss()) && Double.isFinite(e.testLoss()), e.toString());
        }
        assertTrue(last.trainLoss() < first.trainLoss() || last.testTop1() < 100.0 * 2 / 3,
                "no learning: " + r.epochs());
    }
}
