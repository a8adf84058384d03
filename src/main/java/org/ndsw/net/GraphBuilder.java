package org.ndsw.net;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.NdswException;

/** Appends nodes to a graph, inferring and checking every output shape. Returns node ids. */
public final class GraphBuilder {
    /** BN epsilon of every network (docs/reference/blocks-and-ops.md). */
    public static final double BN_EPS = 1e-5;

    private final List<Node> nodes = new ArrayList<>();
    private int dropPathSlots;
    private int auxOutput = Graph.NO_AUX;

    /** Starts a graph whose input has this shape. */
    public GraphBuilder(Shape input) {
        nodes.add(new Node(0, "input", new Layer.Input(), List.of(), input));
    }

    /** The output shape of node `id`. */
    public Shape shape(int id) {
        return nodes.get(id).shape();
    }

    /** A square convolution without bias. */
    public int conv(String name, int x, int out, int kernel, int stride, int pad) {
        return conv(name, x, out, kernel, kernel, stride, stride, pad, pad, 1, 1);
    }

    /** A general convolution without bias (rectangular kernel and stride, dilation, groups). */
    public int conv(String name, int x, int out, int kh, int kw, int sh, int sw, int ph, int pw, int dilation,
            int groups) {
        Shape in = shape(x);
        if (in.channels() % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException(name + ": groups " + groups + " must divide channels " + in.channels()
                    + " -> " + out);
        }
        int h = outSize(in.height(), kh, sh, ph, dilation);
        int w = outSize(in.width(), kw, sw, pw, dilation);
        Layer.Conv conv = new Layer.Conv(in.channels(), out, kh, kw, sh, sw, ph, pw, dilation, groups);
        return add(name, conv, List.of(x), new Shape(out, h, w));
    }

    /** Batch normalization (affine, eps 1e-5). */
    public int bn(String name, int x) {
        return add(name, new Layer.BatchNorm(shape(x).channels(), BN_EPS), List.of(x), shape(x));
    }

    /** ReLU. */
    public int relu(String name, int x) {
        return add(name, new Layer.Relu(), List.of(x), shape(x));
    }

    /** Element-wise sum of nodes of equal shape. */
    public int sum(String name, List<Integer> xs) {
        Shape s = shape(xs.get(0));
        for (int x : xs) {
            if (!shape(x).equals(s)) {
                throw new IllegalArgumentException(name + ": cannot add shapes " + s + " and " + shape(x));
            }
        }
        return add(name, new Layer.Add(), xs, s);
    }

    /** Channel concatenation of nodes of equal spatial size. */
    public int concat(String name, List<Integer> xs) {
        Shape s = shape(xs.get(0));
        int channels = 0;
        for (int x : xs) {
            Shape t = shape(x);
            if (t.height() != s.height() || t.width() != s.width()) {
                throw new IllegalArgumentException(name + ": cannot concatenate " + s + " and " + t);
            }
            channels += t.channels();
        }
        return add(name, new Layer.Concat(), xs, new Shape(channels, s.height(), s.width()));
    }

    /** Max or average pooling (average excludes padding). */
    public int pool(String name, int x, Layer.PoolKind kind, int kernel, int stride, int pad) {
        Shape in = shape(x);
        Shape out = new Shape(in.channels(), outSize(in.height(), kernel, stride, pad, 1),
                outSize(in.width(), kernel, stride, pad, 1));
        return add(name, new Layer.Pool(kind, kernel, stride, pad), List.of(x), out);
    }

    /** Zeros subsampled by `stride`. */
    public int zero(String name, int x, int stride) {
        Shape in = shape(x);
        Shape out = new Shape(in.channels(), ceilDiv(in.height(), stride), ceilDiv(in.width(), stride));
        return add(name, new Layer.Zero(stride), List.of(x), out);
    }

    /** One-pixel shift up-left with zero fill. */
    public int shift(String name, int x) {
        return add(name, new Layer.Shift(), List.of(x), shape(x));
    }

    /** Global average pooling. */
    public int globalAvgPool(String name, int x) {
        return add(name, new Layer.GlobalAvgPool(), List.of(x), new Shape(shape(x).channels(), 1, 1));
    }

    /** A fully connected layer on the flattened input. */
    public int linear(String name, int x, int out, boolean bias) {
        int in = Math.toIntExact(shape(x).elements());
        return add(name, new Layer.Linear(in, out, bias), List.of(x), new Shape(out, 1, 1));
    }

    /** A biased 1x1 conv on a C x 1 x 1 map, as a {@link Layer.Linear} marked pointwise (initialized as a conv). */
    public int pointwise(String name, int x, int out) {
        Shape in = shape(x);
        if (in.height() != 1 || in.width() != 1) {
            throw new IllegalArgumentException(name + ": a pointwise fc needs a 1x1 map, got " + in);
        }
        return add(name, new Layer.Linear(in.channels(), out, true, true), List.of(x), new Shape(out, 1, 1));
    }

    /** The logistic sigmoid. */
    public int sigmoid(String name, int x) {
        return add(name, new Layer.Sigmoid(), List.of(x), shape(x));
    }

    /** Map `x` (C x H x W) times `gate` (C x 1 x 1), broadcast over each plane. */
    public int channelScale(String name, int x, int gate) {
        Shape s = shape(x);
        Shape g = shape(gate);
        if (g.channels() != s.channels() || g.height() != 1 || g.width() != 1) {
            throw new IllegalArgumentException(name + ": cannot scale " + s + " by a gate of " + g);
        }
        return add(name, new Layer.ChannelScale(), List.of(x, gate), s);
    }

    /**
     * Squeeze-and-excitation on `x` as pycls builds it (blocks.py SE): global average pool, 1x1 conv with bias to
     * `se` channels, ReLU, 1x1 conv with bias back to C, sigmoid, and x times that gate. Nodes are named
     * {@code name.pool}, {@code name.f_ex.0} to {@code name.f_ex.3} (pycls's Sequential indices) and {@code name.mul}.
     */
    public int squeezeExcite(String name, int x, int se) {
        int c = shape(x).channels();
        int p = globalAvgPool(name + ".pool", x);
        int a = relu(name + ".f_ex.1", pointwise(name + ".f_ex.0", p, se));
        int gate = sigmoid(name + ".f_ex.3", pointwise(name + ".f_ex.2", a, c));
        return channelScale(name + ".mul", x, gate);
    }

    /** Drop-path on a node's output, with the next free mask slot. */
    public int dropPath(String name, int x) {
        return add(name, new Layer.DropPath(dropPathSlots++), List.of(x), shape(x));
    }

    /** Marks node `id` as the auxiliary output (the logits of an auxiliary head). */
    public void auxOutput(int id) {
        auxOutput = id;
    }

    /** The finished graph; the last node added is its output. */
    public Graph build() {
        return new Graph(nodes, auxOutput);
    }

    /** Spatial size after a conv or pool: floor((h + 2p - d·(k-1) - 1) / s) + 1. */
    static int outSize(int size, int kernel, int stride, int pad, int dilation) {
        int out = Math.floorDiv(size + 2 * pad - dilation * (kernel - 1) - 1, stride) + 1;
        if (out < 1) {
            throw new NdswException("a feature map of size " + size + " is too small for kernel " + kernel
                    + " with stride " + stride + " and padding " + pad);
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private int add(String name, Layer layer, List<Integer> inputs, Shape shape) {
        int id = nodes.size();
        nodes.add(new Node(id, name, layer, inputs, shape));
        return id;
    }
}
