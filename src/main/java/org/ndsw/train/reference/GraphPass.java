package org.ndsw.train.reference;

import java.util.Map;
import org.ndsw.net.Graph;
import org.ndsw.net.Layer;
import org.ndsw.net.Node;
import org.ndsw.net.Shape;
import org.ndsw.train.Batch;
import org.ndsw.train.ParameterLayout;

/**
 * One batch through a graph in double precision: every node's output in topological order, what the backward pass
 * needs (BN batch statistics, max-pool argmaxes), and the backward pass itself.
 *
 * <p>Activations are [N, C, H, W] row-major arrays. The forward pass never changes the parameters, not even BN running
 * statistics: {@link #updateRunningStats} does that, so a training-mode pass can also serve a pure gradient. Drop-path
 * nodes multiply each image by its factor from the batch's masks in training mode and copy their input otherwise.
 */
final class GraphPass {
    private final Graph graph;
    private final Parameters params;
    private final int n;
    private final boolean training;
    private final Batch batch;
    private final double[][] values;
    /** Per node: BN batch statistics (training) or max-pool argmaxes; null otherwise. */
    private final Object[] saved;

    private GraphPass(Graph graph, Parameters params, Batch batch, boolean training) {
        this.graph = graph;
        this.params = params;
        this.batch = batch;
        this.n = batch.size();
        this.training = training;
        values = new double[graph.nodes().size()][];
        saved = new Object[graph.nodes().size()];
    }

    /**
     * Runs a batch forward; in training mode BN normalizes with batch statistics (else with running ones) and
     * drop-path applies the batch's masks.
     */
    static GraphPass forward(Graph graph, Parameters params, Batch batch, boolean training) {
        GraphPass pass = new GraphPass(graph, params, batch, training);
        float[] images = batch.images();
        double[] x = new double[images.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = images[i];
        }
        pass.values[0] = x;
        for (Node node : graph.nodes().subList(1, graph.nodes().size())) {
            pass.values[node.id()] = pass.evaluate(node);
        }
        return pass;
    }

    /** The output of the last node, [N, C, H, W]. */
    double[] output() {
        return values[values.length - 1];
    }

    /** The output of the auxiliary head, [N, classes]; only for a graph with one. */
    double[] auxOutput() {
        return values[graph.aux().id()];
    }

    /** Moves every BN's running statistics by this training pass's batch statistics (PyTorch's update). */
    void updateRunningStats() {
        for (Node node : graph.nodes()) {
            if (saved[node.id()] instanceof BatchNorm2d.Stats s) {
                BatchNorm2d.updateRunning(s, params.of(node, ParameterLayout.RUNNING_MEAN),
                        params.of(node, ParameterLayout.RUNNING_VAR));
            }
        }
    }

    /** The gradient of every trainable tensor, in layout order, given dL/d(output) of a training-mode pass. */
    Map<String, double[]> backward(double[] dOutput) {
        return backward(dOutput, null);
    }

    /**
     * The gradient of every trainable tensor given dL/d(output) and dL/d(auxiliary output) (null: the auxiliary head
     * gets no gradient) of a training-mode pass.
     */
    Map<String, double[]> backward(double[] dOutput, double[] dAux) {
        if (!training) {
            throw new IllegalStateException("backward needs a training-mode pass");
        }
        Map<String, double[]> grads = params.zerosLikeTrainable();
        double[][] d = new double[values.length][];
        d[values.length - 1] = dOutput;
        if (dAux != null) {
            d[graph.aux().id()] = dAux;
        }
        for (int id = values.length - 1; id > 0; id--) {
            if (d[id] != null) {
                backward(graph.node(id), d, grads);
                d[id] = null;
            }
        }
        return grads;
    }

    private double[] evaluate(Node node) {
        double[] y = new double[Math.toIntExact(n * node.shape().elements())];
        double[] x = values[node.inputs().get(0)];
        Shape in = inShape(node);
        Layer layer = node.layer();
        if (layer instanceof Layer.Conv c) {
            new Conv2d(c, in, node.shape()).forward(x, params.of(node, ParameterLayout.WEIGHT), y, n);
        } else if (layer instanceof Layer.BatchNorm b) {
            batchNorm(node, b, x, y);
        } else if (layer instanceof Layer.Relu) {
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.max(x[i], 0);
            }
        } else if (layer instanceof Layer.Add) {
            for (int input : node.inputs()) {
                addInto(values[input], y);
            }
        } else if (layer instanceof Layer.Concat) {
            concat(node, y);
        } else if (layer instanceof Layer.Pool p) {
            int[] argmax = p.kind() == Layer.PoolKind.MAX ? new int[y.length] : null;
            saved[node.id()] = argmax;
            new Pool2d(p, in, node.shape()).forward(x, y, argmax, n);
        } else if (layer instanceof Layer.Shift) {
            shift(in, x, y, false);
        } else if (layer instanceof Layer.GlobalAvgPool) {
            globalAvgPool(in, x, y, false);
        } else if (layer instanceof Layer.Linear l) {
            linear(node, l, x, y);
        } else if (layer instanceof Layer.DropPath p) {
            dropPath(p, in, x, y);
        } else if (layer instanceof Layer.Sigmoid) {
            for (int i = 0; i < y.length; i++) {
                y[i] = 1 / (1 + Math.exp(-x[i]));
            }
        } else if (layer instanceof Layer.ChannelScale) {
            channelScale(in, x, values[node.inputs().get(1)], y);
        } else if (!(layer instanceof Layer.Zero)) {
            throw new IllegalStateException("no reference implementation of " + layer);
        }
        return y;
    }

    private void backward(Node node, double[][] d, Map<String, double[]> grads) {
        double[] dy = d[node.id()];
        double[] x = values[node.inputs().get(0)];
        Shape in = inShape(node);
        Layer layer = node.layer();
        if (layer instanceof Layer.Conv c) {
            new Conv2d(c, in, node.shape()).backward(x, params.of(node, ParameterLayout.WEIGHT), dy, grad(d, node, 0),
                    grads.get(name(node, ParameterLayout.WEIGHT)), n);
        } else if (layer instanceof Layer.BatchNorm b) {
            new BatchNorm2d(b.channels(), plane(in), b.eps()).backward(x, params.of(node, ParameterLayout.WEIGHT),
                    (BatchNorm2d.Stats) saved[node.id()], dy, grad(d, node, 0),
                    grads.get(name(node, ParameterLayout.WEIGHT)), grads.get(name(node, ParameterLayout.BIAS)), n);
        } else if (layer instanceof Layer.Relu) {
            double[] dx = grad(d, node, 0);
            double[] y = values[node.id()];
            for (int i = 0; dx != null && i < dy.length; i++) {
                dx[i] += y[i] > 0 ? dy[i] : 0;
            }
        } else if (layer instanceof Layer.Add) {
            for (int k = 0; k < node.inputs().size(); k++) {
                addInto(dy, grad(d, node, k));
            }
        } else if (layer instanceof Layer.Concat) {
            concatBackward(node, dy, d);
        } else if (layer instanceof Layer.Pool p) {
            double[] dx = grad(d, node, 0);
            if (dx != null) {
                new Pool2d(p, in, node.shape()).backward(dy, dx, (int[]) saved[node.id()], n);
            }
        } else if (layer instanceof Layer.Shift) {
            shift(in, grad(d, node, 0), dy, true);
        } else if (layer instanceof Layer.GlobalAvgPool) {
            globalAvgPool(in, grad(d, node, 0), dy, true);
        } else if (layer instanceof Layer.Linear l) {
            linearBackward(node, l, x, dy, grad(d, node, 0), grads);
        } else if (layer instanceof Layer.DropPath p) {
            double[] dx = grad(d, node, 0);
            double[] scaled = new double[dy.length];
            dropPath(p, in, dy, scaled);
            addInto(scaled, dx);
        } else if (layer instanceof Layer.Sigmoid) {
            double[] dx = grad(d, node, 0);
            double[] y = values[node.id()];
            for (int i = 0; dx != null && i < dy.length; i++) {
                dx[i] += dy[i] * y[i] * (1 - y[i]);
            }
        } else if (layer instanceof Layer.ChannelScale) {
            channelScaleBackward(node, in, x, dy, d);
        }
        // Zero: its output does not depend on its input, so no gradient flows back.
    }

    /** y = x · (image's factor in the node's mask slot) in training, y = x otherwise; also dx from dy. */
    private void dropPath(Layer.DropPath p, Shape s, double[] x, double[] y) {
        int size = Math.toIntExact(s.elements());
        for (int b = 0; b < n; b++) {
            double f = training ? batch.mask(p.slot(), b) : 1;
            for (int i = b * size; i < (b + 1) * size; i++) {
                y[i] = x[i] * f;
            }
        }
    }

    /** y = x · gate[image, channel] over each plane of x. */
    private void channelScale(Shape s, double[] x, double[] gate, double[] y) {
        int plane = plane(s);
        for (int p = 0; p < n * s.channels(); p++) {
            for (int i = p * plane; i < (p + 1) * plane; i++) {
                y[i] = x[i] * gate[p];
            }
        }
    }

    /** dx = dy · gate over each plane; dgate = the plane's sum of dy · x. */
    private void channelScaleBackward(Node node, Shape s, double[] x, double[] dy, double[][] d) {
        double[] gate = values[node.inputs().get(1)];
        double[] dx = grad(d, node, 0);
        double[] dGate = grad(d, node, 1);
        int plane = plane(s);
        for (int p = 0; p < n * s.channels(); p++) {
            double sum = 0;
            for (int i = p * plane; i < (p + 1) * plane; i++) {
                if (dx != null) {
                    dx[i] += dy[i] * gate[p];
                }
                sum += dy[i] * x[i];
            }
            if (dGate != null) {
                dGate[p] += sum;
            }
        }
    }

    private void batchNorm(Node node, Layer.BatchNorm b, double[] x, double[] y) {
        BatchNorm2d bn = new BatchNorm2d(b.channels(), plane(inShape(node)), b.eps());
        double[] gamma = params.of(node, ParameterLayout.WEIGHT);
        double[] beta = params.of(node, ParameterLayout.BIAS);
        if (training) {
            saved[node.id()] = bn.trainForward(x, gamma, beta, y, n);
        } else {
            bn.inferForward(x, gamma, beta, params.of(node, ParameterLayout.RUNNING_MEAN),
                    params.of(node, ParameterLayout.RUNNING_VAR), y, n);
        }
    }

    /** Copies each input's channels after the previous input's, image by image. */
    private void concat(Node node, double[] y) {
        int outPlanes = node.shape().channels() * plane(node.shape());
        int offset = 0;
        for (int input : node.inputs()) {
            int size = Math.toIntExact(graph.node(input).shape().elements());
            for (int b = 0; b < n; b++) {
                System.arraycopy(values[input], b * size, y, b * outPlanes + offset, size);
            }
            offset += size;
        }
    }

    private void concatBackward(Node node, double[] dy, double[][] d) {
        int outPlanes = node.shape().channels() * plane(node.shape());
        int offset = 0;
        for (int k = 0; k < node.inputs().size(); k++) {
            int size = Math.toIntExact(graph.node(node.inputs().get(k)).shape().elements());
            double[] dx = grad(d, node, k);
            for (int b = 0; dx != null && b < n; b++) {
                for (int i = 0; i < size; i++) {
                    dx[b * size + i] += dy[b * outPlanes + offset + i];
                }
            }
            offset += size;
        }
    }

    /**
     * y[h][w] = x[h + 1][w + 1], zero in the last row and column; backward (x and y read as dx and dy) adds the
     * gradient back to the pixel each output came from.
     */
    private void shift(Shape s, double[] x, double[] y, boolean backward) {
        if (x == null) {
            return;
        }
        int h = s.height();
        int w = s.width();
        for (int p = 0; p < n * s.channels(); p++) {
            for (int i = 0; i + 1 < h; i++) {
                for (int j = 0; j + 1 < w; j++) {
                    int out = (p * h + i) * w + j;
                    int src = (p * h + i + 1) * w + j + 1;
                    if (backward) {
                        x[src] += y[out];
                    } else {
                        y[out] = x[src];
                    }
                }
            }
        }
    }

    /** y = mean of each plane of x; backward (x and y read as dx and dy) spreads dy evenly over the plane. */
    private void globalAvgPool(Shape s, double[] x, double[] y, boolean backward) {
        if (x == null) {
            return;
        }
        int plane = plane(s);
        for (int p = 0; p < n * s.channels(); p++) {
            double sum = 0;
            for (int i = 0; i < plane; i++) {
                if (backward) {
                    x[p * plane + i] += y[p] / plane;
                } else {
                    sum += x[p * plane + i];
                }
            }
            if (!backward) {
                y[p] = sum / plane;
            }
        }
    }

    /** y = W·flatten(x) + bias. */
    private void linear(Node node, Layer.Linear l, double[] x, double[] y) {
        double[] w = params.of(node, ParameterLayout.WEIGHT);
        double[] bias = l.bias() ? params.of(node, ParameterLayout.BIAS) : null;
        int in = l.inFeatures();
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < l.outFeatures(); o++) {
                double sum = bias == null ? 0 : bias[o];
                for (int i = 0; i < in; i++) {
                    sum += w[o * in + i] * x[b * in + i];
                }
                y[b * l.outFeatures() + o] = sum;
            }
        }
    }

    private void linearBackward(Node node, Layer.Linear l, double[] x, double[] dy, double[] dx,
            Map<String, double[]> grads) {
        double[] w = params.of(node, ParameterLayout.WEIGHT);
        double[] dw = grads.get(name(node, ParameterLayout.WEIGHT));
        double[] dBias = l.bias() ? grads.get(name(node, ParameterLayout.BIAS)) : null;
        int in = l.inFeatures();
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < l.outFeatures(); o++) {
                double g = dy[b * l.outFeatures() + o];
                if (dBias != null) {
                    dBias[o] += g;
                }
                for (int i = 0; i < in; i++) {
                    dw[o * in + i] += g * x[b * in + i];
                    if (dx != null) {
                        dx[b * in + i] += g * w[o * in + i];
                    }
                }
            }
        }
    }

    /** The gradient array of a node's k-th input, made on first use; null for the network input (never needed). */
    private double[] grad(double[][] d, Node node, int k) {
        int input = node.inputs().get(k);
        if (input == 0) {
            return null;
        }
        if (d[input] == null) {
            d[input] = new double[values[input].length];
        }
        return d[input];
    }

    private Shape inShape(Node node) {
        return graph.node(node.inputs().get(0)).shape();
    }

    private static void addInto(double[] from, double[] to) {
        for (int i = 0; to != null && i < from.length; i++) {
            to[i] += from[i];
        }
    }

    private static int plane(Shape s) {
        return s.height() * s.width();
    }

    private static String name(Node node, String suffix) {
        return node.name() + "." + suffix;
    }
}
