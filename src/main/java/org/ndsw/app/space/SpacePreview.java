package org.ndsw.app.space;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.ndsw.app.ProgressSink;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.space.CellSpace;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;

/** What the space editor shows while a user edits: exact size, complexity of samples, one example model. */
public final class SpacePreview {
    private SpacePreview() {}

    /**
     * A preview: the space's exact size, distinct cells for cell spaces (else null), params and flops (nds) of
     * `samples` models, and the first sampled model with its complexity.
     */
    public record Result(DesignSpace space, BigInteger size, BigInteger cells, long[] params, long[] flops,
            ModelSpec example, Complexity exampleComplexity) {}

    /**
     * Samples `samples` models with `seed` and counts them (closed form, NDS convention): on CIFAR-10 for the paper's
     * spaces, on the space's input size and classes for pycls spaces (AnyNetX, RegNet; {@link Complexities#of}).
     */
    public static Result of(DesignSpace space, int samples, long seed, ProgressSink progress) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] params = new long[samples];
        long[] flops = new long[samples];
        ModelSpec example = null;
        Complexity exampleComplexity = null;
        for (int i = 0; i < samples; i++) {
            if (progress.isCancelled()) {
                throw new CancellationException("preview cancelled");
            }
            ModelSpec spec = space.sample(rng);
            Complexity c = Complexities.of(space, spec, Convention.NDS);
            params[i] = c.params();
            flops[i] = c.flops();
            if (i == 0) {
                example = spec;
                exampleComplexity = c;
            }
        }
        BigInteger cells = space instanceof CellSpace cs ? cs.cells() : null;
        return new Result(space, space.size(), cells, params, flops, example, exampleComplexity);
    }
}
