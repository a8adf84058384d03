package org.ndsw.app.sweep;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.train.Recipe;

/**
 * Training hyperparameters a sweep samples per model, as the released NDS `_lr-wd` files vary them: the base learning
 * rate and the weight decay, each drawn log-uniformly in its range [lo, hi] (docs/decisions/0019-sampled-lr-wd.md).
 *
 * <p>The draw of model i depends only on the sweep's seed and i (its own {@link SplittableRandom} stream), so every
 * machine, every resume and every seed of the same model gets the same values. Both uniforms are always drawn, lr
 * first, so sampling wd too never changes the learning rates.
 *
 * @param lr range of the base learning rate, or null to keep the recipe's
 * @param wd range of the weight decay, or null to keep the recipe's
 */
public record SampledOptim(LogRange lr, LogRange wd) {
    /** No sampling: every run keeps the recipe's lr and wd. */
    public static final SampledOptim NONE = new SampledOptim(null, null);
    /** Mixed into the sweep seed so these draws never share a stream with the model sampler. */
    private static final long SALT = 0x6C725F77645F3139L;

    /**
     * A range [lo, hi] with 0 < lo <= hi, drawn log-uniformly.
     *
     * @param lo smallest value
     * @param hi largest value
     */
    public record LogRange(double lo, double hi) {
        /** Validates the bounds. */
        public LogRange {
            if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
                throw new NdswException(String.format(Locale.ROOT, "a log-uniform range needs 0 < lo <= hi, both"
                        + " finite, got [%s, %s]", lo, hi));
            }
        }

        /** The value at uniform u in [0, 1): exp(log lo + u (log hi - log lo)), kept inside [lo, hi]. */
        public double at(double u) {
            double v = Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
            return Math.min(hi, Math.max(lo, v));
        }

        /**
         * Parses "LO:HI" (or "LO,HI"); `what` names the option or field in messages.
         */
        public static LogRange parse(String text, String what) {
            String[] parts = text == null ? new String[0] : text.strip().split("[:,]", -1);
            if (parts.length != 2) {
                throw new NdswException(what + ": expected LO:HI such as 0.01:1, got " + Quote.of(text));
            }
            try {
                return new LogRange(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new NdswException(what + ": expected two numbers LO:HI such as 0.01:1, got " + Quote.of(text), e);
            } catch (NdswException e) {
                throw new NdswException(what + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return lo + ":" + hi;
        }
    }

    /** Whether anything is sampled. */
    public boolean any() {
        return lr != null || wd != null;
    }

    /**
     * The recipe of model `model` (0-based, in sampling order) of a sweep with this seed: the base recipe with the
     * sampled lr and wd; the base recipe itself when nothing is sampled.
     */
    public Recipe recipe(Recipe base, long sweepSeed, int model) {
        if (!any()) {
            return base;
        }
        SplittableRandom r = new SplittableRandom(mix(sweepSeed) ^ mix(SALT + model));
        double ulr = r.nextDouble();
        double uwd = r.nextDouble();
        return base.withLrAndWd(lr == null ? base.baseLr() : lr.at(ulr), wd == null ? base.weightDecay() : wd.at(uwd));
    }

    /** SplitMix64's finalizer: spreads neighbouring seeds and model indices over the whole 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
