package org.ndsw.train.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ndsw.net.Graph;
import org.ndsw.net.GraphBuilder;
import org.ndsw.net.Shape;
import org.ndsw.train.Batch;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Sgd;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.Weights;

/** SGD steps against torch.optim.SGD's update written out by hand on a linear classifier. */
class DjlSgdTest {
    private static final float[] X = {1, 2, -1, 0.5f};
    private static final int[] Y = {2, 0};

    @Test
    void nesterovWithWeightDecayMatchesTorchOptimSgd() {
        check(new Sgd(0.1, 0.9, true, 5e-4));
    }

    @Test
    void plainMomentumWithoutDecay() {
        check(new Sgd(0.5, 0.8, false, 0));
    }

    /**
     * PyTorch records autograd per thread and DJL turns recording off only on the thread that loads the engine; a model
     * built and trained on another thread (as after {@link org.ndsw.train.Preload}) must still load weights and step.
     */
    @Test
    void aModelWorksOnAThreadOtherThanTheOneThatLoadedTheEngine() throws Exception {
        DjlEngine.pytorch();
        Throwable[] failure = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                check(new Sgd(0.1, 0.9, true, 5e-4));
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        other.start();
        other.join();
        if (failure[0] != null) {
            throw new AssertionError("training on a fresh thread failed", failure[0]);
        }
    }

    @Test
    void lossAndCorrectCountAreThoseOfTheBatch() {
        Graph graph = linear();
        try (EngineModel m = new DjlEngine().build(graph, new EngineOptions(Device.CPU, 1))) {
            m.loadWeights(initial());
            StepResult r = m.evaluate(new Batch(X, Y));
            double[][] logits = logits(weights(initial()));
            assertEquals(2 * meanLoss(logits), r.lossSum(), 1e-5);
            assertEquals(correct(logits), r.correct());
            assertEquals(2, r.size());
        }
    }

    private static void check(Sgd sgd) {
        Graph graph = linear();
        double[] w = weights(initial());
        double[] buf = null;
        try (EngineModel m = new DjlEngine().build(graph, new EngineOptions(Device.CPU, 1))) {
            m.loadWeights(initial());
            for (int step = 0; step < 3; step++) {
                StepResult r = m.trainStep(new Batch(X, Y), sgd);
                assertEquals(meanLoss(logits(w)), r.meanLoss(), 1e-5, "loss before step " + step);
                double[] d = gradient(w);
                for (int i = 0; i < w.length; i++) {
                    d[i] += sgd.weightDecay() * w[i];
                }
                buf = buf == null ? d.clone() : buf;
                if (step > 0) {
                    for (int i = 0; i < w.length; i++) {
                        buf[i] = sgd.momentum() * buf[i] + d[i];
                    }
                }
                for (int i = 0; i < w.length; i++) {
                    double dir = sgd.nesterov() ? d[i] + sgd.momentum() * buf[i] : buf[i];
                    w[i] -= sgd.lr() * dir;
                }
                assertArrayEquals(toFloats(w), flatten(m.weights()), 1e-5f, "weights after step " + step);
            }
            assertEquals(2, m.optimizerState().tensors().size());
        }
    }

    /** Input 2x1x1 straight into fc(2 -> 3) with bias. */
    private static Graph linear() {
        GraphBuilder g = new GraphBuilder(new Shape(2, 1, 1));
        g.linear("fc", 0, 3, true);
        return g.build();
    }

    private static Weights initial() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("fc.weight", new Tensor(new int[] {3, 2}, new float[] {0.3f, -0.2f, 0.1f, 0.4f, -0.5f, 0.2f}));
        m.put("fc.bias", new Tensor(new int[] {3}, new float[] {0.1f, 0, -0.1f}));
        return new Weights(m);
    }

    /** Weights then biases, as doubles. */
    private static double[] weights(Weights w) {
        float[] f = flatten(w);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static float[] flatten(Weights w) {
        float[] a = w.get("fc.weight").data();
        float[] b = w.get("fc.bias").data();
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[][] logits(double[] w) {
        double[][] z = new double[2][3];
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 3; k++) {
                z[n][k] = w[2 * k] * X[2 * n] + w[2 * k + 1] * X[2 * n + 1] + w[6 + k];
            }
        }
        return z;
    }

    private static double[][] softmax(double[][] z) {
        double[][] p = new double[z.length][];
        for (int n = 0; n < z.length; n++) {
            double sum = 0;
            p[n] = new double[z[n].length];
            for (int k = 0; k < z[n].length; k++) {
                p[n][k] = Math.exp(z[n][k]);
                sum += p[n][k];
            }
            for (int k = 0; k < z[n].length; k++) {
                p[n][k] /= sum;
            }
        }
        return p;
    }

    private static double meanLoss(double[][] z) {
        double[][] p = softmax(z);
        return -(Math.log(p[0][Y[0]]) + Math.log(p[1][Y[1]])) / 2;
    }

    private static long correct(double[][] z) {
        long c = 0;
        for (int n = 0; n < 2; n++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = z[n][k] > z[n][best] ? k : best;
            }
            c += best == Y[n] ? 1 : 0;
        }
        return c;
    }

    /** d mean CE / d (W, b): (softmax - onehot) / N times the input. */
    private static double[] gradient(double[] w) {
        double[][] p = softmax(logits(w));
        double[] g = new double[9];
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 3; k++) {
                double dz = (p[n][k] - (Y[n] == k ? 1 : 0)) / 2;
                g[2 * k] += dz * X[2 * n];
                g[2 * k + 1] += dz * X[2 * n + 1];
                g[6 + k] += dz;
            }
        }
        return g;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
