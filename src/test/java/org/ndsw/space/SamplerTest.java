package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** Seeded, reproducible, de-duplicated and bounded sampling. */
class SamplerTest {
    private static final DesignSpace RESNEXT_A = BuiltinSpaces.find("ResNeXt-A").orElseThrow();

    @Test
    void sameSeedGivesSameModelsInSameOrder() {
        List<ModelSpec> a = Sampler.sample(RESNEXT_A, 50, 11, false, s -> true, 1000, "").models();
        List<ModelSpec> b = Sampler.sample(RESNEXT_A, 50, 11, false, s -> true, 1000, "").models();
        assertEquals(a, b);
        assertNotEquals(a, Sampler.sample(RESNEXT_A, 50, 12, false, s -> true, 1000, "").models());
    }

    @Test
    void firstSamplesArePinnedAcrossMachines() {
        // SplittableRandom is specified bit for bit, so these hold on every JVM; a change here breaks reproducibility.
        assertEquals("{\"block_type\":\"res_bottleneck_block\",\"bot_muls\":[0.0,1.0,0.25,0.5],\"ds\":[1,8,16,8],"
                + "\"num_gs\":[1,1,1,4],\"ss\":[1,1,2,2],\"ws\":[16,32,32,256]}",
                SpecJson.canonical(RESNEXT_A.sample(new SplittableRandom(0))));
        DesignSpace darts = BuiltinSpaces.find("DARTS").orElseThrow();
        assertEquals("{\"aux\":false,\"depth\":12,\"drop_prob\":0.0,\"genotype\":{\"normal\":[[\"sep_conv_5x5\",1],"
                + "[\"skip_connect\",0],[\"avg_pool_3x3\",1],[\"dil_conv_5x5\",0],[\"sep_conv_5x5\",3],"
                + "[\"dil_conv_5x5\",3],[\"sep_conv_5x5\",1],[\"none\",2]],\"normal_concat\":[2,3,4,5],"
                + "\"reduce\":[[\"sep_conv_3x3\",0],[\"sep_conv_5x5\",1],[\"none\",2],[\"dil_conv_5x5\",1],"
                + "[\"max_pool_3x3\",2],[\"dil_conv_5x5\",2],[\"none\",1],[\"dil_conv_5x5\",1]],"
                + "\"reduce_concat\":[2,3,4,5]},\"width\":16}",
                SpecJson.canonical(darts.sample(new SplittableRandom(0))));
    }

    @Test
    void uniqueSamplingNeverRepeatsAModel() {
        DesignSpace tiny = SpaceFiles.parse("""
                {"format": "ndsw-space/1", "name": "Tiny", "family": "stage", "block_type": "res_basic_block",
                 "stem": {"width": 16, "stride": 1},
                 "stages": [{"stride": 1, "depth": [1, 2], "width": [16, 32, 64]}]}""", "tiny");
        Sampler.Result r = Sampler.sample(tiny, 6, 5, true, s -> true, 10_000, "");
        Set<String> seen = new HashSet<>();
        r.models().forEach(m -> assertTrue(seen.add(SpecJson.canonical(m))));
        assertEquals(6, seen.size());
        assertTrue(r.drawn() >= 6);
    }

    @Test
    void askingForMoreDistinctModelsThanTheSpaceHoldsFailsAtOnce() {
        DesignSpace tiny = SpaceFiles.parse("""
                {"format": "ndsw-space/1", "name": "Tiny", "family": "stage", "block_type": "res_basic_block",
                 "stem": {"width": 16, "stride": 1},
                 "stages": [{"stride": 1, "depth": [1, 2], "width": [16, 32, 64]}]}""", "tiny");
        NdswException e = assertThrows(NdswException.class, () -> Sampler.sample(tiny, 7, 5, true, s -> true, 1000, ""));
        assertEquals("cannot draw 7 distinct models from Tiny, which has only 6 models", e.getMessage());
    }

    @Test
    void impossibleFilterStopsAfterTheDrawBound() {
        NdswException e = assertThrows(NdswException.class,
                () -> Sampler.sample(RESNEXT_A, 3, 1, false, s -> false, 500, "params in [1, 2]"));
        assertEquals("drew 500 candidates from ResNeXt-A and kept only 0 of the 3 requested with params in [1, 2];"
                + " widen the window or raise --max-draws", e.getMessage());
    }
}
