package org.ndsw.space;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact counting and uniform sampling of one hyperparameter's values across stages under a relation
 * (docs/design-space-format.md#constraints).
 *
 * <p>Every relation constrains a single hyperparameter, so the constrained space is the product of the four
 * hyperparameters' sequence sets, and a uniform draw is an independent uniform draw of each sequence. Free: the
 * product of the list lengths, one value per stage. Shared: the values every stage lists, one drawn for all. Non-decreasing:
 * dynamic programming from the last stage, f_i(v) = sum of f_{i+1}(u) over u >= v, and the draw goes stage by stage
 * with probability f_i(v) / (sum of f_i over the values allowed after the previous stage), so every sequence has
 * probability 1 / size; no rejection, whatever the acceptance rate.
 */
final class ConstrainedCounts {
    private final int[][] choices;
    private final Constraints.Kind kind;
    private final BigInteger[][] completions;
    private final BigInteger[][] suffix;
    private final int[] shared;
    private final BigInteger size;

    /** `choices[i]` lists the values of stage i (from 0); `kind` is null for no relation. */
    ConstrainedCounts(int[][] choices, Constraints.Kind kind) {
        this.choices = new int[choices.length][];
        for (int i = 0; i < choices.length; i++) {
            this.choices[i] = choices[i].clone();
            if (kind == Constraints.Kind.NON_DECREASING) {
                Arrays.sort(this.choices[i]);
            }
        }
        this.kind = kind;
        this.shared = kind == Constraints.Kind.SHARED ? intersection(this.choices) : null;
        this.completions = kind == Constraints.Kind.NON_DECREASING ? completions(this.choices) : null;
        this.suffix = completions == null ? null : suffixes(completions);
        this.size = computeSize();
    }

    /** The number of value sequences. */
    BigInteger size() {
        return size;
    }

    /** Draws one sequence uniformly; the caller checks that the space is not empty. */
    int[] sample(SplittableRandom rng) {
        int n = choices.length;
        int[] out = new int[n];
        if (kind == null) {
            for (int i = 0; i < n; i++) {
                out[i] = DesignSpace.pick(rng, choices[i]);
            }
        } else if (kind == Constraints.Kind.SHARED) {
            Arrays.fill(out, DesignSpace.pick(rng, shared));
        } else {
            int floor = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                int from = firstAtLeast(choices[i], floor);
                BigInteger r = uniform(rng, suffix[i][from]);
                int j = from;
                while (r.compareTo(completions[i][j]) >= 0) {
                    r = r.subtract(completions[i][j]);
                    j++;
                }
                out[i] = choices[i][j];
                floor = out[i];
            }
        }
        return out;
    }

    /** The first index of the sorted `values` whose value is at least `floor`. */
    private static int firstAtLeast(int[] values, int floor) {
        int k = Arrays.binarySearch(values, floor);
        return k >= 0 ? k : -k - 1;
    }

    private BigInteger computeSize() {
        if (kind == null) {
            BigInteger n = BigInteger.ONE;
            for (int[] c : choices) {
                n = n.multiply(BigInteger.valueOf(c.length));
            }
            return n;
        }
        if (kind == Constraints.Kind.SHARED) {
            return BigInteger.valueOf(shared.length);
        }
        return suffix[0][0];
    }

    private static int[] intersection(int[][] choices) {
        return Arrays.stream(choices[0])
                .filter(v -> Arrays.stream(choices).allMatch(c -> Arrays.stream(c).anyMatch(x -> x == v)))
                .toArray();
    }

    /** completions[i][j]: non-decreasing sequences of stages i..n-1 whose stage i takes choices[i][j]. */
    private static BigInteger[][] completions(int[][] sorted) {
        int n = sorted.length;
        BigInteger[][] f = new BigInteger[n][];
        BigInteger[] next = null;
        for (int i = n - 1; i >= 0; i--) {
            f[i] = new BigInteger[sorted[i].length];
            for (int j = 0; j < sorted[i].length; j++) {
                f[i][j] = i == n - 1 ? BigInteger.ONE : next[firstAtLeast(sorted[i + 1], sorted[i][j])];
            }
            next = suffixes(f[i]);
        }
        return f;
    }

    /** suffix[i][j] = f[i][j] + f[i][j+1] + ..., with a trailing 0. */
    private static BigInteger[][] suffixes(BigInteger[][] f) {
        BigInteger[][] s = new BigInteger[f.length][];
        for (int i = 0; i < f.length; i++) {
            s[i] = suffixes(f[i]);
        }
        return s;
    }

    private static BigInteger[] suffixes(BigInteger[] f) {
        BigInteger[] s = new BigInteger[f.length + 1];
        s[f.length] = BigInteger.ZERO;
        for (int j = f.length - 1; j >= 0; j--) {
            s[j] = s[j + 1].add(f[j]);
        }
        return s;
    }

    /** A uniform integer in [0, bound) from whole random bits, redrawn when too large (accepted with p > 1/2). */
    static BigInteger uniform(SplittableRandom rng, BigInteger bound) {
        int bits = bound.bitLength();
        while (true) {
            BigInteger r = BigInteger.ZERO;
            for (int got = 0; got < bits; got += 62) {
                int take = Math.min(62, bits - got);
                r = r.shiftLeft(take).or(BigInteger.valueOf(rng.nextLong() >>> (64 - take)));
            }
            if (r.compareTo(bound) < 0) {
                return r;
            }
        }
    }
}
