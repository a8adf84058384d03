package org.ndsw.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ndsw.complexity.AnyNet;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.GraphComplexity;
import org.ndsw.net.AnyNetNetwork;
import org.ndsw.net.Graph;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.reference.ReferenceEngine;

/**
 * AnyNet networks with pycls's ImageNet stems and grouped bottleneck blocks, built at 40x40: DJL, DL4J and the
 * reference engine give the same logits and parameter counts as the graph's complexity.
 */
class ImageNetStemEnginesTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);

    static Graph net(AnyNet.Stem stem) {
        AnyNet net = new AnyNet(stem, 8, AnyNet.Block.RES_BOTTLENECK_BLOCK, List.of(
                new AnyNet.Stage(1, 16, 1, 0.5, 4), new AnyNet.Stage(2, 24, 2, 1.0, 8)), 0, 0, 10);
        return AnyNetNetwork.build(net, 40);
    }

    @ParameterizedTest
    @EnumSource(AnyNet.Stem.class)
    void djlAndDl4jAgree(AnyNet.Stem stem) {
        Graph g = net(stem);
        CrossEngineCheck.Result r = new CrossEngineCheck(2).check(g, 3, 5);
        assertEquals(GraphComplexity.of(g, Convention.NDS).params(), r.paramsCandidate());
        assertTrue(r.ok(), r.toString());
    }

    @Test
    void referenceEngineAgreesOnTheResNetStem() {
        Graph g = net(AnyNet.Stem.RES_STEM_IN);
        assertEquals("stem.pool", g.node(4).name());
        assertEquals(10, g.node(4).shape().height());
        CrossEngineCheck.Result r = new CrossEngineCheck(TrainingEngines.find("djl"), new ReferenceEngine(), CPU)
                .check(g, 2, 6);
        assertTrue(r.ok(), r.toString());
    }
}
