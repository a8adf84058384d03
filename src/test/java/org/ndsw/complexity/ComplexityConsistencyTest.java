package org.ndsw.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.space.StageSpec;

/** The graph count (what engines build) and the closed form (the fast path) agree on random specs of every space. */
class ComplexityConsistencyTest {

    @Test
    void graphCountEqualsClosedFormForEverySpace() {
        for (DesignSpace space : BuiltinSpaces.all()) {
            SplittableRandom rng = new SplittableRandom(42);
            for (int i = 0; i < 300; i++) {
                ModelSpec spec = space.sample(rng);
                for (Convention c : Convention.values()) {
                    Complexity graph = Complexities.cifarFromGraph(spec, c);
                    Complexity closed = Complexities.cifar(spec, c);
                    assertEquals(graph, closed, () -> space.name() + " " + c + " " + SpecJson.canonical(spec));
                }
            }
        }
    }

    @Test
    void graphCountEqualsClosedFormWithSqueezeExcite() {
        for (String name : new String[] {"ResNeXt-A", "ResNeXt-B", "AnyNetX_E", "RegNetX"}) {
            SplittableRandom rng = new SplittableRandom(7);
            DesignSpace space = BuiltinSpaces.find(name).orElseThrow();
            for (int i = 0; i < 50; i++) {
                StageSpec plain = (StageSpec) space.sample(rng);
                for (double r : new double[] {0.25, 0.5, 1.0}) {
                    StageSpec se = plain.withSeRatio(r);
                    for (Convention c : Convention.values()) {
                        Complexity graph = Complexities.cifarFromGraph(se, c);
                        assertEquals(graph, Complexities.cifar(se, c),
                                () -> name + " " + c + " " + SpecJson.canonical(se));
                        Complexity without = Complexities.cifar(plain, c);
                        assertTrue(graph.params() > without.params());
                    }
                    // SE has no BN: it adds the same flops under both conventions
                    long nds = Complexities.cifar(se, Convention.NDS).flops()
                            - Complexities.cifar(plain, Convention.NDS).flops();
                    long macs = Complexities.cifar(se, Convention.MACS).flops()
                            - Complexities.cifar(plain, Convention.MACS).flops();
                    assertEquals(nds, macs, name);
                }
            }
        }
    }

    /**
     * Nets with net.stem_type res_stem_in: closed form = graph on CIFAR-10 and on ImageNet (224, 1,000 classes), and on
     * ImageNet both equal the count the `_in` records are verified with ({@link Complexities#imagenet}, which always
     * puts res_stem_in before the stages), under both conventions.
     */
    @Test
    void resStemInCountsAlikeInClosedFormGraphAndTheImagenetRecordPath() {
        for (String name : new String[] {"Vanilla", "ResNet", "ResNeXt-A", "AnyNetX_E", "RegNetY"}) {
            SplittableRandom rng = new SplittableRandom(11);
            DesignSpace space = BuiltinSpaces.find(name).orElseThrow();
            for (int i = 0; i < 20; i++) {
                StageSpec conv = (StageSpec) space.sample(rng);
                StageSpec res = resStemIn(conv);
                for (Convention c : Convention.values()) {
                    assertEquals(Complexities.cifarFromGraph(res, c), Complexities.cifar(res, c),
                            () -> name + " " + c + " " + SpecJson.canonical(res));
                    Complexity closed = ClosedFormComplexity.of(res, c, Complexities.IMAGENET_SIZE,
                            Complexities.IMAGENET_CLASSES);
                    assertEquals(GraphComplexity.of(Networks.build(res, new org.ndsw.net.Shape(3,
                            Complexities.IMAGENET_SIZE, Complexities.IMAGENET_SIZE), Complexities.IMAGENET_CLASSES),
                            c), closed, () -> name + " " + c + " " + SpecJson.canonical(res));
                    if (Complexities.isImagenetModelled(conv)) { // the `_in` records have no double_plain_block
                        assertEquals(Complexities.imagenet(conv, c), closed, () -> name + " " + c);
                    }
                }
            }
        }
    }

    /** The same net with stage 0 at stride 2 and the res_stem_in stem. */
    private static StageSpec resStemIn(StageSpec s) {
        java.util.List<StageSpec.Stage> stages = new java.util.ArrayList<>(s.stages());
        StageSpec.Stage stem = stages.get(0);
        stages.set(0, new StageSpec.Stage(1, stem.width(), 2, stem.botMul(), stem.groups()));
        return new StageSpec(s.blockType(), stages, s.seRatio(), org.ndsw.space.StemType.RES_STEM_IN);
    }

    @Test
    void everyGraphEndsInTenLogits() {
        for (DesignSpace space : BuiltinSpaces.all()) {
            Graph g = Networks.cifar(space.sample(new SplittableRandom(3)));
            assertEquals(10, g.output().shape().channels(), space.name());
            assertEquals(1, g.output().shape().height(), space.name());
        }
    }

    @Test
    void paramsAreTheSameUnderBothConventions() {
        ModelSpec spec = BuiltinSpaces.find("ResNeXt-B").orElseThrow().sample(new SplittableRandom(1));
        assertEquals(Complexities.cifar(spec, Convention.NDS).params(), Complexities.cifar(spec, Convention.MACS).params());
        assertTrue(Complexities.cifar(spec, Convention.NDS).flops() > Complexities.cifar(spec, Convention.MACS).flops());
    }

    @Test
    void dartsV2MatchesTheDartsPaperParamCount() {
        // DARTS (second order) cell at C = 36, 20 cells: the DARTS training script reports "param size = 3.349342MB"
        // (auxiliary head excluded), counted exactly as docs/reference/complexity.md#params counts them.
        String net = "{\"genotype\":{"
                + "\"normal\":[[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",1],[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",1],"
                + "[\"sep_conv_3x3\",1],[\"skip_connect\",0],[\"skip_connect\",0],[\"dil_conv_3x3\",2]],"
                + "\"normal_concat\":[2,3,4,5],"
                + "\"reduce\":[[\"max_pool_3x3\",0],[\"max_pool_3x3\",1],[\"skip_connect\",2],[\"max_pool_3x3\",1],"
                + "[\"max_pool_3x3\",0],[\"skip_connect\",2],[\"skip_connect\",2],[\"max_pool_3x3\",1]],"
                + "\"reduce_concat\":[2,3,4,5]},\"width\":36,\"depth\":20}";
        ModelSpec darts = SpecJson.parseNet(net);
        assertEquals(3_349_342L, Complexities.cifar(darts, Convention.NDS).params());
        assertEquals(3_349_342L, Complexities.cifarFromGraph(darts, Convention.NDS).params());
    }
}
