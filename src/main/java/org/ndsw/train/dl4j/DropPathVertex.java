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
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Drop-path (the graph's {@link org.ndsw.net.Layer.DropPath}): inputs are the map [N, C, H, W] and the network's masks
 * input [N, slots]; in training each image's map is multiplied by its factor in column {@code slot}, in inference the
 * map passes unchanged. The masks get no gradient.
 */
final class DropPathVertex extends MapScalingVertex {
    private static final long serialVersionUID = 1L;

    private final int slot;

    DropPathVertex(@JsonProperty("slot") int slot) {
        this.slot = slot;
    }

    @Override
    public DropPathVertex clone() {
        return new DropPathVertex(slot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DropPathVertex d && d.slot == slot;
    }

    @Override
    public int hashCode() {
        return 0x5d09 + slot;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new Impl(graph, name, idx, slot, networkDatatype);
    }

    /** The vertex at work. */
    static final class Impl extends MapScalingVertex.Impl {
        private final int slot;

        Impl(ComputationGraph graph, String name, int index, int slot, DataType dataType) {
            super(graph, name, index, dataType);
            this.slot = slot;
        }

        @Override
        public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (!training) {
                return workspaceMgr.dup(ArrayType.ACTIVATIONS, inputs[0]);
            }
            try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
                return scaled(inputs[0]);
            }
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
            try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
                return new Pair<>(null, new INDArray[] {scaled(epsilon), inputs[1].ulike().assign(0)});
            }
        }

        /** x·factor per image: a broadcast along the batch dimension of this slot's column of the masks. */
        private INDArray scaled(INDArray x) {
            INDArray factors = inputs[1].getColumn(slot).dup();
            INDArray out = x.ulike();
            return Broadcast.mul(x, factors, out, 0);
        }

        @Override
        public String toString() {
            return "DropPathVertex(" + vertexName + ", slot " + slot + ")";
        }
    }
}
