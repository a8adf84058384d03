package org.ndsw.space;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * A design space: a set of networks with a uniform distribution over them (paper §3).
 *
 * <p>Spaces are data, loaded from design space files by {@link SpaceFiles}; the built-in spaces of the paper ship as
 * such files.
 */
public sealed interface DesignSpace permits StageSpace, CellSpace {
    /** The space's name, e.g. "ResNeXt-A". */
    String name();

    /** A one-line description for listings. */
    String description();

    /** "stage" or "cell". */
    String family();

    /** The exact number of models in the space. */
    BigInteger size();

    /** Draws one model uniformly from the space. */
    ModelSpec sample(SplittableRandom rng);

    /** Draws uniformly from a list of choices. */
    static int pick(SplittableRandom rng, int[] choices) {
        return choices[rng.nextInt(choices.length)];
    }
}
