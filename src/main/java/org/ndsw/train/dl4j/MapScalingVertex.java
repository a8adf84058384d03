package org.ndsw.train.dl4j;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the two vertices that scale a map by a second input share ({@link DropPathVertex}, {@link ChannelScaleVertex}):
 * two inputs, the map first; no parameters; the output has the map's type.
 */
abstract class MapScalingVertex extends GraphVertex {
    private static final long serialVersionUID = 1L;

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return vertexInputs[0];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return new LayerMemoryReport.Builder(null, getClass(), inputTypes[0], inputTypes[0])
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    /** The vertex at work: no layer, no parameters, the map's mask passed on. */
    abstract static class Impl extends BaseGraphVertex {
        Impl(ComputationGraph graph, String name, int index, DataType dataType) {
            super(graph, name, index, null, null, dataType);
        }

        @Override
        public boolean hasLayer() {
            return false;
        }

        @Override
        public org.deeplearning4j.nn.api.Layer getLayer() {
            return null;
        }

        @Override
        public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
            if (backpropGradientsViewArray != null) {
                throw new IllegalStateException(this + " has no parameters");
            }
        }

        @Override
        public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                int minibatchSize) {
            return maskArrays == null || maskArrays.length == 0 ? null : new Pair<>(maskArrays[0], currentMaskState);
        }
    }
}
