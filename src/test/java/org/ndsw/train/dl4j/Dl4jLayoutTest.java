package org.ndsw.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;
import org.ndsw.space.SpecJson;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.SameStep;

/**
 * Channels-last (NHWC, chosen where every op of a network has that path) computes the same network as NCHW: the same
 * logits in inference mode and the same SGD step; networks with other ops stay NCHW.
 */
class Dl4jLayoutTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);
    private static final Dl4jEngine NCHW = new Dl4jEngine("nchw");
    private static final Dl4jEngine AUTO = new Dl4jEngine("auto");
    /** ResNet-20, the network of the benchmarks. */
    private static final String RESNET20 = "{\"block_type\":\"res_basic_block\",\"ds\":[1,3,3,3],"
            + "\"ws\":[16,16,32,64],\"ss\":[1,1,2,2]}";

    static Stream<Arguments> channelsLastSamples() {
        return BuiltinSpaces.all().stream().flatMap(s -> Sampler.sample(s, 3, 7, false,
                m -> Complexities.cifar(m, Convention.NDS).flops() <= 25_000_000L, 100_000, "small").models()
                .stream().filter(m -> Dl4jGraphs.channelsLastReady(Networks.cifar(m)))
                .map(m -> Arguments.of(s.name(), m)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channelsLastSamples")
    void sameLogits(String space, ModelSpec spec) {
        CrossEngineCheck.Result r = new CrossEngineCheck(NCHW, AUTO, CPU).check(spec, 4, 11);
        assertTrue(r.ok(), "max relative logit difference " + r.maxRelDiff());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channelsLastSamples")
    void sameSgdStep(String space, ModelSpec spec) {
        SameStep.assertSameStep(Networks.cifar(spec), NCHW, AUTO, CPU);
    }

    @Test
    void resNet20TrainsChannelsLastAndSaysSo() {
        Graph graph = Networks.cifar(SpecJson.parseNet(RESNET20));
        assertTrue(Dl4jGraphs.channelsLastReady(graph));
        SameStep.assertSameStep(graph, NCHW, AUTO, CPU);
        try (EngineModel m = AUTO.build(graph, CPU)) {
            assertTrue(m.deviceDescription().endsWith(", channels-last)"), m.deviceDescription());
        }
        try (EngineModel m = NCHW.build(graph, CPU)) {
            assertFalse(m.deviceDescription().contains("channels-last"), m.deviceDescription());
        }
    }

    @Test
    void networksWithOtherOpsStayNchw() {
        long cells = BuiltinSpaces.all().stream().flatMap(s -> Sampler.sample(s, 1, 7, false, m -> true, 100_000,
                "small").models().stream()).map(Networks::cifar).filter(g -> !Dl4jGraphs.channelsLastReady(g))
                .peek(g -> assertEquals(org.deeplearning4j.nn.conf.CNN2DFormat.NCHW, Dl4jGraphs.layout(g, "auto")))
                .count();
        assertTrue(cells > 0, "some space has ops without a channels-last path");
    }

    @Test
    void selfTestFallsBackFromChannelsLastToNchw() {
        assertEquals(java.util.List.of("channels-last where possible", "nchw"), AUTO.configurations(CPU).stream()
                .map(org.ndsw.train.TrainingEngine::configuration).toList());
        assertEquals(java.util.List.of("nchw"), NCHW.configurations(CPU).stream()
                .map(org.ndsw.train.TrainingEngine::configuration).toList());
    }

    @Test
    void unknownLayoutIsNamed() {
        Graph graph = Networks.cifar(SpecJson.parseNet(RESNET20));
        NdswException e = assertThrows(NdswException.class, () -> Dl4jGraphs.layout(graph, "nhwc4"));
        assertEquals("-Dndsw.dl4j.layout must be auto or nchw, not \"nhwc4\"", e.getMessage());
    }
}
