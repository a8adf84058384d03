package org.ndsw.train.dl4j;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ReLU of the sum of its inputs: a residual block's add and the ReLU after it as one vertex. DL4J's add copies its
 * first input and adds the others to the copy, and its activation layer copies its input again, each way; here the
 * sum is written once and rectified in place (decision 0007).
 */
final class AddReluVertex extends ElementWiseVertex {
    private static final long serialVersionUID = 1L;

    AddReluVertex() {
        super(Op.Add);
    }

    @Override
    public AddReluVertex clone() {
        return new AddReluVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddReluVertex;
    }

    @Override
    public int hashCode() {
        return AddReluVertex.class.hashCode();
    }

    @Override
    public GraphVertex instantiate(ComputationGraph graph, String name, int idx, INDArray paramsView,
            boolean initializeParams, DataType networkDatatype) {
        return new Impl(graph, name, idx, networkDatatype);
    }

    /** The vertex itself: forward max(Σ inputs, 0); backward the error times (output > 0) to every input. */
    static final class Impl extends org.deeplearning4j.nn.graph.vertex.impl.ElementWiseVertex {
        /** Output of the last forward pass (in the activation workspace), or null. */
        private transient INDArray out;

        Impl(ComputationGraph graph, String name, int idx, DataType dataType) {
            super(graph, name, idx, null, null, Op.Add, dataType);
        }

        @Override
        public INDArray doForward(boolean training, LayerWorkspaceMgr ws) {
            if (!canDoForward()) {
                throw new IllegalStateException("add+ReLU " + vertexName + ": inputs not set");
            }
            INDArray sum = ws.createUninitialized(ArrayType.ACTIVATIONS, dataType, inputs[0].shape(), 'c');
            Nd4j.exec(new AddOp(inputs[0], inputs[1], sum));
            for (int i = 2; i < inputs.length; i++) {
                Nd4j.exec(new AddOp(sum, inputs[i], sum));
            }
            Nd4j.exec(new RectifiedLinear(sum, sum, 0.0));
            out = sum;
            return sum;
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr ws) {
            if (!canDoBackward() || out == null) {
                throw new IllegalStateException("add+ReLU " + vertexName + ": backward pass without a forward pass");
            }
            INDArray g = ws.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, out.shape(), 'c');
            Nd4j.exec(new Step(out, g, 0.0));
            Nd4j.exec(new MulOp(g, epsilon, g));
            out = null;
            INDArray[] errors = new INDArray[inputs.length];
            errors[0] = g;
            for (int i = 1; i < errors.length; i++) {
                errors[i] = ws.dup(ArrayType.ACTIVATION_GRAD, g);
            }
            return new Pair<>(null, errors);
        }

        @Override
        public void clear() {
            super.clear();
            out = null;
        }
    }
}
