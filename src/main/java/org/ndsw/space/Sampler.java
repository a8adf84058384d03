package org.ndsw.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.ndsw.Domains;
import org.ndsw.NdswException;

/**
 * Draws models uniformly from a design space with a seed, optionally de-duplicated and filtered by rejection.
 *
 * <p>The same space, seed and options give the same models in the same order on every machine
 * ({@link SplittableRandom} is specified bit for bit). Rejection stops after `maxDraws` candidates with an error, so
 * an impossible filter never hangs.
 */
public final class Sampler {
    private Sampler() {}

    /** The sampled models and how many candidates were drawn to get them. */
    public record Result(List<ModelSpec> models, long drawn) {
        /** Copies the model list. */
        public Result {
            models = List.copyOf(models);
        }
    }

    /**
     * Samples `n` models from `space` that pass `accept`.
     *
     * @param unique skip models already drawn (by canonical JSON)
     * @param maxDraws the number of candidates after which sampling gives up with an error
     * @param what a description of the filter for the error message, e.g. "params in [0, 856000]"
     */
    public static Result sample(DesignSpace space, int n, long seed, boolean unique, Predicate<ModelSpec> accept,
            long maxDraws, String what) {
        if (n != 0) {
            Domains.MODELS.check(n, "the number of models");
        }
        if (unique && space.size().compareTo(java.math.BigInteger.valueOf(n)) < 0) {
            throw new NdswException("cannot draw " + n + " distinct models from " + space.name() + ", which has only "
                    + space.size() + " models");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<ModelSpec> out = new ArrayList<>(n);
        Set<String> seen = unique ? new HashSet<>() : null;
        long drawn = 0;
        while (out.size() < n) {
            if (drawn >= maxDraws) {
                throw new NdswException("drew " + drawn + " candidates from " + space.name() + " and kept only "
                        + out.size() + " of the " + n + " requested" + (what.isEmpty() ? "" : " with " + what)
                        + (unique ? " (distinct)" : "") + "; widen the window or raise --max-draws");
            }
            ModelSpec spec = space.sample(rng);
            drawn++;
            if (accept.test(spec) && (seen == null || seen.add(SpecJson.canonical(spec)))) {
                out.add(spec);
            }
        }
        return new Result(out, drawn);
    }
}
