package org.ndsw.train.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
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
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Recipe;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.WeightInit;

/** Random models of every space build, count the complexity code's params, give [batch, 10] and train. */
class DjlSpacesTest {
    /** Keeps the default suite quick: samples above this many flops are redrawn (the slow suite has no bound). */
    private static final long QUICK_FLOPS = 100_000_000L;

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
