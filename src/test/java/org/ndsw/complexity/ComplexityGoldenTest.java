package org.ndsw.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.junit.jupiter.api.Test;

/** Golden values of docs/complexity.md (paper Table 1 and pycls), under both counting paths. */
class ComplexityGoldenTest {

    private static ModelSpec stage(String type, String ds, String ws) {
        return SpecJson.parseNet("{\"block_type\": \"" + type + "\", \"ds\": " + ds + ", \"ws\": " + ws
                + ", \"ss\": [1, 1, 2, 2]}");
    }

    private static void assertBoth(ModelSpec spec, Convention c, long flops, long params) {
        Complexity closed = Complexities.cifar(spec, c);
        Complexity graph = Complexities.cifarFromGraph(spec, c);
        assertEquals(flops, closed.flops(), "closed-form flops");
        assertEquals(params, closed.params(), "closed-form params");
        assertEquals(closed, graph, "graph count equals closed form");
    }

    @Test
    void resnet56MatchesPaperTable1() {
        ModelSpec r56 = stage("res_basic_block", "[1, 9, 9, 9]", "[16, 16, 32, 64]");
        assertBoth(r56, Convention.NDS, 128_471_690L, 855_770L);
        assertEquals(544_778L, Complexities.cifar(r56, Convention.NDS).acts());
    }

    @Test
    void resnet56MacsMatchPycls() {
        ModelSpec r56 = stage("res_basic_block", "[1, 9, 9, 9]", "[16, 16, 32, 64]");
        assertBoth(r56, Convention.MACS, 125_747_850L, 855_770L);
    }

    @Test
    void resnet110MatchesPaperTable1() {
        ModelSpec r110 = stage("res_basic_block", "[1, 18, 18, 18]", "[16, 16, 32, 64]");
        assertBoth(r110, Convention.NDS, 258_454_154L, 1_730_714L);
        assertBoth(r110, Convention.MACS, 253_149_834L, 1_730_714L);
    }

    @Test
    void vanilla56MatchesSpec() {
        ModelSpec v56 = stage("double_plain_block", "[1, 9, 9, 9]", "[16, 16, 32, 64]");
        assertBoth(v56, Convention.NDS, 128_148_106L, 853_018L);
        assertBoth(v56, Convention.MACS, 125_485_706L, 853_018L);
    }

    @Test
    void smallestResnetMatchesSpec() {
        ModelSpec r = stage("res_basic_block", "[1, 1, 1, 1]", "[16, 16, 16, 16]");
        assertBoth(r, Convention.NDS, 7_040_170L, 15_226L);
    }
}
