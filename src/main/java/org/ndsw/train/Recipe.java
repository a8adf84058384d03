package org.ndsw.train;

import java.util.Locale;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.space.CellSpec;
import org.ndsw.space.ModelSpec;

/**
 * The training recipe: SGD with momentum, weight decay, a half-period cosine learning rate per epoch, batch sizes,
 * and the regularizers of DARTS' training setup (cutout, auxiliary head loss, drop-path).
 *
 * <p>Defaults are the recipe that produced the released CIFAR-10 data (docs/reference/nds-json.md#training-recipe): SGD momentum 0.9 Nesterov, base
 * lr 0.1, weight decay 5e-4, 100 epochs, batch 128, test batch 200, no cutout, no auxiliary loss, no drop-path. Weight
 * decay is applied as PyTorch's SGD does (wd·w added to the gradient of every parameter, BN and bias included, as
 * pycls did in 2019). {@link #ENHANCED_CIFAR} is the paper's enhanced setup (§5.4, Table 4).
 *
 * @param epochs number of epochs E
 * @param batchSize training batch size; the last incomplete batch of an epoch is dropped (pycls)
 * @param testBatchSize evaluation batch size
 * @param baseLr learning rate lr0 of epoch 0
 * @param momentum SGD momentum
 * @param nesterov Nesterov momentum
 * @param weightDecay L2 weight decay added to the gradient
 * @param divergeLoss a training batch loss above this (or not finite) ends the run as diverged
 * @param cutout side of the square zeroed in each training image (DARTS Cutout), 0 for none
 * @param auxWeight weight of the auxiliary head's loss; a cell network has the head exactly when it is above 0
 * @param dropPath base drop-path probability p (a cell network's drop_prob); epoch e drops with p·e/E
 */
public record Recipe(int epochs, int batchSize, int testBatchSize, double baseLr, double momentum, boolean nesterov,
        double weightDecay, double divergeLoss, int cutout, double auxWeight, double dropPath) {
    /** Batch loss that counts as exploding: far above ln(10) = 2.3 of a network that guesses uniformly. */
    public static final double DEFAULT_DIVERGE_LOSS = 100.0;
    /** Largest cutout: the side of a CIFAR image. */
    public static final int MAX_CUTOUT = 32;

    /** The paper's CIFAR-10 recipe (docs/reference/nds-json.md#training-recipe). */
    public static final Recipe NDS_CIFAR = new Recipe(100, 128, 200, 0.1, 0.9, true, 5e-4, DEFAULT_DIVERGE_LOSS);

    /**
     * The paper's enhanced setup for DARTS (§5.4, Table 4): 600 epochs, cutout 16 (DARTS --cutout_length), auxiliary
     * head with weight 0.4 (DARTS --auxiliary_weight) and drop-path 0.2 (DARTS --drop_path_prob), on the recipe above.
     */
    public static final Recipe ENHANCED_CIFAR = NDS_CIFAR.withEpochs(600).withCutout(16).withAuxWeight(0.4)
            .withDropPath(0.2);

    /** Validates every value, naming the option at fault. */
    public Recipe {
        Domains.EPOCHS.check(epochs, "epochs");
        Domains.BATCH.check(batchSize, "batch size");
        Domains.BATCH.check(testBatchSize, "test batch size");
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
        if (cutout < 0 || cutout > MAX_CUTOUT) {
            throw new NdswException("cutout must be between 0 (off) and " + MAX_CUTOUT + " pixels, got " + cutout);
        }
        if (!(auxWeight >= 0) || Double.isInfinite(auxWeight)) {
            throw new NdswException("aux weight must be a non-negative number (0 = no auxiliary head), got "
                    + auxWeight);
        }
        if (!(dropPath >= 0 && dropPath < 1)) {
            throw new NdswException("drop-path probability must be in [0, 1), got " + dropPath);
        }
    }

    /** A recipe without cutout, auxiliary loss or drop-path. */
    public Recipe(int epochs, int batchSize, int testBatchSize, double baseLr, double momentum, boolean nesterov,
            double weightDecay, double divergeLoss) {
        this(epochs, batchSize, testBatchSize, baseLr, momentum, nesterov, weightDecay, divergeLoss, 0, 0, 0);
    }

    /** The learning rate of epoch e (0-based): lr(e) = 0.5·lr0·(1 + cos(π·e/E)) (docs/reference/nds-json.md#training-recipe). */
    public double learningRate(int epoch) {
        return 0.5 * baseLr * (1 + Math.cos(Math.PI * epoch / epochs));
    }

    /** The drop-path probability of epoch e (0-based): p·e/E, as DARTS train.py sets model.drop_path_prob. */
    public double dropPathProb(int epoch) {
        return dropPath * epoch / epochs;
    }

    /** The same recipe with another number of epochs (the cosine is compressed to fit). */
    public Recipe withEpochs(int e) {
        return new Recipe(e, batchSize, testBatchSize, baseLr, momentum, nesterov, weightDecay, divergeLoss, cutout,
                auxWeight, dropPath);
    }

    /** The same recipe with other batch sizes. */
    public Recipe withBatchSizes(int train, int test) {
        return new Recipe(epochs, train, test, baseLr, momentum, nesterov, weightDecay, divergeLoss, cutout,
                auxWeight, dropPath);
    }

    /** The same recipe with another base learning rate and weight decay. */
    public Recipe withLrAndWd(double lr, double wd) {
        return new Recipe(epochs, batchSize, testBatchSize, lr, momentum, nesterov, wd, divergeLoss, cutout,
                auxWeight, dropPath);
    }

    /** The same recipe with another momentum. */
    public Recipe withMomentum(double m, boolean useNesterov) {
        return new Recipe(epochs, batchSize, testBatchSize, baseLr, m, useNesterov, weightDecay, divergeLoss, cutout,
                auxWeight, dropPath);
    }

    /** The same recipe with another cutout size (0 = none). */
    public Recipe withCutout(int size) {
        return new Recipe(epochs, batchSize, testBatchSize, baseLr, momentum, nesterov, weightDecay, divergeLoss, size,
                auxWeight, dropPath);
    }

    /** The same recipe with another auxiliary loss weight (0 = no auxiliary head). */
    public Recipe withAuxWeight(double w) {
        return new Recipe(epochs, batchSize, testBatchSize, baseLr, momentum, nesterov, weightDecay, divergeLoss,
                cutout, w, dropPath);
    }

    /** The same recipe with another base drop-path probability (0 = none). */
    public Recipe withDropPath(double p) {
        return new Recipe(epochs, batchSize, testBatchSize, baseLr, momentum, nesterov, weightDecay, divergeLoss,
                cutout, auxWeight, p);
    }

    /** The SGD settings of epoch e. */
    public Sgd sgd(int epoch) {
        return new Sgd(learningRate(epoch), momentum, nesterov, weightDecay, auxWeight);
    }

    /** True if the recipe trains an auxiliary head or drops paths, which only cell networks have. */
    public boolean needsCells() {
        return auxWeight > 0 || dropPath > 0;
    }

    /**
     * The net as this recipe trains it: a cell network gets the auxiliary head exactly when the aux weight is above 0
     * and the recipe's drop-path as its drop_prob; a stage-wise network is returned as it is, if the recipe asks
     * neither (else an error).
     */
    public ModelSpec trainedNet(ModelSpec spec) {
        if (spec instanceof CellSpec c) {
            return c.withTraining(auxWeight > 0, dropPath);
        }
        requireMatches(spec);
        return spec;
    }

    /**
     * Checks that a net is the one this recipe trains: a cell network has the auxiliary head exactly when the aux
     * weight is above 0 and its drop_prob is the recipe's drop-path; a stage-wise network has neither.
     */
    public void requireMatches(ModelSpec spec) {
        if (spec instanceof CellSpec c) {
            if (c.aux() != auxWeight > 0 || c.dropProb() != dropPath) {
                throw new NdswException(String.format(Locale.ROOT, "the net (aux %s, drop_prob %s) does not match the"
                        + " recipe (aux weight %s, drop-path %s): a cell network has the auxiliary head exactly when"
                        + " the aux weight is above 0, and drop_prob is the drop-path probability", c.aux(),
                        c.dropProb(), auxWeight, dropPath));
            }
        } else if (needsCells()) {
            throw new NdswException(String.format(Locale.ROOT, "the auxiliary head (aux weight %s) and drop-path (%s)"
                    + " are defined for cell networks only, and this net is %s", auxWeight, dropPath, spec.family()
                    + "-wise"));
        }
    }

}
