package org.ndsw.train.dl4j;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

/**
 * Channel-wise scaling (the graph's {@link org.ndsw.net.Layer.ChannelScale}, squeeze-and-excitation's multiply):
 * inputs are the map [N, C, H, W] and the gate [N, C]; the output is the map with each plane times its gate value.
 * Backward: dx = dy · gate per plane, dgate = the plane's sum of dy · x.
 */
final class ChannelScaleVertex extends MapScalingVertex {
    private static final long serialVersionUID = 1L;

    @Override
    public ChannelScaleVertex clone() {
        return new ChannelScaleVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelScaleVertex;
    }

    @Override
    public int hashCode() {
        return 0x5ca1e;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new Impl(graph, name, idx, networkDatatype);
    }

    /** The vertex at work. */
    static final class Impl extends MapScalingVertex.Impl {
        Impl(ComputationGraph graph, String name, int index, DataType dataType) {
            super(graph, name, index, dataType);
        }

        @Override
        public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
            try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
                return scaled(inputs[0]);
            }
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
            try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
                INDArray dGate = epsilon.mul(inputs[0]).sum(2, 3).reshape(inputs[1].shape());
                return new Pair<>(null, new INDArray[] {scaled(epsilon), dGate});
            }
        }

        /** x times the gate, broadcast along dimensions 0 and 1 (image and channel). */
        private INDArray scaled(INDArray x) {
            INDArray gate = inputs[1].reshape(x.size(0), x.size(1));
            return Broadcast.mul(x, gate, x.ulike(), 0, 1);
        }

        @Override
        public String toString() {
            return "ChannelScaleVertex(" + vertexName + ")";
        }
    }
}
