package org.ndsw.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/**
 * {@link FastLayers.FastBatchNorm} against batch norm written out in double precision: output, input error, γ and β
 * gradients and the running-statistics steps, with and without the built-in ReLU, for a batch whose statistics take the
 * E[x²] - μ² shortcut and for one far from zero mean, which must take the centred path, in NCHW and channels-last.
 */
class FastBatchNormTest {
    private static final int N = 4;
    private static final int C = 3;
    private static final int H = 5;
    private static final int W = 6;
    private static final double EPS = 1e-5;
    private static final double DECAY = 0.9;
    private static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces();

    @ParameterizedTest(name = "mean {0}, relu {1}")
    @CsvSource({"0, false", "0, true", "100, false", "100, true", "-3, true"})
    void matchesTheDefinition(double offset, boolean relu) {
        Random rng = new Random(3);
        double[] x = new double[N * C * H * W];
        double[] dy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = offset + (1 + i % C) * rng.nextGaussian();
            dy[i] = rng.nextGaussian();
        }
        double[] gamma = {1.5, -0.7, 0.3};
        double[] beta = {0.2, 0.5, -1.0};
        Layer layer = layer(relu, gamma, beta);

        layer.setInput(array(x), NO_WS);
        // copied now: with the ReLU built in, the backward pass reuses the output's memory
        double[] y = layer.activate(true, NO_WS).dup().data().asDouble();
        Pair<Gradient, INDArray> back = layer.backpropGradient(array(dy), NO_WS);

        Reference ref = new Reference(x, dy, gamma, beta, relu, H * W);
        assertClose(ref.y, y, "output");
        assertClose(ref.dx, back.getSecond().dup().data().asDouble(), "input error");
        assertClose(ref.dGamma, vector(back.getFirst(), "gamma"), "dγ");
        assertClose(ref.dBeta, vector(back.getFirst(), "beta"), "dβ");
        double[] meanStep = new double[C];
        double[] varStep = new double[C];
        for (int c = 0; c < C; c++) {
            meanStep[c] = (0 - ref.mean[c]) * (1 - DECAY);
            varStep[c] = (1 - ref.var[c]) * (1 - DECAY);
        }
        assertClose(meanStep, vector(back.getFirst(), "mean"), "running mean step");
        assertClose(varStep, vector(back.getFirst(), "var"), "running variance step");
    }

    /** Channels-last maps ([N, H, W, C], decision 0007) give the same values, on both paths of the statistics. */
    @ParameterizedTest(name = "NHWC, mean {0}, relu {1}")
    @CsvSource({"0, false", "0, true", "100, true"})
    void channelsLastMatchesTheDefinition(double offset, boolean relu) {
        Random rng = new Random(4);
        double[] x = new double[N * C * H * W];
        double[] dy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = offset + (1 + i % C) * rng.nextGaussian();
            dy[i] = rng.nextGaussian();
        }
        double[] gamma = {1.5, -0.7, 0.3};
        double[] beta = {0.2, 0.5, -1.0};
        Layer layer = layer(relu, gamma, beta, CNN2DFormat.NHWC);
        layer.setInput(array(x).permute(0, 2, 3, 1).dup('c'), NO_WS);
        double[] y = layer.activate(true, NO_WS).permute(0, 3, 1, 2).dup('c').data().asDouble();
        Pair<Gradient, INDArray> back = layer.backpropGradient(array(dy).permute(0, 2, 3, 1).dup('c'), NO_WS);

        Reference ref = new Reference(x, dy, gamma, beta, relu, H * W);
        assertClose(ref.y, y, "output");
        assertClose(ref.dx, back.getSecond().permute(0, 3, 1, 2).dup('c').data().asDouble(), "input error");
        assertClose(ref.dGamma, vector(back.getFirst(), "gamma"), "dγ");
        assertClose(ref.dBeta, vector(back.getFirst(), "beta"), "dβ");
        double[] varStep = new double[C];
        for (int c = 0; c < C; c++) {
            varStep[c] = (1 - ref.var[c]) * (1 - DECAY);
        }
        assertClose(varStep, vector(back.getFirst(), "var"), "running variance step");
    }

    /** Vectors ([N, C], e.g. after a linear layer) go through DL4J's own BN; the built-in ReLU still applies. */
    @Test
    void vectorsGoThroughDl4jsBatchNormWithTheRelu() {
        Random rng = new Random(5);
        int n = 16;
        double[] x = new double[n * C];
        double[] dy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
            dy[i] = rng.nextGaussian();
        }
        double[] gamma = {1.5, -0.7, 0.3};
        double[] beta = {0.2, 0.5, -1.0};
        Layer layer = layer(true, gamma, beta);
        layer.setInput(Nd4j.create(x, new long[] {n, C}, DataType.FLOAT), NO_WS);
        double[] y = layer.activate(true, NO_WS).dup().data().asDouble();
        Pair<Gradient, INDArray> back = layer.backpropGradient(Nd4j.create(dy, new long[] {n, C}, DataType.FLOAT),
                NO_WS);
        Reference ref = new Reference(x, dy, gamma, beta, true, 1);
        assertClose(ref.y, y, "output");
        assertClose(ref.dx, back.getSecond().dup().data().asDouble(), "input error");
        assertClose(ref.dGamma, vector(back.getFirst(), "gamma"), "dγ");
        assertClose(ref.dBeta, vector(back.getFirst(), "beta"), "dβ");
    }

    @Test
    void inferenceUsesTheRunningStatistics() {
        double[] gamma = {1.5, -0.7, 0.3};
        double[] beta = {0.2, 0.5, -1.0};
        Layer layer = layer(false, gamma, beta);
        layer.setParam("mean", Nd4j.create(new double[][] {{1, 2, 3}}).castTo(DataType.FLOAT));
        layer.setParam("var", Nd4j.create(new double[][] {{4, 0.25, 1}}).castTo(DataType.FLOAT));
        double[] x = new double[N * C * H * W];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7 - 3;
        }
        layer.setInput(array(x), NO_WS);
        double[] y = layer.activate(false, NO_WS).dup().data().asDouble();
        double[] mean = {1, 2, 3};
        double[] var = {4, 0.25, 1};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = (i / (H * W)) % C;
            expected[i] = gamma[c] * (x[i] - mean[c]) / Math.sqrt(var[c] + EPS) + beta[c];
        }
        assertClose(expected, y, "inference output");
    }

    @Test
    void backwardWithoutTrainingForwardFails() {
        Layer layer = layer(false, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        layer.setInput(Nd4j.rand(DataType.FLOAT, N, C, H, W), NO_WS);
        layer.activate(false, NO_WS);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.backpropGradient(Nd4j.rand(DataType.FLOAT, N, C, H, W), NO_WS));
        assertTrue(e.getMessage().contains("without the training forward pass"), e.getMessage());
    }

    private static Layer layer(boolean relu, double[] gamma, double[] beta) {
        return layer(relu, gamma, beta, CNN2DFormat.NCHW);
    }

    private static Layer layer(boolean relu, double[] gamma, double[] beta, CNN2DFormat format) {
        BatchNormalization bn = new BatchNormalization.Builder().nIn(C).nOut(C).eps(EPS).decay(DECAY)
                .useLogStd(false).activation(Activation.IDENTITY).build();
        bn.setCnn2DFormat(format);
        NeuralNetConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .layer(new FastLayers.BatchNorm(bn, relu)).build();
        long count = conf.getLayer().initializer().numParams(conf);
        INDArray params = Nd4j.create(DataType.FLOAT, 1, count);
        Layer layer = conf.getLayer().instantiate(conf, List.of(), 0, params, true, DataType.FLOAT);
        layer.setBackpropGradientsViewArray(Nd4j.create(DataType.FLOAT, 1, count));
        layer.setParam("gamma", Nd4j.create(new double[][] {gamma}).castTo(DataType.FLOAT));
        layer.setParam("beta", Nd4j.create(new double[][] {beta}).castTo(DataType.FLOAT));
        return layer;
    }

    private static INDArray array(double[] values) {
        return Nd4j.create(values, new long[] {N, C, H, W}, DataType.FLOAT);
    }

    private static double[] vector(Gradient g, String key) {
        return g.getGradientFor(key).dup().data().asDouble();
    }

    /** Equal within 1e-4 of the largest magnitude of the expected values (float arithmetic against double). */
    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-4 * Math.max(scale, 1e-3);
            int at = i;
            assertEquals(expected[i], actual[i], tol, () -> what + " at " + at);
        }
    }

    /** Batch norm in training mode (biased batch variance), then ReLU if asked, forward and backward, in double. */
    private static final class Reference {
        final double[] mean = new double[C];
        final double[] var = new double[C];
        final double[] y;
        final double[] dx;
        final double[] dGamma = new double[C];
        final double[] dBeta = new double[C];

        private final int hw;

        Reference(double[] x, double[] dy, double[] gamma, double[] beta, boolean relu, int hw) {
            this.hw = hw;
            int m = x.length / C;
            for (int i = 0; i < x.length; i++) {
                mean[channel(i)] += x[i] / m;
            }
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - mean[channel(i)];
                var[channel(i)] += d * d / m;
            }
            y = new double[x.length];
            double[] xhat = new double[x.length];
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                int c = channel(i);
                xhat[i] = (x[i] - mean[c]) / Math.sqrt(var[c] + EPS);
                double pre = gamma[c] * xhat[i] + beta[c];
                y[i] = relu ? Math.max(pre, 0) : pre;
                g[i] = relu && pre <= 0 ? 0 : dy[i];
                dBeta[c] += g[i];
                dGamma[c] += g[i] * xhat[i];
            }
            dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                int c = channel(i);
                dx[i] = gamma[c] / Math.sqrt(var[c] + EPS) * (g[i] - dBeta[c] / m - xhat[i] * dGamma[c] / m);
            }
        }

        private int channel(int i) {
            return (i / hw) % C;
        }
    }
}
