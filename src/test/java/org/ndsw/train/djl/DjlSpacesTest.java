package org.ndsw.train.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;
import org.ndsw.train.Batch;
import org.ndsw.train.DataSummary;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.Recipe;
import org.ndsw.train.Seeds;
import org.ndsw.train.Status;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.TinyCifar;
import org.ndsw.train.TrainingJob;
import org.ndsw.train.TrainingListener;
import org.ndsw.train.TrainingResult;
import org.ndsw.train.TrainingService;
import org.ndsw.train.WeightInit;
import org.ndsw.train.data.Cifar10;

/**
 * Random models of every space build, count the complexity code's params, give [batch, 10], train, and run the whole
 * training loop (reader, loader, epoch, evaluation, result) on a tiny generated data set.
 */
class DjlSpacesTest {
    /** Keeps the default suite quick: samples above this many flops are redrawn (the slow suite has no bound). */
    private static final long QUICK_FLOPS = 100_000_000L;

    @TempDir static Path tiny;
    /** 8 training and 4 test images in the binary format, read back through the real reader. */
    private static Cifar10 tinyData;

    @BeforeAll
    static void writeTinyData() {
        tinyData = Cifar10.load(TinyCifar.binary(tiny.resolve("data"), 8, 4, 1));
    }

    static Stream<Arguments> quickSamples() {
        return BuiltinSpaces.all().stream().map(s -> Arguments.of(s.name(), sample(s, 1, 21, QUICK_FLOPS).get(0)));
    }

    static Stream<Arguments> moreSamples() {
        return BuiltinSpaces.all().stream().flatMap(s -> sample(s, 3, 5, 1_500_000_000L).stream()
                .map(spec -> Arguments.of(s.name(), spec)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quickSamples")
    void sampledModelTrainsWithTheComplexityParams(String space, ModelSpec spec) {
        check(spec, 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quickSamples")
    void sampledModelRunsTheWholeLoopOnTinyData(String space, ModelSpec spec) {
        TrainingJob job = new TrainingJob(spec, space, tinyData, new DataSummary(tinyData.name(), tinyData.format(),
                tinyData.path().toString(), tinyData.train().size(), tinyData.test().size(), 0, 0),
                new Recipe(1, 4, 8, 0.05, 0.9, true, 5e-4, Recipe.DEFAULT_DIVERGE_LOSS), 1, Seeds.of(1),
                new EngineOptions(Device.CPU, 2), null, false);
        TrainingResult r = new TrainingService(new DjlEngine()).run(job, TrainingListener.NONE);
        assertEquals(Status.DONE, r.status(), r.error());
        assertEquals(1, r.epochs().size());
        assertEquals(r.complexity().params(), r.engineParams());
        EpochRecord e = r.epochs().get(0);
        assertEquals(tinyData.train().size(), e.trainImages());
        assertTrue(Double.isFinite(e.trainLoss()), "train loss " + e.trainLoss());
        assertTrue(e.testTop1() >= 0 && e.testTop1() <= 100, "test error " + e.testTop1());
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("moreSamples")
    void largerSamplesTrainToo(String space, ModelSpec spec) {
        check(spec, 2);
    }

    private static void check(ModelSpec spec, int batch) {
        Graph graph = Networks.cifar(spec);
        try (EngineModel m = new DjlEngine().build(graph, new EngineOptions(Device.CPU, 2))) {
            assertEquals(Complexities.cifar(spec, Convention.NDS).params(), m.trainableParameters());
            m.loadWeights(WeightInit.initial(graph, 1));
            int[] labels = java.util.stream.IntStream.range(0, batch).map(i -> (3 * i + 1) % 10).toArray();
            Batch b = new Batch(DjlOpsTest.random(batch * 3 * 32 * 32, 2), labels);
            Tensor out = m.predict(b);
            assertArrayEquals(new int[] {batch, 10}, out.shape());
            for (float v : out.data()) {
                assertTrue(Float.isFinite(v));
            }
            // Only training-mode losses are checked: after two steps on four images the running BN statistics of some
            // deep cell networks are far from the batch ones, and inference overflows in PyTorch itself too.
            for (int step = 0; step < 2; step++) {
                StepResult r = m.trainStep(b, Recipe.NDS_CIFAR.sgd(0));
                assertTrue(Double.isFinite(r.meanLoss()), "loss " + r.meanLoss());
            }
        }
    }

    private static List<ModelSpec> sample(DesignSpace space, int n, long seed, long maxFlops) {
        return Sampler.sample(space, n, seed, false,
                s -> Complexities.cifar(s, Convention.NDS).flops() <= maxFlops, 100_000, "flops <= " + maxFlops).models();
    }
}
