package org.ndsw.train.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
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
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.dl4j.CrossEngineCheck;

/**
 * DJL (PyTorch, float32) computes what the double-precision reference computes in every built-in space: the same
 * logits in inference mode and the same SGD step, on one small sampled model per space.
 */
class ReferenceVsDjlTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);
    private static final TrainingEngine REFERENCE = new ReferenceEngine();

    static Stream<Arguments> samples() {
        return BuiltinSpaces.all().stream().map(s -> Arguments.of(s.name(), Sampler.sample(s, 1, 7, false,
                m -> Complexities.cifar(m, Convention.NDS).flops() <= 25_000_000L, 100_000, "small").models().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sameLogits(String space, ModelSpec spec) {
        CrossEngineCheck check = new CrossEngineCheck(REFERENCE, TrainingEngines.find("djl"), CPU);
        CrossEngineCheck.Result r = check.check(spec, 4, 11);
        assertTrue(r.ok(), "max relative logit difference " + r.maxRelDiff() + ", params " + r.paramsReference()
                + " vs " + r.paramsCandidate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sameSgdStep(String space, ModelSpec spec) {
        SameStep.assertSameStep(Networks.cifar(spec), REFERENCE, TrainingEngines.find("djl"), CPU);
    }
}
