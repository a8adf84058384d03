package org.ndsw.train.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.net.Graph;
import org.ndsw.net.GraphBuilder;
import org.ndsw.net.Layer;
import org.ndsw.net.Shape;
import org.ndsw.train.Batch;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Tensor;
import org.ndsw.train.WeightInit;
import org.ndsw.train.Weights;

/** Every op of the graph vocabulary against a computation by hand. */
class DjlOpsTest {
    private static final DjlEngine ENGINE = new DjlEngine();
    private static final float TOL = 1e-5f;

    @Test
    void averagePoolLeavesPaddingOutOfTheDivisor() {
        GraphBuilder g = new GraphBuilder(new Shape(1, 3, 3));
        g.pool("p", 0, Layer.PoolKind.AVG, 3, 1, 1);
        float[] out = run(g.build(), new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, null).data();
        // corner: (1+2+4+5)/4, edge: (1+2+3+4+5+6)/6, centre: 45/9 (padding counted it would be 12/9 at the corner)
        assertArrayEquals(new float[] {3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7}, out, TOL);
    }

    @Test
    void maxPoolPadsWithMinusInfinity() {
        GraphBuilder g = new GraphBuilder(new Shape(1, 4, 4));
        g.pool("p", 0, Layer.PoolKind.MAX, 3, 2, 1);
        float[] in = {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16};
        Tensor t = run(g.build(), in, 1, null);
        assertArrayEquals(new int[] {1, 1, 2, 2}, t.shape());
        assertArrayEquals(new float[] {-1, -2, -5, -6}, t.data(), TOL);
    }

    @Test
    void zeroIsAllZerosSubsampledByItsStride() {
        GraphBuilder g = new GraphBuilder(new Shape(3, 5, 5));
        g.zero("z", 0, 2);
        Tensor t = run(g.build(), random(2 * 75, 1), 2, null);
        assertArrayEquals(new int[] {2, 3, 3, 3}, t.shape());
        for (float v : t.data()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void shiftMovesUpLeftAndFillsWithZeros() {
        GraphBuilder g = new GraphBuilder(new Shape(1, 3, 3));
        g.shift("s", 0);
        float[] out = run(g.build(), new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, null).data();
        assertArrayEquals(new float[] {5, 6, 0, 8, 9, 0, 0, 0, 0}, out, TOL);
    }

    @Test
    void groupedConvolution() {
        checkConv(new Shape(4, 5, 5), new Layer.Conv(4, 6, 3, 3, 1, 1, 1, 1, 1, 2));
    }

    @Test
    void depthwiseStridedConvolution() {
        checkConv(new Shape(4, 6, 6), new Layer.Conv(4, 4, 3, 3, 2, 2, 1, 1, 1, 4));
    }

    @Test
    void dilatedDepthwiseConvolution() {
        checkConv(new Shape(4, 7, 7), new Layer.Conv(4, 4, 5, 5, 1, 1, 4, 4, 2, 4));
        checkConv(new Shape(3, 8, 8), new Layer.Conv(3, 3, 3, 3, 2, 2, 2, 2, 2, 3));
    }

    @Test
    void asymmetricKernelsAndStrides() {
        checkConv(new Shape(3, 8, 8), new Layer.Conv(3, 3, 1, 7, 1, 2, 0, 3, 1, 1));
        checkConv(new Shape(3, 8, 4), new Layer.Conv(3, 3, 7, 1, 2, 1, 3, 0, 1, 1));
    }

    @Test
    void plainConvolutionOnAnOddMapWithStrideTwo() {
        checkConv(new Shape(3, 5, 5), new Layer.Conv(3, 2, 3, 3, 2, 2, 1, 1, 1, 1));
    }

    @Test
    void batchNormInInferenceUsesRunningStatistics() {
        GraphBuilder g = new GraphBuilder(new Shape(2, 1, 2));
        g.bn("bn", 0);
        Graph graph = g.build();
        Map<String, Tensor> w = new LinkedHashMap<>();
        w.put("bn.weight", new Tensor(new int[] {2}, new float[] {2, 0.5f}));
        w.put("bn.bias", new Tensor(new int[] {2}, new float[] {1, -1}));
        w.put("bn.running_mean", new Tensor(new int[] {2}, new float[] {3, -2}));
        w.put("bn.running_var", new Tensor(new int[] {2}, new float[] {4, 0.25f}));
        float[] out = run(graph, new float[] {5, 1, -2, 0}, 1, new Weights(w)).data();
        double eps = GraphBuilder.BN_EPS;
        float[] expected = {
            (float) ((5 - 3) / Math.sqrt(4 + eps) * 2 + 1), (float) ((1 - 3) / Math.sqrt(4 + eps) * 2 + 1),
            (float) ((-2 + 2) / Math.sqrt(0.25 + eps) * 0.5 - 1), (float) ((0 + 2) / Math.sqrt(0.25 + eps) * 0.5 - 1)};
        assertArrayEquals(expected, out, TOL);
    }

    @Test
    void reluAddAndConcatInInputOrder() {
        GraphBuilder g = new GraphBuilder(new Shape(1, 1, 2));
        int r = g.relu("r", 0);
        int s = g.sum("s", List.of(0, r));
        g.concat("c", List.of(s, r, 0));
        float[] out = run(g.build(), new float[] {-1, 2}, 1, null).data();
        assertArrayEquals(new float[] {-1, 4, 0, 2, -1, 2}, out, TOL);
    }

    @Test
    void globalPoolThenLinearWithBias() {
        GraphBuilder g = new GraphBuilder(new Shape(2, 2, 2));
        int p = g.globalAvgPool("pool", 0);
        g.linear("fc", p, 3, true);
        Map<String, Tensor> w = new LinkedHashMap<>();
        w.put("fc.weight", new Tensor(new int[] {3, 2}, new float[] {1, 0, 0, 1, 1, -1}));
        w.put("fc.bias", new Tensor(new int[] {3}, new float[] {0.5f, 0, 1}));
        Tensor t = run(g.build(), new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 1, new Weights(w));
        assertArrayEquals(new int[] {1, 3}, t.shape());
        assertArrayEquals(new float[] {3, 25, 1 + 2.5f - 25}, t.data(), TOL);
    }

    /** Runs a one-conv graph with random weights and input and compares with a direct loop. */
    private static void checkConv(Shape in, Layer.Conv c) {
        GraphBuilder g = new GraphBuilder(in);
        g.conv("conv", 0, c.outChannels(), c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padH(), c.padW(),
                c.dilation(), c.groups());
        Graph graph = g.build();
        Weights w = WeightInit.initial(graph, 3);
        int n = 2;
        float[] x = random(n * (int) in.elements(), 4);
        Tensor t = run(graph, x, n, w);
        Shape out = graph.output().shape();
        assertArrayEquals(new int[] {n, out.channels(), out.height(), out.width()}, t.shape());
        assertArrayEquals(naiveConv(x, n, in, w.get("conv.weight").data(), c, out), t.data(), TOL, c.toString());
    }

    static float[] naiveConv(float[] x, int n, Shape in, float[] wt, Layer.Conv c, Shape out) {
        int cinG = c.inChannels() / c.groups();
        int coutG = c.outChannels() / c.groups();
        float[] y = new float[n * (int) out.elements()];
        for (int b = 0; b < n; b++) {
            for (int co = 0; co < c.outChannels(); co++) {
                int group = co / coutG;
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        double sum = 0;
                        for (int k = 0; k < cinG; k++) {
                            int ci = group * cinG + k;
                            for (int ky = 0; ky < c.kernelH(); ky++) {
                                for (int kx = 0; kx < c.kernelW(); kx++) {
                                    int iy = oy * c.strideH() - c.padH() + ky * c.dilation();
                                    int ix = ox * c.strideW() - c.padW() + kx * c.dilation();
                                    if (iy < 0 || iy >= in.height() || ix < 0 || ix >= in.width()) {
                                        continue;
                                    }
                                    float v = x[((b * in.channels() + ci) * in.height() + iy) * in.width() + ix];
                                    float k2 = wt[((co * cinG + k) * c.kernelH() + ky) * c.kernelW() + kx];
                                    sum += v * k2;
                                }
                            }
                        }
                        y[((b * out.channels() + co) * out.height() + oy) * out.width() + ox] = (float) sum;
                    }
                }
            }
        }
        return y;
    }

    /** The graph's output on an input, with given weights (or none for parameter-free graphs). */
    static Tensor run(Graph graph, float[] x, int n, Weights w) {
        try (EngineModel m = ENGINE.build(graph, new EngineOptions(Device.CPU, 1))) {
            if (!ParameterLayout.of(graph).isEmpty()) {
                m.loadWeights(w);
            }
            return m.predict(new Batch(x, new int[n]));
        }
    }

    static float[] random(int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }
}
