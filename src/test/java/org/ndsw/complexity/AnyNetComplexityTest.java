package org.ndsw.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.space.SpecJson;

/** AnyNet complexity at any input size, under both conventions, and the nets it refuses. */
class AnyNetComplexityTest {

    private static AnyNet resnet56(AnyNet.Block block) {
        List<AnyNet.Stage> stages = List.of(new AnyNet.Stage(9, 16, 1, 1, 1), new AnyNet.Stage(9, 32, 2, 1, 1),
                new AnyNet.Stage(9, 64, 2, 1, 1));
        return new AnyNet(AnyNet.Stem.RES_STEM_CIFAR, 16, block, stages, 0, 0, 10);
    }

    @Test
    void resnet56AgreesWithTheNdsSpaceCountUnderBothConventions() {
        AnyNet r56 = resnet56(AnyNet.Block.RES_BASIC_BLOCK);
        var spec = SpecJson.parseNet("{\"block_type\": \"res_basic_block\", \"ds\": [1, 9, 9, 9],"
                + " \"ws\": [16, 16, 32, 64], \"ss\": [1, 1, 2, 2]}");
        for (Convention c : Convention.values()) {
            assertEquals(Complexities.cifar(spec, c), AnyNetComplexity.of(r56, 32, c), c.cliName());
        }
        assertEquals(128_471_690L, AnyNetComplexity.of(r56, 32, Convention.NDS).flops());
    }

    @Test
    void seIsSizedFromTheBlockInputAndCountsItsBiases() {
        AnyNet.Stage stage = new AnyNet.Stage(1, 64, 1, 1.0, 16);
        AnyNet plain = new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, 32, AnyNet.Block.RES_BOTTLENECK_BLOCK, List.of(stage),
                0, 0, 10);
        AnyNet se = new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, 32, AnyNet.Block.RES_BOTTLENECK_BLOCK, List.of(stage),
                0, 0.25, 10);
        Complexity a = AnyNetComplexity.of(plain, 32, Convention.MACS);
        Complexity b = AnyNetComplexity.of(se, 32, Convention.MACS);
        // w_se = round(32 x 0.25) = 8 from the block input width 32, not the bottleneck width 64:
        // fc 64 -> 8 and 8 -> 64 with biases = 64*8 + 8 + 8*64 + 64 = 1,096 flops and params, 72 acts
        assertEquals(new Complexity(1_096, 1_096, 72), new Complexity(b.flops() - a.flops(),
                b.params() - a.params(), b.acts() - a.acts()));
    }

    @Test
    void theResNetStemMaxPoolCountsAsActsAndTheInputSizeScales() {
        AnyNet.Stage stage = new AnyNet.Stage(1, 64, 1, 1.0, 64);
        AnyNet net = new AnyNet(AnyNet.Stem.RES_STEM_IN, 64, AnyNet.Block.RES_BASIC_BLOCK, List.of(stage), 0, 0, 10);
        Complexity c224 = AnyNetComplexity.of(net, 224, Convention.MACS);
        // stem conv 112x112x64 + max-pool 56x56x64 + two 3x3 convs 56x56x64 + fc 10
        assertEquals(112L * 112 * 64 + 56L * 56 * 64 * 3 + 10, c224.acts());
        Complexity c225 = AnyNetComplexity.of(net, 225, Convention.MACS);
        assertEquals(113L * 113 * 64 + 57L * 57 * 64 * 3 + 10, c225.acts());
        assertEquals(c224.params(), c225.params());
    }

    @Test
    void theHeadConvIsCountedWhenItHasAWidth() {
        AnyNet.Stage stage = new AnyNet.Stage(1, 16, 1, 1, 1);
        AnyNet without = new AnyNet(AnyNet.Stem.RES_STEM_CIFAR, 16, AnyNet.Block.VANILLA_BLOCK, List.of(stage), 0, 0,
                10);
        AnyNet with = new AnyNet(AnyNet.Stem.RES_STEM_CIFAR, 16, AnyNet.Block.VANILLA_BLOCK, List.of(stage), 32, 0, 10);
        long params = AnyNetComplexity.of(with, 8, Convention.MACS).params()
                - AnyNetComplexity.of(without, 8, Convention.MACS).params();
        assertEquals(16 * 32 + 2 * 32 + (32 * 10 + 10) - (16 * 10 + 10), params);
    }

    @Test
    void ungroupableBottlenecksAreRefused() {
        // round(10 x 1.0) = 10 channels, group width 4 -> 2 groups of 5: buildable
        new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, 8, AnyNet.Block.RES_BOTTLENECK_BLOCK,
                List.of(new AnyNet.Stage(1, 10, 2, 1.0, 4)), 0, 0, 10);
        // 10 channels, group width 3 -> 3 groups do not divide 10
        NdswException e = assertThrows(NdswException.class, () -> new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, 8,
                AnyNet.Block.RES_BOTTLENECK_BLOCK, List.of(new AnyNet.Stage(1, 10, 2, 1.0, 3)), 0, 0, 10));
        assertTrue(e.getMessage().contains("stage 1"), e.getMessage());
        assertThrows(NdswException.class, () -> new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, 8,
                AnyNet.Block.RES_BOTTLENECK_BLOCK, List.of(new AnyNet.Stage(1, 10, 2, 1.0, 16)), 0, 0, 10));
    }

    @Test
    void aCountPastALongIsRefusedNotWrapped() {
        AnyNet huge = new AnyNet(AnyNet.Stem.RES_STEM_CIFAR, 1 << 20, AnyNet.Block.RES_BASIC_BLOCK,
                List.of(new AnyNet.Stage(Integer.MAX_VALUE, 1 << 20, 1, 1, 1)), 0, 0, 10);
        NdswException e = assertThrows(NdswException.class, () -> AnyNetComplexity.of(huge, 1 << 15, Convention.MACS));
        assertTrue(e.getMessage().contains("64-bit"), e.getMessage());
    }
}
