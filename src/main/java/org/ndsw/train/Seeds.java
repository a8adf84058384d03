package org.ndsw.train;

import java.util.SplittableRandom;

/**
 * The seeds of one run: weight initialization, data order, and augmentation (crops and flips).
 *
 * <p>Each epoch draws its order and augmentation from a stream of its own, so a run resumed from a checkpoint sees
 * exactly the batches it would have seen without the interruption.
 */
public record Seeds(long init, long order, long augment) {
    /** Derives the three seeds from one training seed. */
    public static Seeds of(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new Seeds(r.nextLong(), r.nextLong(), r.nextLong());
    }

    /** The random stream of data order in epoch e (0-based). */
    public SplittableRandom orderRng(int epoch) {
        return stream(order, epoch);
    }

    /** The random stream of augmentation in epoch e (0-based). */
    public SplittableRandom augmentRng(int epoch) {
        return stream(augment, epoch);
    }

    /** The `index`-th independent stream of a seed: the seeds of SplittableRandom's outputs are well mixed. */
    static SplittableRandom stream(long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < index; i++) {
            r.nextLong();
        }
        return new SplittableRandom(r.nextLong());
    }
}
