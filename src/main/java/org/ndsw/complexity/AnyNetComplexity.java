package org.ndsw.complexity;

import org.ndsw.NdswException;

/**
 * Counts the complexity of an {@link AnyNet} on a square RGB input of any size, layer by layer as pycls's complexity
 * functions do (docs/complexity.md, "pycls convention: AnyNet and RegNet").
 *
 * <p>Under {@link Convention#MACS} this is pycls's current convention: flops are conv and fc multiply-accumulates plus
 * their biases (only the SE convs and the fc have biases); BN, activations, adds, pooling and the SE multiply count 0;
 * params include BN's weight and bias; acts are the output elements of convs, fc and the ResNet stem's max-pool. Under
 * {@link Convention#NDS} each BN output element adds 5 flops. Every spatial size is floor((h - 1) / s) + 1 (odd kernels,
 * padding (k - 1) / 2).
 */
public final class AnyNetComplexity {
    private AnyNetComplexity() {}

    /** The complexity of `net` on a `size` x `size` RGB input; an error if a count does not fit in a long. */
    public static Complexity of(AnyNet net, int size, Convention convention) {
        if (size < 1) {
            throw new NdswException("the input size must be at least 1, got " + size);
        }
        Tally t = new Tally(convention);
        try {
            int h = stem(net, size, t);
            int prev = net.stemWidth();
            for (AnyNet.Stage stage : net.stages()) {
                h = stage(net, stage, prev, h, t, convention);
                prev = stage.width();
            }
            head(net, prev, h, t);
        } catch (ArithmeticException e) {
            throw Overflow.refuse(e);
        }
        return t.result();
    }

    private static int down(int h, int s) {
        return (h - 1) / s + 1;
    }

    /** Counts the stem; returns its output size. */
    private static int stem(AnyNet net, int size, Tally t) {
        int w = net.stemWidth();
        switch (net.stem()) {
            case RES_STEM_CIFAR -> {
                t.conv(3, 3, w, 1, size);
                t.bn(w, size);
                return size;
            }
            case RES_STEM_IN -> {
                int h = down(size, 2);
                t.conv(7, 3, w, 1, h);
                t.bn(w, h);
                int pooled = down(h, 2);
                t.pool(w, pooled);
                return pooled;
            }
            case SIMPLE_STEM_IN -> {
                int h = down(size, 2);
                t.conv(3, 3, w, 1, h);
                t.bn(w, h);
                return h;
            }
            default -> throw new IllegalStateException("unknown stem " + net.stem());
        }
    }

    /** Counts a stage: its first block, then depth - 1 copies of the repeated block; returns the output size. */
    private static int stage(AnyNet net, AnyNet.Stage s, int cin, int h, Tally t, Convention convention) {
        int ho = block(net, s, cin, h, s.stride(), t);
        if (s.depth() > 1) {
            Tally rest = new Tally(convention);
            block(net, s, s.width(), ho, 1, rest);
            t.addTimes(rest, s.depth() - 1L);
        }
        return ho;
    }

    /** Counts one block with input width cin at size h; returns the output size. */
    private static int block(AnyNet net, AnyNet.Stage s, int cin, int h, int stride, Tally t) {
        int w = s.width();
        int ho = down(h, stride);
        boolean projected = net.block() != AnyNet.Block.VANILLA_BLOCK
                && net.block() != AnyNet.Block.RES_BOTTLENECK_LINEAR_BLOCK && (cin != w || stride != 1);
        if (projected) {
            t.conv(1, cin, w, 1, ho);
            t.bn(w, ho);
        }
        if (net.block().isBottleneck()) {
            bottleneck(s, cin, h, ho, net.seRatio(), t);
        } else {
            t.conv(3, cin, w, 1, ho);
            t.bn(w, ho);
            t.conv(3, w, w, 1, ho);
            t.bn(w, ho);
        }
        return ho;
    }

    /** 1x1, BN, 3x3 grouped at the block's stride, BN, optional SE, 1x1, BN. */
    private static void bottleneck(AnyNet.Stage s, int cin, int h, int ho, double seRatio, Tally t) {
        int wb = s.bottleneckWidth();
        int groups = wb / s.groupWidth();
        t.conv(1, cin, wb, 1, h);
        t.bn(wb, h);
        t.conv(3, wb, wb, groups, ho);
        t.bn(wb, ho);
        int se = (int) Math.rint(cin * seRatio);
        if (se > 0) {
            t.fc(wb, se);
            t.fc(se, wb);
        }
        t.conv(1, wb, s.width(), 1, ho);
        t.bn(s.width(), ho);
    }

    /** Optional 1x1 conv and BN, global average pool, fc with bias. */
    private static void head(AnyNet net, int cin, int h, Tally t) {
        int in = cin;
        if (net.headWidth() > 0) {
            t.conv(1, cin, net.headWidth(), 1, h);
            t.bn(net.headWidth(), h);
            in = net.headWidth();
        }
        t.fc(in, net.classes());
    }
}
