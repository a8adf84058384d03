package org.ndsw.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ndsw.net.Graph;
import org.ndsw.net.GraphBuilder;
import org.ndsw.net.Shape;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;

/**
 * The DL4J model counts its trainable parameters exactly beyond 2^24: an AnyNetX net of 23,827,235 parameters was
 * counted as 23,827,236 when the count was the sum of a float mask, and training refused to start.
 */
class Dl4jParameterCountTest {
    @Test
    void anOddCountAbove2To24IsExact() {
        // 4,101 x 4,100 weights + 4,101 biases = 16,818,201: odd and above 2^24, so no float holds it.
        GraphBuilder b = new GraphBuilder(new Shape(4100, 1, 1));
        b.linear("fc", b.globalAvgPool("gap", 0), 4101, true);
        Graph g = b.build();
        try (EngineModel m = new Dl4jEngine().build(g, new EngineOptions(Device.CPU, 1))) {
            assertEquals(16_818_201L, m.trainableParameters());
        }
    }
}
