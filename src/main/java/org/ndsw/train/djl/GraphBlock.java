package org.ndsw.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.ndsw.net.Graph;
import org.ndsw.net.Layer;
import org.ndsw.net.Node;

/**
 * A DJL block that evaluates an engine-neutral {@link Graph}: one child block per parameterized node (conv, BN, fc),
 * every other op computed directly, nodes in topological order.
 *
 * <p>Each intermediate value is closed right after its last consumer has run, so inference holds only live activations;
 * in training the autograd graph keeps what backward needs. Inputs: the images and, in training with drop-path, the
 * masks [slots, N]. Outputs: the logits, and in training the auxiliary head's logits when the graph has the head
 * (which inference skips).
 */
final class GraphBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Graph graph;
    private final Block[] blocks;
    private final int[] lastUse;
    private final boolean[] auxiliary;

    GraphBlock(Graph graph) {
        super(VERSION);
        this.graph = graph;
        List<Node> nodes = graph.nodes();
        blocks = new Block[nodes.size()];
        for (Node n : nodes) {
            Block b = childFor(n.layer());
            if (b != null) {
                blocks[n.id()] = addChildBlock(n.name(), b);
            }
        }
        lastUse = lastUses(nodes);
        auxiliary = graph.auxiliaryNodes();
    }

    /** The child block of a node (conv, BN or fc), or null for ops without parameters. */
    Block block(int nodeId) {
        return blocks[nodeId];
    }

    /** The graph this block evaluates. */
    Graph graph() {
        return graph;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        List<Node> nodes = graph.nodes();
        NDArray[] values = new NDArray[nodes.size()];
        values[0] = inputs.get(0);
        NDArray masks = training && inputs.size() > 1 ? inputs.get(1) : null;
        int out = nodes.size() - 1;
        boolean withAux = training && graph.hasAux();
        for (int i = 1; i < nodes.size(); i++) {
            if (auxiliary[i] && !withAux) {
                continue;
            }
            values[i] = evaluate(store, nodes.get(i), values, training, masks);
            for (int in : nodes.get(i).inputs()) {
                if (in != 0 && lastUse[in] == i && in != out && values[in] != null) {
                    if (values[in] != values[i]) {
                        values[in].close();
                    }
                    values[in] = null;
                }
            }
        }
        return withAux ? new NDList(values[out], values[graph.aux().id()]) : new NDList(values[out]);
    }

    private NDArray evaluate(ParameterStore store, Node n, NDArray[] v, boolean training, NDArray masks) {
        NDArray x = v[n.inputs().get(0)];
        Layer layer = n.layer();
        if (layer instanceof Layer.DropPath d) {
            // the identity (the same array, handed on) in inference and when no masks came with the batch
            if (masks == null) {
                return x;
            }
            try (NDArray factors = masks.get(d.slot()).reshape(x.getShape().get(0), 1, 1, 1)) {
                return x.mul(factors);
            }
        }
        if (layer instanceof Layer.Conv c && isStridedPointwise(c)) {
            try (NDArray sub = x.get(new NDIndex(":, :, ::{}, ::{}", c.strideH(), c.strideW()))) {
                return blocks[n.id()].forward(store, new NDList(sub), training).singletonOrThrow();
            }
        } else if (layer instanceof Layer.Conv || layer instanceof Layer.BatchNorm) {
            return blocks[n.id()].forward(store, new NDList(x), training).singletonOrThrow();
        } else if (layer instanceof Layer.Linear) {
            NDArray flat = x.reshape(x.getShape().get(0), -1);
            return blocks[n.id()].forward(store, new NDList(flat), training).singletonOrThrow();
        } else if (layer instanceof Layer.Relu) {
            return Activation.relu(x);
        } else if (layer instanceof Layer.Add) {
            NDArray sum = x.add(v[n.inputs().get(1)]);
            for (int k = 2; k < n.inputs().size(); k++) {
                sum = sum.addi(v[n.inputs().get(k)]);
            }
            return sum;
        } else if (layer instanceof Layer.Concat && n.inputs().size() == 1) {
            // DJL's NDArrays.concat returns a single array's duplicate(), a copy detached from autograd: no gradient
            // would flow back through a cell whose output is one node (decision 0011). PyTorch's cat of one tensor
            // is a copy that autograd follows.
            return JniUtils.cat(new PtNDArray[] {(PtNDArray) x}, 1);
        } else if (layer instanceof Layer.Concat) {
            NDList parts = new NDList(n.inputs().size());
            n.inputs().forEach(in -> parts.add(v[in]));
            return NDArrays.concat(parts, 1);
        } else if (layer instanceof Layer.Pool p) {
            return Ops.pool(x, p);
        } else if (layer instanceof Layer.Zero) {
            return Ops.zeros(x, n.shape());
        } else if (layer instanceof Layer.Shift) {
            return Ops.shift(x);
        } else if (layer instanceof Layer.GlobalAvgPool) {
            return Pool.globalAvgPool2d(x).reshape(x.getShape().get(0), x.getShape().get(1), 1, 1);
        } else if (layer instanceof Layer.Sigmoid) {
            return Activation.sigmoid(x);
        } else if (layer instanceof Layer.ChannelScale) {
            return Ops.channelScale(x, v[n.inputs().get(1)]);
        }
        throw new IllegalStateException("no DJL implementation of " + layer);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        org.ndsw.net.Shape s = graph.output().shape();
        return new Shape[] {new Shape(inputShapes[0].get(0), s.elements())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Node n : graph.nodes()) {
            Block b = blocks[n.id()];
            if (b == null) {
                continue;
            }
            org.ndsw.net.Shape in = graph.node(n.inputs().get(0)).shape();
            Shape shape = n.layer() instanceof Layer.Linear ? new Shape(1, in.elements())
                    : new Shape(1, in.channels(), in.height(), in.width());
            b.initialize(manager, dataType, shape);
        }
    }

    /**
     * True for a 1x1 convolution without padding and with a stride above one. Such a convolution is run as the
     * subsampled input x[:, :, ::s, ::s] into a unit-stride 1x1 convolution: the same function and gradients, and it
     * keeps PyTorch's oneDNN off its strided 1x1 path, whose weight gradient overruns its workspace when the input
     * channels are not a multiple of the kernel's channel block (docs/decisions/0011-known-answer-self-test.md).
     */
    static boolean isStridedPointwise(Layer.Conv c) {
        return c.kernelH() == 1 && c.kernelW() == 1 && c.padH() == 0 && c.padW() == 0
                && (c.strideH() > 1 || c.strideW() > 1);
    }

    private static Block childFor(Layer layer) {
        if (layer instanceof Layer.Conv c) {
            boolean subsampled = isStridedPointwise(c);
            return Conv2d.builder()
                    .setFilters(c.outChannels())
                    .setKernelShape(new Shape(c.kernelH(), c.kernelW()))
                    .optStride(subsampled ? new Shape(1, 1) : new Shape(c.strideH(), c.strideW()))
                    .optPadding(new Shape(c.padH(), c.padW()))
                    .optDilation(new Shape(c.dilation(), c.dilation()))
                    .optGroups(c.groups())
                    .optBias(false)
                    .build();
        } else if (layer instanceof Layer.BatchNorm b) {
            return new BatchNorm2d(b.channels(), b.eps());
        } else if (layer instanceof Layer.Linear l) {
            return Linear.builder().setUnits(l.outFeatures()).optBias(l.bias()).build();
        }
        return null;
    }

    /** For each node, the index of the last node reading it (its own index if none does). */
    private static int[] lastUses(List<Node> nodes) {
        int[] last = new int[nodes.size()];
        for (Node n : nodes) {
            last[n.id()] = Math.max(last[n.id()], n.id());
            for (int in : n.inputs()) {
                last[in] = Math.max(last[in], n.id());
            }
        }
        return last;
    }
}
