package org.ndsw.train.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.complexity.AnyNet;
import org.ndsw.net.AnyNetNetwork;
import org.ndsw.net.Graph;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.reference.ReferenceEngine;

/** Squeeze-and-excitation cases of the known-answer self-test: in the battery and per network, passed by both engines. */
class SqueezeExciteSelfTestTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);

    @TempDir Path cache;

    @Test
    void theBatteryHasSeCasesAndBothEnginesPassThem() {
        List<OpCase> se = OpCase.battery().stream().filter(c -> c.key().startsWith("se ")).toList();
        assertEquals(List.of("se 8->2 @12x12", "se 12->3 @12x12", "se 20->5 @12x12"),
                se.stream().map(OpCase::key).toList());
        for (String name : List.of("djl", "dl4j")) {
            SelfTest.Outcome o = new SelfTest(new ReferenceEngine(), cache, "test machine", se)
                    .verify(TrainingEngines.find(name), se.get(0).graph(), CPU);
            assertTrue(o.attempts().get(0).passed(), o.summary());
        }
    }

    @Test
    void aNetworksSeBlocksAreCasesAtTheirOwnWidths() {
        Graph g = AnyNetNetwork.build(new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, 8,
                AnyNet.Block.RES_BOTTLENECK_BLOCK, List.of(new AnyNet.Stage(1, 16, 1, 1.0, 8),
                        new AnyNet.Stage(2, 24, 2, 1.0, 8)), 0, 0.25, 10), 32);
        List<String> keys = OpCase.of(g).stream().map(OpCase::key).filter(k -> k.startsWith("se ")).toList();
        // stage 1: w_b 16 at 16x16, w_in 8 -> 2; stage 2: w_b 24 at 8x8, w_in 16 then 24 -> 4 and 6
        assertEquals(List.of("se 16->2 @16x16", "se 24->4 @8x8", "se 24->6 @8x8"), keys);
        for (String name : List.of("djl", "dl4j")) {
            SelfTest.Outcome o = new SelfTest(new ReferenceEngine(), cache, "test machine", List.of())
                    .verify(TrainingEngines.find(name), g, CPU);
            assertTrue(o.attempts().get(0).passed(), o.summary());
        }
    }
}
