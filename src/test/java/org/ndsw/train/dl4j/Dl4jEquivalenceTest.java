package org.ndsw.train.dl4j;

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
import org.ndsw.net.Networks;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.SameStep;
import org.ndsw.train.TrainingEngines;

/**
 * The DL4J engine against the DJL engine on small random models of every space: the complexity code's params, logits
 * [batch, 10] equal within 1e-4 in inference mode, and one SGD step giving the same weights and BN statistics.
 */
class Dl4jEquivalenceTest {
    /** Small models keep the default suite quick. */
    private static final long MAX_FLOPS = 25_000_000L;
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
     * both engines ({@link SameStep}). The quick suite checks two spaces, the slow one all ten.
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
        SameStep.assertSameStep(Networks.cifar(spec), TrainingEngines.find("djl"), new Dl4jEngine(), CPU);
    }
}
