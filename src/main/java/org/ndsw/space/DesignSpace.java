package org.ndsw.space;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * A design space: a set of networks with a uniform distribution over them (paper §3).
 *
 * <p>Spaces are data, loaded from design space files by {@link SpaceFiles}; the built-in spaces of the paper ship as
 * such files.
 */
public sealed interface DesignSpace permits StageSpace, CellSpace, RegNetSpace {
    /** The space's name, e.g. "ResNeXt-A". */
    String name();

    /** A one-line description for listings. */
    String description();

    /** "stage", "cell" or "regnet". */
    String family();

    /**
     * The number of models in the space: exact when {@link #sizeIsExact()}, else an upper bound (RegNet spaces count
     * the settings their sampler can draw before rejecting those with the wrong number of stages).
     */
    BigInteger size();

    /** True if {@link #size()} is the exact number of settings of the space. */
    default boolean sizeIsExact() {
        return true;
    }

    /**
     * The input size and classes of an ImageNet-style space of pycls's AnyNet family (AnyNetX, RegNet), whose nets are
     * counted on that input; null for the CIFAR-10 spaces of the NDS paper.
     */
    default StageSpace.Pycls pyclsInput() {
        return null;
    }

    /** Draws one model uniformly from the space. */
    ModelSpec sample(SplittableRandom rng);

    /** Draws uniformly from a list of choices. */
    static int pick(SplittableRandom rng, int[] choices) {
        return choices[rng.nextInt(choices.length)];
    }
}
