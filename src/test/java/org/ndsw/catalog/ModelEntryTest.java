package org.ndsw.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;

/** Model identity and stored columns agree with the space package's definitions. */
class ModelEntryTest {

    @Test
    void canonicalTextAndHashEqualSpecJsonForEverySpace() {
        for (DesignSpace space : BuiltinSpaces.all()) {
            SplittableRandom rng = new SplittableRandom(11);
            for (int i = 0; i < 300; i++) {
                ModelSpec spec = space.sample(rng);
                ModelEntry m = ModelEntry.of(spec);
                assertEquals(SpecJson.canonical(spec), m.net(), space.name());
                assertEquals(SpecJson.hash(spec), m.hash(), space.name());
                assertEquals(Complexities.cifar(spec, Convention.NDS), m.complexity(), space.name());
            }
        }
    }

    @Test
    void regNetYRowsHaveTheirOwnIdentityAndCountTheirSe() {
        for (double r : new double[] {0.25, 0.5, 1.0, 0.1}) {
            org.ndsw.space.StageSpec x = (org.ndsw.space.StageSpec) BuiltinSpaces.find("RegNetX").orElseThrow()
                    .sample(new SplittableRandom(2));
            org.ndsw.space.StageSpec y = x.withSeRatio(r);
            ModelEntry mx = ModelEntry.of(x);
            ModelEntry my = ModelEntry.of(y);
            assertEquals(SpecJson.canonical(y), my.net());
            assertEquals(SpecJson.hash(y), my.hash());
            assertNotEquals(mx.hash(), my.hash());
            assertTrue(my.complexity().params() > mx.complexity().params());
        }
    }

    @Test
    void resnet56KeepsItsPaperComplexity() {
        ModelEntry m = ModelEntry.of(SpecJson.parseNet(CatalogTest.R56));
        assertEquals(128_471_690L, m.complexity().flops());
        assertEquals(855_770L, m.complexity().params());
        assertEquals("res_basic_block", m.blockType());
        assertNull(m.opsNormal());
    }

    @Test
    void cellOpsAreSortedDistinctAndSpaceDelimited() {
        String net = "{\"aux\":false,\"depth\":8,\"drop_prob\":0.0,\"genotype\":{\"normal\":[[\"sep_conv_3x3\",0],"
                + "[\"skip_connect\",1],[\"sep_conv_3x3\",2],[\"dil_conv_5x5\",0]],\"normal_concat\":[2,3],"
                + "\"reduce\":[[\"max_pool_3x3\",1],[\"avg_pool_3x3\",0],[\"sep_conv_5x5\",2],[\"skip_connect\",1]],"
                + "\"reduce_concat\":[3]},\"width\":16}";
        ModelEntry m = ModelEntry.of(SpecJson.parseNet(net));
        assertEquals(" dil_conv_5x5 sep_conv_3x3 skip_connect ", m.opsNormal());
        assertEquals(" avg_pool_3x3 max_pool_3x3 sep_conv_5x5 skip_connect ", m.opsReduce());
        assertEquals("cell", m.family());
    }
}
