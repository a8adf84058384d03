package org.ndsw.train.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.net.Graph;
import org.ndsw.net.GraphBuilder;
import org.ndsw.net.Layer;
import org.ndsw.net.Shape;
import org.ndsw.train.Batch;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Sgd;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.Weights;

/**
 * The reference engine's gradients against central finite differences of its own training-mode loss, op by op, its
 * forward ops against PyTorch, and its SGD step and BN running statistics against torch.optim.SGD and BatchNorm2d.
 */
class ReferenceEngineTest {
    private static final ReferenceEngine ENGINE = new ReferenceEngine();
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 1);
    private static final int CLASSES = 5;
    /** Step of the central differences: round-off (1e-16 / h) and truncation (h²) both stay far below 1e-6. */
    private static final double H = 1e-6;
    /** Largest max |analytic - numeric| over a tensor, relative to its largest numeric gradient. */
    private static final double TOLERANCE = 1e-6;
    /** Values checked per tensor at most (chosen with a seed); smaller tensors are checked whole. */
    private static final int CHECKED = 300;

    @Test
    void conv3x3Pad1() {
        gradientCheck(6, (g, x) -> g.conv("c", x, 6, 3, 1, 1));
    }

    @Test
    void conv1x1Stride2() {
        gradientCheck(7, (g, x) -> g.conv("c", x, 6, 1, 2, 0));
    }

    @Test
    void groupedConv() {
        gradientCheck(6, (g, x) -> g.conv("c", x, 6, 3, 3, 1, 1, 1, 1, 1, 2));
    }

    @Test
    void depthwiseConv3x3() {
        gradientCheck(7, (g, x) -> g.conv("c", x, 4, 3, 3, 1, 1, 1, 1, 1, 4));
    }

    @Test
    void dilatedConv() {
        gradientCheck(7, (g, x) -> g.conv("c", x, 4, 3, 3, 1, 1, 2, 2, 2, 1));
    }

    @Test
    void conv5x5And7x7() {
        gradientCheck(7, (g, x) -> g.conv("c7", g.conv("c5", x, 4, 5, 1, 2), 4, 7, 2, 3));
    }

    @Test
    void rectangularConvs() {
        gradientCheck(7, (g, x) -> g.conv("c71", g.conv("c17", x, 4, 1, 7, 1, 1, 0, 3, 1, 1), 4, 7, 1, 1, 1, 3, 0, 1,
                1));
    }

    @Test
    void maxPool3x3Stride2Pad1() {
        gradientCheck(7, (g, x) -> g.pool("p", x, Layer.PoolKind.MAX, 3, 2, 1));
    }

    @Test
    void avgPool3x3Stride1Pad1() {
        gradientCheck(6, (g, x) -> g.pool("p", x, Layer.PoolKind.AVG, 3, 1, 1));
    }

    @Test
    void batchNormAndRelu() {
        gradientCheck(6, (g, x) -> g.bn("c_bn", g.conv("c", g.relu("r", g.bn("bn", x)), 4, 3, 1, 1)));
    }

    @Test
    void addOfThree() {
        gradientCheck(6, (g, x) -> g.sum("add", List.of(g.conv("a", x, 4, 3, 1, 1), g.conv("b", x, 4, 1, 1, 0),
                g.relu("r", x))));
    }

    @Test
    void concatInInputOrder() {
        gradientCheck(6, (g, x) -> g.concat("cat", List.of(g.conv("b", x, 3, 1, 1, 0), x, g.conv("a", x, 2, 3, 1,
                1))));
    }

    @Test
    void zeroPassesNoGradient() {
        Map<String, Double> scale = gradientCheck(7, (g, x) -> g.sum("add", List.of(g.conv("c", x, 4, 1, 2, 0),
                g.zero("z", g.conv("dead", x, 4, 3, 1, 1), 2))));
        assertEquals(0.0, scale.get("dead.weight"), "the conv before the zero op gets no gradient");
    }

    @Test
    void shiftInFactorizedReduce() {
        gradientCheck(6, (g, x) -> {
            int r = g.relu("r", x);
            return g.bn("bn", g.concat("cat", List.of(g.conv("c1", r, 2, 1, 2, 0),
                    g.conv("c2", g.shift("s", r), 2, 1, 2, 0))));
        });
    }

    @Test
    void globalAvgPool() {
        gradientCheck(6, (g, x) -> g.globalAvgPool("gap", g.relu("r", g.bn("bn", x))));
    }

    @Test
    void dropPathScalesEachImageByItsFactor() {
        Graph graph = network(6, (g, x) -> g.sum("add", List.of(g.dropPath("d0", g.conv("a", x, 4, 3, 1, 1)),
                g.dropPath("d1", g.relu("r", x)))));
        assertEquals(2, graph.dropPathSlots());
        Batch plain = batch(graph, 3, 9);
        // slot 0 drops image 1, slot 1 drops images 0 and 2; kept images are scaled by 1/keep = 1.25
        float[] masks = {1.25f, 0f, 1.25f, 0f, 1.25f, 0f};
        Map<String, Double> scale = gradientCheck(graph, new Batch(plain.images(), plain.labels(), masks), 0);
        assertTrue(scale.get("a.weight") > 0);
    }

    @Test
    void dropPathIsTheIdentityInInferenceAndWithoutMasks() {
        Graph dropped = network(6, (g, x) -> g.dropPath("d", g.conv("a", x, 4, 3, 1, 1)));
        Graph plain = network(6, (g, x) -> g.conv("a", x, 4, 3, 1, 1));
        ReferenceModel d = ENGINE.build(dropped, CPU);
        ReferenceModel p = ENGINE.build(plain, CPU);
        d.loadWeights(random(dropped, 5));
        p.loadWeights(random(plain, 5));
        Batch b = batch(plain, 2, 3);
        Batch masked = new Batch(b.images(), b.labels(), new float[] {0f, 0f});
        assertArrayEquals(p.predict(b).data(), d.predict(masked).data());
        assertEquals(p.trainingLoss(b, 0), d.trainingLoss(b, 0), 0);
        assertTrue(Math.abs(p.trainingLoss(b, 0) - d.trainingLoss(masked, 0)) > 1e-3, "masks apply in training");
        Sgd sgd = new Sgd(0.1, 0.9, true, 5e-4);
        p.trainStep(b, sgd);
        d.trainStep(b, sgd);
        p.weights().tensors().forEach((name, t) -> assertArrayEquals(t.data(), d.weights().get(name).data(), name));
    }

    @Test
    void auxiliaryHeadLossIsAddedWithItsWeight() {
        GraphBuilder g = new GraphBuilder(new Shape(3, 6, 6));
        int x = g.relu("r", g.bn("bn", g.conv("stem", 0, 4, 3, 1, 1)));
        g.auxOutput(g.linear("aux.fc", g.relu("aux.relu", g.bn("aux.bn", g.conv("aux.conv", x, 3, 1, 2, 0))),
                CLASSES, true));
        g.linear("fc", g.conv("c", x, 4, 3, 2, 1), CLASSES, true);
        Graph graph = g.build();
        Batch batch = batch(graph, 3, 9);
        Map<String, Double> scale = gradientCheck(graph, batch, 0.4);
        assertTrue(scale.get("aux.conv.weight") > 0 && scale.get("aux.fc.bias") > 0);
        ReferenceModel m = ENGINE.build(graph, CPU);
        m.loadWeights(random(graph, 5));
        assertEquals(0.0, norm(m.gradientValues(batch, 0).get("aux.fc.weight")), "weight 0: the head learns nothing");
        double main = m.trainingLoss(batch, 0);
        double total = m.trainingLoss(batch, 0.4);
        StepResult r = m.trainStep(batch, new Sgd(0.1, 0.9, true, 5e-4, 0.4));
        assertEquals(main, r.meanLoss(), 1e-12);
        assertEquals(total, r.meanLoss() + 0.4 * r.meanAuxLoss(), 1e-12);
        assertTrue(r.meanAuxLoss() > 0);
        assertEquals(ParameterLayout.trainableCount(graph) + 3 * 4 + 2 * 3 + 5 * 27 + 5, m.trainableParameters());
        assertEquals(0, m.evaluate(batch).auxLossSum(), "evaluation reads the main head only");
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void publicGradientsAreTheDoubleGradientsInFloat32() {
        Graph graph = network(6, (g, x) -> g.bn("bn", x));
        ReferenceModel m = ENGINE.build(graph, CPU);
        m.loadWeights(random(graph, 5));
        Batch batch = batch(graph, 2, 9);
        Weights w = m.gradients(batch);
        Map<String, double[]> d = m.gradientValues(batch, 0);
        assertEquals(List.copyOf(d.keySet()), List.copyOf(w.tensors().keySet()));
        d.forEach((name, v) -> assertArrayEquals(toFloats(v), w.get(name).data(), name));
    }

    @Test
    void gradientsChangeNothing() {
        Graph graph = network(6, (g, x) -> g.relu("r", g.bn("bn", x)));
        ReferenceModel m = ENGINE.build(graph, CPU);
        m.loadWeights(random(graph, 5));
        Weights before = m.weights();
        m.gradients(batch(graph, 2, 9));
        before.tensors().forEach((name, t) -> assertArrayEquals(t.data(), m.weights().get(name).data(), name));
        assertTrue(m.optimizerState().tensors().isEmpty());
    }

    @Test
    void nesterovStepsAreTorchOptimSgdOnTheGradients() {
        sgdSteps(new Sgd(0.1, 0.9, true, 5e-4));
    }

    @Test
    void momentumStepsWithoutNesterov() {
        sgdSteps(new Sgd(0.05, 0.8, false, 1e-3));
    }

    @Test
    void plainSgdKeepsNoMomentum() {
        Graph graph = network(6, (g, x) -> x);
        ReferenceModel m = ENGINE.build(graph, CPU);
        m.trainStep(batch(graph, 2, 9), new Sgd(0.1, 0, false, 0));
        assertTrue(m.optimizerState().tensors().isEmpty());
    }

    /** Running mean 0 and variance 1 move to 0.1·mean and 0.9 + 0.1·unbiased variance of the batch (PyTorch). */
    @Test
    void batchNormRunningStatisticsUseTheUnbiasedVariance() {
        GraphBuilder g = new GraphBuilder(new Shape(3, 3, 3));
        g.linear("fc", g.bn("bn", 0), CLASSES, true);
        Graph graph = g.build();
        ReferenceModel m = ENGINE.build(graph, CPU);
        Batch batch = batch(graph, 4, 9);
        m.trainStep(batch, new Sgd(0.1, 0.9, true, 5e-4));
        float[] x = batch.images();
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double sq = 0;
            for (int b = 0; b < 4; b++) {
                for (int i = 0; i < 9; i++) {
                    double v = x[(b * 3 + c) * 9 + i];
                    sum += v;
                    sq += v * v;
                }
            }
            double mean = sum / 36;
            double unbiased = (sq - 36 * mean * mean) / 35;
            assertEquals(0.1 * mean, m.weights().get("bn.running_mean").data()[c], 1e-6);
            assertEquals(0.9 + 0.1 * unbiased, m.weights().get("bn.running_var").data()[c], 1e-6);
        }
    }

    /**
     * Forward ops against PyTorch 1.13 in double precision on x = ((arange(16)·7 mod 16) - 7.5) / 4 as 1x1x4x4.
     *
     * <pre>
     * F.avg_pool2d(x, 3, 1, 1, count_include_pad=False); F.max_pool2d(-x.abs() - 1, 3, 2, 1)
     * F.conv2d(x, (arange(9) / 10 - 0.3).reshape(1, 1, 3, 3), padding=2, dilation=2)
     * F.pad(x, (0, 1, 0, 1))[:, :, 1:, 1:]
     * </pre>
     */
    @Test
    void forwardOpsMatchPyTorch() {
        float[] x = new float[16];
        float[] negative = new float[16];
        for (int k = 0; k < 16; k++) {
            x[k] = (k * 7 % 16 - 7.5f) / 4;
            negative[k] = -Math.abs(x[k]) - 1;
        }
        assertArrayEquals(new double[] {-0.5, 0.041666666666666664, -0.20833333333333334, 0.0, 0.0,
            0.20833333333333334, 0.18055555555555555, 0.16666666666666666, 0.3333333333333333, 0.09722222222222222,
            0.06944444444444445, -0.16666666666666666, 0.5, 0.041666666666666664, 0.4583333333333333, 0.0},
                single(x, (g, in) -> g.pool("p", in, Layer.PoolKind.AVG, 3, 1, 1)), 1e-6);
        assertArrayEquals(new double[] {-1.125, -1.125, -1.125, -1.375},
                single(negative, (g, in) -> g.pool("p", in, Layer.PoolKind.MAX, 3, 2, 1)), 1e-6);
        assertArrayEquals(new double[] {0, 1.3, 0.05, 1.05, -0.8, 0.1, -0.75, 0.25, 0.15, 0.55, 0.2, 0.3, -0.65, 0.55,
            -0.6, 0.7}, single(x, (g, in) -> g.conv("c", in, 1, 3, 3, 1, 1, 2, 2, 2, 1)), 1e-6);
        assertArrayEquals(new double[] {-1.125, 0.625, -1.625, 0, 1.875, -0.375, 1.375, 0, 0.875, -1.375, 0.375, 0, 0,
            0, 0, 0}, single(x, (g, in) -> g.shift("s", in)), 1e-6);
        assertArrayEquals(new double[4], single(x, (g, in) -> g.zero("z", in, 2)), 0);
    }

    @Test
    void predictGivesLogitsOrMaps() {
        Graph logits = network(6, (g, x) -> x);
        assertArrayEquals(new int[] {2, CLASSES}, ENGINE.build(logits, CPU).predict(batch(logits, 2, 1)).shape());
        GraphBuilder g = new GraphBuilder(new Shape(3, 6, 6));
        g.conv("c", 0, 4, 3, 2, 1);
        Graph maps = g.build();
        assertArrayEquals(new int[] {2, 4, 3, 3}, ENGINE.build(maps, CPU).predict(new Batch(new float[216],
                new int[2])).shape());
    }

    @Test
    void evaluateUsesRunningStatistics() {
        Graph graph = network(6, (g, x) -> g.bn("bn", x));
        ReferenceModel m = ENGINE.build(graph, CPU);
        m.loadWeights(random(graph, 5));
        Batch batch = batch(graph, 2, 9);
        StepResult eval = m.evaluate(batch);
        assertTrue(Math.abs(eval.meanLoss() - m.trainingLoss(batch, 0)) > 1e-3, "inference differs from training");
        assertEquals(eval.meanLoss(), m.evaluate(batch).meanLoss(), 0, "evaluation changes nothing");
        assertEquals(2, eval.size());
    }

    @Test
    void gpuIsRejected() {
        Graph graph = network(6, (g, x) -> x);
        NdswException e = assertThrows(NdswException.class, () -> ENGINE.build(graph, new EngineOptions(Device.GPU,
                1)));
        assertEquals("--device gpu: the reference engine runs on the CPU only; use --device cpu", e.getMessage());
        assertEquals(Map.of("reference", "1"), ENGINE.versions());
        assertEquals("reference (cpu, double precision)", ENGINE.build(graph, CPU).deviceDescription());
    }

    @Test
    void missingAndMisshapenTensorsAreNamed() {
        Graph graph = network(6, (g, x) -> x);
        ReferenceModel m = ENGINE.build(graph, CPU);
        Map<String, Tensor> w = new LinkedHashMap<>(m.weights().tensors());
        w.remove("fc.bias");
        NdswException missing = assertThrows(NdswException.class, () -> m.loadWeights(new Weights(w)));
        assertEquals("weights have no tensor fc.bias", missing.getMessage());
        w.put("fc.bias", Tensor.filled(new int[] {4}, 0));
        NdswException shape = assertThrows(NdswException.class, () -> m.loadWeights(new Weights(w)));
        assertEquals("weights tensor fc.bias has shape [4], the model needs [5]", shape.getMessage());
        NdswException unknown = assertThrows(NdswException.class, () -> m.loadOptimizerState(new Weights(Map.of(
                "stem.nope", Tensor.filled(new int[] {1}, 0)))));
        assertEquals("optimizer state names an unknown parameter stem.nope", unknown.getMessage());
    }

    @Test
    void optimizerStateRoundTrips() {
        Graph graph = network(6, (g, x) -> g.bn("bn", x));
        Sgd sgd = new Sgd(0.1, 0.9, true, 5e-4);
        ReferenceModel a = ENGINE.build(graph, CPU);
        a.trainStep(batch(graph, 2, 1), sgd);
        ReferenceModel b = ENGINE.build(graph, CPU);
        b.loadWeights(a.weights());
        b.loadOptimizerState(a.optimizerState());
        a.trainStep(batch(graph, 2, 2), sgd);
        b.trainStep(batch(graph, 2, 2), sgd);
        // b started from a's weights rounded to float32, so the two differ by float32 rounding.
        a.weights().tensors().forEach((name, t) -> assertArrayEquals(t.data(), b.weights().get(name).data(), 1e-6f,
                name));
        assertEquals(ParameterLayout.trainableCount(graph), a.trainableParameters());
    }

    /** A layer under test, given the builder and the stem's output node; returns its output node. */
    private interface Body {
        int apply(GraphBuilder g, int x);
    }

    /**
     * Input 3 x size x size, a 3x3 stem conv to 4 channels (so every op's input gradient is checked through the stem's
     * weights), the body, and an fc with bias on the flattened map (so every position weighs differently).
     */
    private static Graph network(int size, Body body) {
        GraphBuilder g = new GraphBuilder(new Shape(3, size, size));
        int x = body.apply(g, g.conv("stem", 0, 4, 3, 1, 1));
        g.linear("fc", x, CLASSES, true);
        return g.build();
    }

    /** Checks every trainable tensor; returns each tensor's largest numeric gradient (all but dead ones positive). */
    private static Map<String, Double> gradientCheck(int size, Body body) {
        Graph graph = network(size, body);
        return gradientCheck(graph, batch(graph, 2, 9), 0);
    }

    /** {@link #gradientCheck(int, Body)} of the loss CE(main) + auxWeight·CE(aux) on a given batch. */
    private static Map<String, Double> gradientCheck(Graph graph, Batch batch, double auxWeight) {
        ReferenceModel m = ENGINE.build(graph, CPU);
        m.loadWeights(random(graph, 5));
        Map<String, double[]> analytic = m.gradientValues(batch, auxWeight);
        Map<String, Double> scales = new LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(13);
        analytic.forEach((name, grad) -> {
            double[] w = m.values(name);
            double scale = 0;
            double error = 0;
            for (int i : indices(w.length, rng)) {
                double saved = w[i];
                w[i] = saved + H;
                double up = m.trainingLoss(batch, auxWeight);
                w[i] = saved - H;
                double down = m.trainingLoss(batch, auxWeight);
                w[i] = saved;
                double numeric = (up - down) / (2 * H);
                scale = Math.max(scale, Math.abs(numeric));
                error = Math.max(error, Math.abs(numeric - grad[i]));
            }
            assertTrue(error <= TOLERANCE * scale, name + ": max error " + error + " against max gradient " + scale);
            scales.put(name, scale);
        });
        scales.forEach((name, s) -> assertTrue(s > 0 || name.equals("dead.weight"), name + " has no gradient"));
        return scales;
    }

    private static int[] indices(int n, SplittableRandom rng) {
        if (n <= CHECKED) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        return rng.ints(0, n).distinct().limit(CHECKED).toArray();
    }

    /** Two SGD steps against the update written out from {@link ReferenceModel#gradientValues} before each step. */
    private static void sgdSteps(Sgd sgd) {
        Graph graph = network(6, (g, x) -> g.relu("r", g.bn("bn", x)));
        ReferenceModel m = ENGINE.build(graph, CPU);
        m.loadWeights(random(graph, 5));
        Map<String, double[]> buffers = new LinkedHashMap<>();
        for (int step = 0; step < 2; step++) {
            Batch batch = batch(graph, 2, 20 + step);
            Map<String, double[]> expected = new LinkedHashMap<>();
            Map<String, double[]> grads = m.gradientValues(batch, 0);
            double loss = m.trainingLoss(batch, 0);
            for (Map.Entry<String, double[]> e : grads.entrySet()) {
                double[] w = m.values(e.getKey()).clone();
                double[] d = e.getValue();
                double[] b = buffers.get(e.getKey());
                for (int i = 0; i < w.length; i++) {
                    d[i] += sgd.weightDecay() * w[i];
                    double buf = b == null ? d[i] : sgd.momentum() * b[i] + d[i];
                    double dir = sgd.nesterov() ? d[i] + sgd.momentum() * buf : buf;
                    w[i] -= sgd.lr() * dir;
                    d[i] = buf;
                }
                buffers.put(e.getKey(), d);
                expected.put(e.getKey(), w);
            }
            StepResult r = m.trainStep(batch, sgd);
            assertEquals(loss * 2, r.lossSum(), 1e-12);
            expected.forEach((name, w) -> assertArrayEquals(w, m.values(name), 1e-12, name));
        }
        buffers.forEach((name, b) -> assertArrayEquals(toFloats(b), m.optimizerState().get(name).data(), name));
    }

    /** The output of a graph input (1x4x4) → op for one image. */
    private static double[] single(float[] image, Body op) {
        GraphBuilder g = new GraphBuilder(new Shape(1, 4, 4));
        op.apply(g, 0);
        Graph graph = g.build();
        ReferenceModel m = ENGINE.build(graph, CPU);
        if (!ParameterLayout.of(graph).isEmpty()) {
            float[] w = new float[9];
            for (int k = 0; k < 9; k++) {
                w[k] = k / 10f - 0.3f;
            }
            m.loadWeights(new Weights(Map.of("c.weight", new Tensor(new int[] {1, 1, 3, 3}, w))));
        }
        float[] out = m.predict(new Batch(image, new int[1])).data();
        double[] d = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            d[i] = out[i];
        }
        return d;
    }

    /** Conv and fc weights N(0, 1/fan_in), fc bias and BN beta U(-0.5, 0.5), BN gamma U(0.5, 1.5). */
    private static Weights random(Graph graph, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : ParameterLayout.of(graph)) {
            int n = Math.toIntExact(Tensor.elements(e.shape()));
            boolean bn = e.node().layer() instanceof Layer.BatchNorm;
            double fanIn = (double) n / e.shape()[0];
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) switch (e.suffix()) {
                    case ParameterLayout.WEIGHT -> bn ? rng.nextDouble(0.5, 1.5)
                            : rng.nextGaussian() / Math.sqrt(fanIn);
                    case ParameterLayout.RUNNING_VAR -> rng.nextDouble(0.5, 2.0);
                    default -> rng.nextDouble(-0.5, 0.5);
                };
            }
            out.put(e.name(), new Tensor(e.shape(), v));
        }
        return new Weights(out);
    }

    /** Standard normal images with labels drawn from the classes. */
    private static Batch batch(Graph graph, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[Math.toIntExact(n * graph.input().shape().elements())];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return new Batch(x, rng.ints(n, 0, CLASSES).toArray());
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
