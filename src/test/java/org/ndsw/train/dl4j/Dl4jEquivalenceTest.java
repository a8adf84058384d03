package org.ndsw.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;
import org.ndsw.train.Batch;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Recipe;
import org.ndsw.train.Sgd;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.WeightInit;
import org.ndsw.train.Weights;

/**
 * The DL4J engine against the DJL engine on small random models of every space: the complexity code's params, logits
 * [batch, 10] equal within 1e-4 in inference mode, and one SGD step giving the same weights and BN statistics.
 */
class Dl4jEquivalenceTest {
    /** Small models keep the default suite quick. */
    private static final long MAX_FLOPS = 25_000_000L;
    /** Largest relative L2 difference of two engines' update vectors. */
    private static final double STEP_TOLERANCE = 1e-2;
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);

    static Stream<Arguments> samples() {
        return BuiltinSpaces.all().stream().map(s -> Arguments.of(s.name(), Sampler.sample(s, 1, 7, false,
                m -> Complexities.cifar(m, Convention.NDS).flops() <= MAX_FLOPS, 100_000, "small").models().get(0)));
    }

    /** A grouped-conv space and a cell space (dilated depthwise, pooling, zero, shift) for the quick suite. */
    static Stream<Arguments> quickSamples() {
        List<String> quick = List.of("ResNeXt-A", "DARTS");
        return samples().filter(a -> quick.contains((String) a.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void logitsAndParamsMatchDjl(String space, ModelSpec spec) {
        CrossEngineCheck.Result r = new CrossEngineCheck(2).check(spec, 4, 11);
        assertEquals(Complexities.cifar(spec, Convention.NDS).params(), r.paramsCandidate());
        assertEquals(r.paramsReference(), r.paramsCandidate());
        assertTrue(r.maxRelDiff() < CrossEngineCheck.TOLERANCE, "max relative logit difference " + r.maxRelDiff());
    }

    /**
     * One Nesterov SGD step of the paper's recipe from the initial weights gives the same loss, the same BN running
     * statistics (1e-4) and the same update and momentum vectors within 1% (relative L2 norm of the difference) in
     * both engines. Gradients of deep BN networks are ill-conditioned in float32: a 1e-6 relative change of the images
     * moves DJL's own update by up to 0.9% (Vanilla sample) and single near-zero BN-bias gradients by far more, so the
     * whole update vector is compared (docs/decisions/0007-dl4j-engine.md). The quick suite checks two spaces, the slow one all ten.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("quickSamples")
    void oneSgdStepMatchesDjl(String space, ModelSpec spec) {
        checkSgdStep(spec);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void oneSgdStepMatchesDjlInEverySpace(String space, ModelSpec spec) {
        checkSgdStep(spec);
    }

    private static void checkSgdStep(ModelSpec spec) {
        Graph graph = Networks.cifar(spec);
        Weights w = WeightInit.initial(graph, 3);
        Batch batch = CrossEngineCheck.batch(graph, 8, 3);
        Sgd sgd = Recipe.NDS_CIFAR.sgd(0);
        TrainingEngine djlEngine = TrainingEngines.find("djl");
        try (EngineModel djl = djlEngine.build(graph, CPU); EngineModel dl4j = new Dl4jEngine().build(graph, CPU)) {
            djl.loadWeights(w);
            dl4j.loadWeights(w);
            StepResult ra = djl.trainStep(batch, sgd);
            StepResult rb = dl4j.trainStep(batch, sgd);
            assertEquals(ra.meanLoss(), rb.meanLoss(), 1e-5 * ra.meanLoss(), "loss");
            assertEquals(ra.correct(), rb.correct(), "correct");
            Weights a = djl.weights();
            Weights b = dl4j.weights();
            double steps = relativeL2(w, a, b);
            assertTrue(steps < STEP_TOLERANCE, "updates differ by " + steps + " (relative L2)");
            Weights none = zeros(djl.optimizerState());
            double momentum = relativeL2(none, djl.optimizerState(), dl4j.optimizerState());
            assertTrue(momentum < STEP_TOLERANCE, "momentum buffers differ by " + momentum);
            for (String name : a.tensors().keySet()) {
                if (isRunningStat(name)) {
                    double d = CrossEngineCheck.maxRelDiff(a.get(name).data(), b.get(name).data());
                    assertTrue(d < 1e-4, name + " differs by " + d);
                }
            }
        }
    }

    /** ||Δa - Δb|| / ||Δa|| over every trained value, Δ = a or b minus the values before. */
    static double relativeL2(Weights before, Weights a, Weights b) {
        double diff = 0;
        double norm = 0;
        for (String name : before.tensors().keySet()) {
            if (isRunningStat(name)) {
                continue;
            }
            float[] w0 = before.get(name).data();
            float[] wa = a.get(name).data();
            float[] wb = b.get(name).data();
            for (int i = 0; i < w0.length; i++) {
                double da = (double) wa[i] - w0[i];
                double db = (double) wb[i] - w0[i];
                diff += (da - db) * (da - db);
                norm += da * da;
            }
        }
        return Math.sqrt(diff / norm);
    }

    private static boolean isRunningStat(String name) {
        return name.endsWith(".running_mean") || name.endsWith(".running_var");
    }

    private static Weights zeros(Weights like) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        like.tensors().forEach((k, t) -> out.put(k, Tensor.filled(t.shape(), 0f)));
        return new Weights(out);
    }
}
