package org.ndsw.complexity;

/** A running sum of flops, params and acts, with one method per costed layer kind (docs/reference/complexity.md). */
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
        long weights = (long) kh * kw * (cin / groups) * cout;
        long spatial = (long) oh * ow;
        flops += weights * spatial;
        params += weights;
        acts += cout * spatial;
    }

    /** A square conv with a square output. */
    void conv(int k, int cin, int cout, int groups, int out) {
        conv(k, k, cin, cout, groups, out, out);
    }

    /** An affine BN on a c x h x h map. */
    void bn(int c, int h) {
        flops += (long) bnFlops * c * h * h;
        params += 2L * c;
    }

    /** A fully connected layer with bias. */
    void fc(int in, int out) {
        long weights = (long) in * out + out;
        flops += weights;
        params += weights;
        acts += out;
    }

    /** Adds `times` copies of what another tally counted. */
    void addTimes(Tally other, long times) {
        flops += other.flops * times;
        params += other.params * times;
        acts += other.acts * times;
    }

    Complexity result() {
        return new Complexity(flops, params, acts);
    }
}
