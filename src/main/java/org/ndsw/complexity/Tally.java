package org.ndsw.complexity;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * A running sum of flops, params and acts, with one method per costed layer kind (docs/reference/complexity.md).
 *
 * <p>Every sum and product is exact: a count that does not fit in a long throws ArithmeticException, which
 * {@link Overflow#refuse} turns into a clear error rather than a wrapped-around number.
 */
final class Tally {
    private final int bnFlops;
    long flops;
    long params;
    long acts;

    Tally(Convention convention) {
        this.bnFlops = convention.flopsPerBnElement();
    }

    /** A kh x kw conv from cin to cout channels in `groups` groups, with an oh x ow output. */
    void conv(int kh, int kw, int cin, int cout, int groups, int oh, int ow) {
        long weights = multiplyExact(multiplyExact((long) kh * kw, cin / groups), cout);
        long spatial = multiplyExact((long) oh, ow);
        flops = addExact(flops, multiplyExact(weights, spatial));
        params = addExact(params, weights);
        acts = addExact(acts, multiplyExact((long) cout, spatial));
    }

    /** A square conv with a square output. */
    void conv(int k, int cin, int cout, int groups, int out) {
        conv(k, k, cin, cout, groups, out, out);
    }

    /** An affine BN on a c x h x h map. */
    void bn(int c, int h) {
        flops = addExact(flops, multiplyExact(multiplyExact((long) bnFlops * c, h), h));
        params = addExact(params, 2L * c);
    }

    /** A pooling layer with a c x out x out output: no flops or params, its outputs count as acts. */
    void pool(int c, int out) {
        acts = addExact(acts, multiplyExact(multiplyExact((long) c, out), out));
    }

    /** A fully connected layer with bias (also a biased 1x1 conv on a 1x1 map, as in squeeze-and-excitation). */
    void fc(int in, int out) {
        long weights = addExact(multiplyExact((long) in, out), out);
        flops = addExact(flops, weights);
        params = addExact(params, weights);
        acts = addExact(acts, out);
    }

    /** Adds `times` copies of what another tally counted. */
    void addTimes(Tally other, long times) {
        flops = addExact(flops, multiplyExact(other.flops, times));
        params = addExact(params, multiplyExact(other.params, times));
        acts = addExact(acts, multiplyExact(other.acts, times));
    }

    Complexity result() {
        return new Complexity(flops, params, acts);
    }
}
