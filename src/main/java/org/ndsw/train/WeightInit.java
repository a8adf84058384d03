package org.ndsw.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ndsw.net.Graph;
import org.ndsw.net.Layer;

/**
 * Initial weights as pycls initializes them (docs/reference/blocks-and-ops.md#initialization), drawn in Java so every engine starts from the same values.
 *
 * <p>Conv: N(0, sqrt(2 / fan_out)) with fan_out = kh·kw·c_out (pycls init_weights, groups not divided out);
 * BN: gamma 1, beta 0, running mean 0, running variance 1; fc: weight N(0, 0.01), bias 0. Squeeze-and-excitation's
 * biased 1x1 convs (pointwise {@link Layer.Linear}) are convs to pycls: weight N(0, sqrt(2 / c_out)), and their bias,
 * which init_weights leaves alone, PyTorch's default U(-1/sqrt(c_in), 1/sqrt(c_in)). Each tensor draws from its
 * own stream split off one seeded root in graph order, the auxiliary head's tensors after all others, so a network
 * starts from the same weights with and without an auxiliary head.
 */
public final class WeightInit {
    /** Standard deviation of fc weights (pycls). */
    public static final double FC_STD = 0.01;

    private WeightInit() {}

    /** The initial weights of a graph's model for a seed. */
    public static Weights initial(Graph graph, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<ParameterLayout.Entry> entries = ParameterLayout.of(graph);
        for (boolean auxiliary : new boolean[] {false, true}) {
            for (ParameterLayout.Entry e : entries) {
                if (e.auxiliary() == auxiliary) {
                    out.put(e.name(), tensor(e, root.split()));
                }
            }
        }
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.name(), out.get(e.name())));
        return new Weights(ordered);
    }

    /**
     * The initial weights with every BN scale (0.5-1.5), shift (±0.2), running mean (±0.2) and running variance
     * (0.5-2.0) drawn at random, so that a comparison in inference mode really uses them.
     */
    public static Weights withRandomBatchNorm(Graph graph, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Tensor> out = new LinkedHashMap<>(initial(graph, seed).tensors());
        for (ParameterLayout.Entry e : ParameterLayout.of(graph)) {
            if (e.node().layer() instanceof Layer.BatchNorm) {
                float[] v = new float[e.shape()[0]];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) switch (e.suffix()) {
                        case ParameterLayout.WEIGHT -> rng.nextDouble(0.5, 1.5);
                        case ParameterLayout.RUNNING_VAR -> rng.nextDouble(0.5, 2.0);
                        default -> rng.nextDouble(-0.2, 0.2);
                    };
                }
                out.put(e.name(), new Tensor(e.shape(), v));
            }
        }
        return new Weights(out);
    }

    private static Tensor tensor(ParameterLayout.Entry e, SplittableRandom rng) {
        Layer layer = e.node().layer();
        if (layer instanceof Layer.Conv c) {
            return gaussian(e.shape(), Math.sqrt(2.0 / (c.kernelH() * c.kernelW() * c.outChannels())), rng);
        }
        if (layer instanceof Layer.Linear l && l.pointwise()) {
            return e.suffix().equals(ParameterLayout.WEIGHT) ? gaussian(e.shape(), Math.sqrt(2.0 / l.outFeatures()), rng)
                    : uniform(e.shape(), 1 / Math.sqrt(l.inFeatures()), rng);
        }
        if (layer instanceof Layer.Linear) {
            return e.suffix().equals(ParameterLayout.WEIGHT) ? gaussian(e.shape(), FC_STD, rng)
                    : Tensor.filled(e.shape(), 0f);
        }
        boolean ones = e.suffix().equals(ParameterLayout.WEIGHT) || e.suffix().equals(ParameterLayout.RUNNING_VAR);
        return Tensor.filled(e.shape(), ones ? 1f : 0f);
    }

    private static Tensor uniform(int[] shape, double bound, SplittableRandom rng) {
        float[] d = new float[Math.toIntExact(Tensor.elements(shape))];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextDouble(-bound, bound);
        }
        return new Tensor(shape, d);
    }

    private static Tensor gaussian(int[] shape, double std, SplittableRandom rng) {
        float[] d = new float[Math.toIntExact(Tensor.elements(shape))];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rng.nextGaussian() * std);
        }
        return new Tensor(shape, d);
    }
}
