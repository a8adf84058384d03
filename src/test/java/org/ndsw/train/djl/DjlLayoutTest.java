package org.ndsw.train.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ndsw.NdswException;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.net.Networks;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.SameStep;
import org.ndsw.train.dl4j.CrossEngineCheck;

/**
 * The channels-last layout (the CPU default) computes the same network as NCHW in every space: the same logits in
 * inference mode and the same SGD step.
 */
class DjlLayoutTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);
    private static final DjlEngine NCHW = new DjlEngine(DjlEngine.Layout.NCHW);
    private static final DjlEngine NHWC = new DjlEngine(DjlEngine.Layout.NHWC);

    static Stream<Arguments> samples() {
        return BuiltinSpaces.all().stream().map(s -> Arguments.of(s.name(), Sampler.sample(s, 1, 7, false,
                m -> Complexities.cifar(m, Convention.NDS).flops() <= 25_000_000L, 100_000, "small").models().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sameLogits(String space, ModelSpec spec) {
        CrossEngineCheck.Result r = new CrossEngineCheck(NCHW, NHWC, CPU).check(spec, 4, 11);
        assertTrue(r.ok(), "max relative logit difference " + r.maxRelDiff());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sameSgdStep(String space, ModelSpec spec) {
        SameStep.assertSameStep(Networks.cifar(spec), NCHW, NHWC, CPU);
    }

    @Test
    void cpuDefaultsToChannelsLastAndSaysSo() {
        ModelSpec spec = (ModelSpec) samples().findFirst().orElseThrow().get()[1];
        try (EngineModel m = new DjlEngine(DjlEngine.Layout.AUTO).build(Networks.cifar(spec), CPU)) {
            assertEquals("cpu (2 threads, channels-last)", m.deviceDescription());
        }
        try (EngineModel m = NCHW.build(Networks.cifar(spec), CPU)) {
            assertEquals("cpu (2 threads)", m.deviceDescription());
        }
    }

    @Test
    void unknownLayoutIsNamed() {
        NdswException e = assertThrows(NdswException.class, () -> DjlEngine.Layout.parse("nchw4"));
        assertEquals("ndsw.djl.layout=nchw4: expected auto, nchw or nhwc", e.getMessage());
    }
}
