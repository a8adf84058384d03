package org.ndsw.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.complexity.AnyNet;
import org.ndsw.complexity.AnyNetComplexity;
import org.ndsw.complexity.Convention;
import org.ndsw.net.AnyNetNetwork;
import org.ndsw.net.Graph;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.SameStep;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.reference.ReferenceEngine;

/**
 * A small AnyNet with squeeze-and-excitation (se_r 0.25, pycls's RegNetY ratio) at 32x32: DJL, DL4J and the
 * double-precision reference give the same logits and the same SGD step, and the trained parameters are pycls's.
 */
class SqueezeExciteEnginesTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);

    static AnyNet net() {
        return new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, 8, AnyNet.Block.RES_BOTTLENECK_BLOCK, List.of(
                new AnyNet.Stage(1, 16, 1, 1.0, 8), new AnyNet.Stage(2, 24, 2, 1.0, 8)), 0, 0.25, 10);
    }

    @Test
    void djlAndDl4jGiveTheSameLogits() {
        Graph g = AnyNetNetwork.build(net(), 32);
        CrossEngineCheck.Result r = new CrossEngineCheck(2).check(g, 3, 5);
        assertEquals(AnyNetComplexity.of(net(), 32, Convention.MACS).params(), r.paramsCandidate());
        assertEquals(r.paramsReference(), r.paramsCandidate());
        assertTrue(r.ok(), r.toString());
    }

    @Test
    void bothEnginesAgreeWithTheReferenceOnLogits() {
        Graph g = AnyNetNetwork.build(net(), 32);
        for (String engine : List.of("djl", "dl4j")) {
            CrossEngineCheck.Result r = new CrossEngineCheck(new ReferenceEngine(), TrainingEngines.find(engine), CPU)
                    .check(g, 2, 6);
            assertTrue(r.ok(), engine + ": " + r);
        }
    }

    @Test
    void oneSgdStepIsTheSameInAllThreeEngines() {
        Graph g = AnyNetNetwork.build(net(), 32);
        SameStep.assertSameStep(g, new ReferenceEngine(), TrainingEngines.find("djl"), CPU);
        SameStep.assertSameStep(g, new ReferenceEngine(), TrainingEngines.find("dl4j"), CPU);
        SameStep.assertSameStep(g, TrainingEngines.find("djl"), TrainingEngines.find("dl4j"), CPU);
    }
}
