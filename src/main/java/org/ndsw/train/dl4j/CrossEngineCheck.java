package org.ndsw.train.dl4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.ModelSpec;
import org.ndsw.train.Batch;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Npz;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Tensor;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.WeightInit;
import org.ndsw.train.Weights;

/**
 * Proves two engines compute the same network: the same weights, moved through the weights file format (.npz under
 * {@link ParameterLayout} names), give the same logits on the same batch in inference mode.
 *
 * <p>BN scales, shifts and running statistics are randomized first, so inference mode really uses them.
 */
public final class CrossEngineCheck {
    /** Largest max relative logit difference two engines may show and still agree. */
    public static final double TOLERANCE = 1e-4;

    private final TrainingEngine reference;
    private final TrainingEngine candidate;
    private final EngineOptions options;

    /** A check of the DL4J engine against DJL on CPU with this many threads. */
    public CrossEngineCheck(int threads) {
        this(TrainingEngines.find("djl"), TrainingEngines.find(Dl4jEngine.NAME), new EngineOptions(Device.CPU,
                threads));
    }

    /** A check of one engine against a reference engine. */
    public CrossEngineCheck(TrainingEngine reference, TrainingEngine candidate, EngineOptions options) {
        this.reference = reference;
        this.candidate = candidate;
        this.options = options;
    }

    /**
     * The outcome for one spec.
     *
     * @param maxRelDiff max |a - b| over the logits divided by max |a| (the reference's largest logit)
     * @param paramsReference trainable parameters as the reference engine counts them
     * @param paramsCandidate trainable parameters as the candidate engine counts them
     */
    public record Result(double maxRelDiff, long paramsReference, long paramsCandidate) {
        /** True if the logits agree within {@link #TOLERANCE} and the counts are equal. */
        public boolean ok() {
            return maxRelDiff < TOLERANCE && paramsReference == paramsCandidate;
        }
    }

    /** Compares the two engines on one spec with a random batch of this size; the seed fixes weights and images. */
    public Result check(ModelSpec spec, int batchSize, long seed) {
        return check(Networks.cifar(spec), batchSize, seed);
    }

    /** Compares the two engines on one graph (any input size) with a random batch of this size. */
    public Result check(Graph graph, int batchSize, long seed) {
        Weights weights = randomized(graph, seed);
        Batch batch = batch(graph, batchSize, seed);
        try (EngineModel a = reference.build(graph, options); EngineModel b = candidate.build(graph, options)) {
            a.loadWeights(weights);
            b.loadWeights(throughFile(a.weights()));
            Tensor ta = a.predict(batch);
            Tensor tb = b.predict(batch);
            return new Result(maxRelDiff(ta.data(), tb.data()), a.trainableParameters(), b.trainableParameters());
        }
    }

    /** max |a - b| / max |a|; infinite when the shapes differ or a value is not finite. */
    public static double maxRelDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i]) || !Float.isFinite(b[i])) {
                return Double.POSITIVE_INFINITY;
            }
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(a[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }

    /** The initial weights of a run with BN gamma, beta, running mean and variance drawn at random. */
    public static Weights randomized(Graph graph, long seed) {
        return WeightInit.withRandomBatchNorm(graph, seed);
    }

    /** A batch of standard normal images with labels 0, 1, 2, ... */
    public static Batch batch(Graph graph, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[] x = new float[Math.toIntExact(size * graph.input().shape().elements())];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] labels = java.util.stream.IntStream.range(0, size).map(i -> i % 10).toArray();
        return new Batch(x, labels);
    }

    /** Weights written to and read back from an .npz file, the engines' save/load format. */
    static Weights throughFile(Weights w) {
        try {
            Path file = Files.createTempFile("ndsw-engines-check", ".npz");
            try {
                Npz.write(w, file);
                return Npz.read(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
