package org.ndsw.train;

import java.util.Locale;
import org.ndsw.NdswException;

/**
 * The training recipe: SGD with momentum, weight decay, a half-period cosine learning rate per epoch, batch sizes.
 *
 * <p>Defaults are the recipe that produced the released CIFAR-10 data (NDS-SPEC §4): SGD momentum 0.9 Nesterov, base
 * lr 0.1, weight decay 5e-4, 100 epochs, batch 128, test batch 200. Weight decay is applied as PyTorch's SGD does
 * (wd·w added to the gradient of every parameter, BN and bias included, as pycls did in 2019).
 *
 * @param epochs number of epochs E
 * @param batchSize training batch size; the last incomplete batch of an epoch is dropped (pycls)
 * @param testBatchSize evaluation batch size
 * @param baseLr learning rate lr0 of epoch 0
 * @param momentum SGD momentum
 * @param nesterov Nesterov momentum
 * @param weightDecay L2 weight decay added to the gradient
 * @param divergeLoss a training batch loss above this (or not finite) ends the run as diverged
 */
public record Recipe(int epochs, int batchSize, int testBatchSize, double baseLr, double momentum, boolean nesterov,
        double weightDecay, double divergeLoss) {
    /** Batch loss that counts as exploding: far above ln(10) = 2.3 of a network that guesses uniformly. */
    public static final double DEFAULT_DIVERGE_LOSS = 100.0;

    /** The paper's CIFAR-10 recipe (NDS-SPEC §4). */
    public static final Recipe NDS_CIFAR = new Recipe(100, 128, 200, 0.1, 0.9, true, 5e-4, DEFAULT_DIVERGE_LOSS);

    /** Validates every value, naming the option at fault. */
    public Recipe {
        positive("epochs", epochs);
        positive("batch size", batchSize);
        positive("test batch size", testBatchSize);
        if (!(baseLr > 0) || Double.isInfinite(baseLr)) {
            throw new NdswException("learning rate must be a positive number, got " + baseLr);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new NdswException("momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new NdswException("Nesterov momentum needs a momentum above 0");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new NdswException("weight decay must be a non-negative number, got " + weightDecay);
        }
        if (!(divergeLoss > 0)) {
            throw new NdswException("divergence loss threshold must be positive, got " + divergeLoss);
        }
    }

    /** The learning rate of epoch e (0-based): lr(e) = 0.5·lr0·(1 + cos(π·e/E)) (NDS-SPEC §4). */
    public double learningRate(int epoch) {
        return 0.5 * baseLr * (1 + Math.cos(Math.PI * epoch / epochs));
    }

    /** The same recipe with another number of epochs (the cosine is compressed to fit). */
    public Recipe withEpochs(int e) {
        return new Recipe(e, batchSize, testBatchSize, baseLr, momentum, nesterov, weightDecay, divergeLoss);
    }

    /** The same recipe with other batch sizes. */
    public Recipe withBatchSizes(int train, int test) {
        return new Recipe(epochs, train, test, baseLr, momentum, nesterov, weightDecay, divergeLoss);
    }

    /** The same recipe with another base learning rate and weight decay. */
    public Recipe withLrAndWd(double lr, double wd) {
        return new Recipe(epochs, batchSize, testBatchSize, lr, momentum, nesterov, wd, divergeLoss);
    }

    /** The same recipe with another momentum. */
    public Recipe withMomentum(double m, boolean useNesterov) {
        return new Recipe(epochs, batchSize, testBatchSize, baseLr, m, useNesterov, weightDecay, divergeLoss);
    }

    /** The SGD settings of epoch e. */
    public Sgd sgd(int epoch) {
        return new Sgd(learningRate(epoch), momentum, nesterov, weightDecay);
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new NdswException(String.format(Locale.ROOT, "%s must be a positive integer, got %d", what, v));
        }
    }
}
