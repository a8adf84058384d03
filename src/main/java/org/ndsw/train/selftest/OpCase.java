package org.ndsw.train.selftest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ndsw.net.Graph;
import org.ndsw.net.GraphBuilder;
import org.ndsw.net.Layer;
import org.ndsw.net.Node;
import org.ndsw.net.Shape;

/**
 * One op under test, wrapped in a small network that exposes its forward values and both of its gradients:
 * input, a 1x1 convolution (whose weight gradient depends on the op's gradient with respect to its input), the op,
 * ReLU (so the gradient arriving at the op varies from element to element), global average pooling and a linear layer.
 *
 * @param key stable text naming the op and its shapes; the cache stores results under it
 * @param graph the small network
 */
public record OpCase(String key, Graph graph) {
    /** Batch size every case runs with. */
    public static final int BATCH = 8;

    /** A convolution case: the op is {@code conv} applied to a map of {@code in} at this size. */
    static OpCase conv(Layer.Conv c, int height, int width) {
        String key = String.format("conv %dx%d s%d p%d d%d g%d %d->%d @%dx%d", c.kernelH(), c.kernelW(), c.strideH(),
                c.padH(), c.dilation(), c.groups(), c.inChannels(), c.outChannels(), height, width);
        GraphBuilder b = new GraphBuilder(new Shape(c.inChannels(), height, width));
        int pre = b.conv("pre", 0, c.inChannels(), 1, 1, 0);
        int op = b.conv("op", pre, c.outChannels(), c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padH(),
                c.padW(), c.dilation(), c.groups());
        return new OpCase(key, head(b, op));
    }

    /** A pooling case on a map of this many channels and size. */
    static OpCase pool(Layer.Pool p, int channels, int height, int width) {
        String key = String.format("%s pool %dx%d s%d p%d %d @%dx%d", p.kind().name().toLowerCase(java.util.Locale.ROOT),
                p.kernel(), p.kernel(), p.stride(), p.padding(), channels, height, width);
        GraphBuilder b = new GraphBuilder(new Shape(channels, height, width));
        int pre = b.conv("pre", 0, channels, 1, 1, 0);
        return new OpCase(key, head(b, b.pool("op", pre, p.kind(), p.kernel(), p.stride(), p.padding())));
    }

    /** A batch-norm case (training mode: batch statistics; inference mode: running statistics). */
    static OpCase batchNorm(int channels, int height, int width) {
        String key = String.format("bn %d @%dx%d", channels, height, width);
        GraphBuilder b = new GraphBuilder(new Shape(channels, height, width));
        int pre = b.conv("pre", 0, channels, 1, 1, 0);
        return new OpCase(key, head(b, b.bn("op", pre)));
    }

    /**
     * A concatenation of one input (a cell whose output is a single node): engines must pass the gradient through
     * it (DJL's own concat of one array detached it, decision 0011).
     */
    static OpCase concatOfOne(int channels, int height, int width) {
        String key = String.format("concat of 1 %d @%dx%d", channels, height, width);
        GraphBuilder b = new GraphBuilder(new Shape(channels, height, width));
        int pre = b.conv("pre", 0, channels, 1, 1, 0);
        return new OpCase(key, head(b, b.concat("op", java.util.List.of(pre))));
    }

    /** A squeeze-and-excitation case: SE of width `se` on a map of this many channels and size. */
    static OpCase squeezeExcite(int channels, int se, int height, int width) {
        String key = String.format("se %d->%d @%dx%d", channels, se, height, width);
        GraphBuilder b = new GraphBuilder(new Shape(channels, height, width));
        int pre = b.conv("pre", 0, channels, 1, 1, 0);
        return new OpCase(key, head(b, b.squeezeExcite("op", pre, se)));
    }

    private static Graph head(GraphBuilder b, int op) {
        int relu = b.relu("op_relu", op);
        int gap = b.globalAvgPool("gap", relu);
        b.linear("fc", gap, 10, true);
        return b.build();
    }

    /**
     * The fixed battery every engine configuration passes on a machine: 1x1, 3x3, 5x5 and 7x7 convolutions, strided,
     * grouped, depthwise and dilated ones, max and average pooling and batch norm, on channel counts that are not
     * multiples of a vector width (8, 12, 20) and on a multiple (16), squeeze-and-excitation, and a concatenation of
     * one input.
     */
    public static List<OpCase> battery() {
        List<OpCase> out = new ArrayList<>();
        int[] channels = {8, 12, 20};
        for (int c : channels) {
            for (int k : new int[] {1, 3, 5, 7}) {
                for (int s : new int[] {1, 2}) {
                    out.add(conv(new Layer.Conv(c, 16, k, k, s, s, k / 2, k / 2, 1, 1), 12, 12));
                }
            }
            out.add(conv(new Layer.Conv(c, c, 3, 3, 1, 1, 1, 1, 1, 4), 12, 12));
            out.add(conv(new Layer.Conv(c, c, 3, 3, 2, 2, 1, 1, 1, c), 12, 12));
            out.add(conv(new Layer.Conv(c, c, 5, 5, 1, 1, 2, 2, 1, c), 12, 12));
            out.add(conv(new Layer.Conv(c, c, 3, 3, 1, 1, 2, 2, 2, c), 12, 12));
            out.add(conv(new Layer.Conv(c, c, 5, 5, 1, 1, 4, 4, 2, c), 12, 12));
            out.add(pool(new Layer.Pool(Layer.PoolKind.MAX, 3, 2, 1), c, 12, 12));
            out.add(pool(new Layer.Pool(Layer.PoolKind.AVG, 3, 1, 1), c, 12, 12));
            out.add(batchNorm(c, 12, 12));
            out.add(squeezeExcite(c, c / 4, 12, 12));
        }
        out.add(concatOfOne(8, 12, 12));
        out.add(conv(new Layer.Conv(16, 32, 1, 1, 2, 2, 0, 0, 1, 1), 16, 16));
        out.add(conv(new Layer.Conv(16, 16, 3, 3, 1, 1, 1, 1, 1, 1), 16, 16));
        return out;
    }

    /**
     * One case per distinct convolution, pooling, batch norm and squeeze-and-excitation of a network, at the network's
     * own channel counts and map sizes.
     */
    public static List<OpCase> of(Graph graph) {
        Map<String, OpCase> out = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            if (n.inputs().isEmpty()) {
                continue;
            }
            Shape in = graph.node(n.inputs().get(0)).shape();
            OpCase c = null;
            if (n.layer() instanceof Layer.Conv conv) {
                c = conv(conv, in.height(), in.width());
            } else if (n.layer() instanceof Layer.Pool p) {
                c = pool(p, in.channels(), in.height(), in.width());
            } else if (n.layer() instanceof Layer.BatchNorm) {
                c = batchNorm(in.channels(), in.height(), in.width());
            } else if (n.layer() instanceof Layer.ChannelScale) {
                Node excite = graph.node(graph.node(n.inputs().get(1)).inputs().get(0)); // sigmoid <- second conv
                Node relu = graph.node(excite.inputs().get(0));
                c = squeezeExcite(in.channels(), graph.node(relu.inputs().get(0)).shape().channels(), in.height(),
                        in.width());
            }
            if (c != null) {
                out.putIfAbsent(c.key(), c);
            }
        }
        return List.copyOf(out.values());
    }
}
