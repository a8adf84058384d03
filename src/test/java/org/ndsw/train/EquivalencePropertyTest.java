package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.ndsw.space.SpecJson;
import org.ndsw.train.dl4j.CrossEngineCheck;
import org.ndsw.train.reference.ReferenceEngine;

/**
 * Equivalence as a property: every engine configuration (DJL channels-last, DJL NCHW, DL4J) computes the same
 * network as the others, and as the double-precision reference where that is affordable, for models spread over the
 * whole complexity range of every space and for the networks that once crashed or disagreed (decision 0011).
 *
 * <p>The crash cases run in {@code mvn verify}; five models per space (the lightest, the quartiles and the heaviest of
 * 200 seeded samples within the paper's complexity range) run in the slow suite.
 */
class EquivalencePropertyTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);
    /** Models up to this many flops are also compared with the reference (it runs in plain Java). */
    private static final long REFERENCE_FLOPS = 60_000_000L;
    /** Networks that crashed the channels-last path, or made the engines disagree. */
    static final List<String> CRASH_CASES = List.of(
            "{\"block_type\":\"res_basic_block\",\"ds\":[1,2,2,1],\"ss\":[1,1,2,2],\"ws\":[8,16,8,8]}",
            "{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,1,1],\"ss\":[1,2,2],\"ws\":[12,20,20],"
                    + "\"bot_muls\":[1,1,1],\"num_gs\":[1,1,1]}",
            "{\"block_type\":\"res_basic_block\",\"ds\":[1,1,1],\"ss\":[1,2,2],\"ws\":[4,12,20]}",
            // An ENAS net whose reduction cell outputs one node: DJL's concat of one array cut the gradient.
            "{\"aux\":false,\"depth\":4,\"drop_prob\":0.0,\"genotype\":{\"normal\":[[\"max_pool_3x3\",0],[\"skip_"
                    + "connect\",1],[\"max_pool_3x3\",2],[\"max_pool_3x3\",0],[\"skip_connect\",0],[\"skip_connect\",2],[\""
                    + "max_pool_3x3\",1],[\"max_pool_3x3\",0],[\"avg_pool_3x3\",4],[\"avg_pool_3x3\",3]],\"normal_concat\":"
                    + "[5,6],\"reduce\":[[\"skip_connect\",0],[\"max_pool_3x3\",0],[\"avg_pool_3x3\",0],[\"sep_conv_3x3\",1"
                    + "],[\"skip_connect\",2],[\"sep_conv_3x3\",3],[\"sep_conv_5x5\",4],[\"max_pool_3x3\",1],[\"sep_conv_5x"
                    + "5\",2],[\"skip_connect\",5]],\"reduce_concat\":[6]},\"width\":16}");

    static Stream<Arguments> crashCases() {
        return CRASH_CASES.stream().map(net -> Arguments.of(net, SpecJson.parseNet(net)));
    }

    /** The complexity range of the paper's CIFAR models: its largest model has 0.856M params and 0.129B flops. */
    static boolean inPaperRange(ModelSpec m) {
        var c = Complexities.cifar(m, Convention.NDS);
        return c.params() <= 856_000 && c.flops() <= 129_000_000L;
    }

    /**
     * The lightest, the quartiles and the heaviest by flops of 200 seeded samples of every space within the paper's
     * CIFAR complexity range (uniform samples of a raw space reach 189 GFLOPs, which no CIFAR study trains).
     */
    static Stream<Arguments> spread() {
        List<Arguments> out = new ArrayList<>();
        for (DesignSpace s : BuiltinSpaces.all()) {
            List<ModelSpec> sample = new ArrayList<>(Sampler.sample(s, 200, 2026, false, EquivalencePropertyTest::inPaperRange,
                    100_000, "params <= 0.856M and flops <= 0.129B").models());
            sample.sort(Comparator.comparingLong(m -> Complexities.cifar(m, Convention.NDS).flops()));
            for (double q : new double[] {0, 0.25, 0.5, 0.75, 1}) {
                ModelSpec m = sample.get((int) Math.round(q * (sample.size() - 1)));
                out.add(Arguments.of(s.name() + " q" + (int) (q * 100) + " "
                        + Complexities.cifar(m, Convention.NDS).flops() / 1_000_000 + "M flops", m));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashCases")
    void crashCasesAgreeInEveryConfiguration(String net, ModelSpec spec) {
        assertEquivalent(spec);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("spread")
    void modelsAcrossTheComplexityRangeAgree(String name, ModelSpec spec) {
        assertEquivalent(spec);
    }

    private static void assertEquivalent(ModelSpec spec) {
        Graph graph = Networks.cifar(spec);
        List<TrainingEngine> djl = TrainingEngines.find("djl").configurations(CPU);
        assertEquals(List.of("channels-last", "nchw"), djl.stream().map(TrainingEngine::configuration).toList());
        TrainingEngine nhwc = djl.get(0);
        TrainingEngine nchw = djl.get(1);
        TrainingEngine dl4j = TrainingEngines.find("dl4j");
        long flops = Complexities.cifar(spec, Convention.NDS).flops();
        List<TrainingEngine> others = new ArrayList<>(List.of(nhwc, dl4j));
        TrainingEngine anchor = nchw;
        if (flops <= REFERENCE_FLOPS) {
            others.add(0, nchw);
            anchor = new ReferenceEngine();
        }
        for (TrainingEngine e : others) {
            CrossEngineCheck.Result r = new CrossEngineCheck(anchor, e, CPU).check(spec, 4, 11);
            assertTrue(r.ok(), e.name() + " " + e.configuration() + " against " + anchor.name() + ": logits differ by "
                    + r.maxRelDiff() + ", params " + r.paramsReference() + " vs " + r.paramsCandidate());
            SameStep.assertSameStep(graph, anchor, e, CPU);
        }
    }
}
