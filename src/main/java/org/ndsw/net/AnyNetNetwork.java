package org.ndsw.net;

import java.util.List;
import org.ndsw.complexity.AnyNet;

/**
 * Builds the network of a pycls AnyNet (pycls/models/anynet.py; docs/reference/blocks-and-ops.md) at any input size:
 * the stems res_stem_cifar (3x3 conv, BN, ReLU), res_stem_in (7x7 conv stride 2, BN, ReLU, 3x3 max-pool stride 2,
 * padding 1) and simple_stem_in (3x3 conv stride 2, BN, ReLU); the blocks vanilla_block, res_basic_block,
 * res_bottleneck_block (groups = bottleneck width / group width) and res_bottleneck_linear_block; the optional 1x1
 * head conv; global average pooling and the fc layer with bias. With se_r above 0, bottleneck blocks get
 * squeeze-and-excitation after the grouped 3x3 conv's ReLU, of width round(se_r x the block's input width)
 * ({@link GraphBuilder#squeezeExcite}).
 */
public final class AnyNetNetwork {
    private AnyNetNetwork() {}

    /** The graph of `net` on a 3 x size x size input. */
    public static Graph build(AnyNet net, int size) {
        GraphBuilder g = new GraphBuilder(new Shape(3, size, size));
        int x = stem(g, net.stem(), net.stemWidth());
        for (int i = 0; i < net.stages().size(); i++) {
            AnyNet.Stage st = net.stages().get(i);
            for (int j = 0; j < st.depth(); j++) {
                x = block(g, net.block(), "s" + (i + 1) + ".b" + (j + 1), x, st, j == 0 ? st.stride() : 1,
                        net.seRatio());
            }
        }
        if (net.headWidth() > 0) {
            x = g.relu("head.conv_relu", g.bn("head.conv_bn", g.conv("head.conv", x, net.headWidth(), 1, 1, 0)));
        }
        x = g.globalAvgPool("head.pool", x);
        g.linear("head.fc", x, net.classes(), true);
        return g.build();
    }

    /** The stem named as in pycls, from node 0. */
    static int stem(GraphBuilder g, AnyNet.Stem stem, int w) {
        return switch (stem) {
            case RES_STEM_CIFAR -> g.relu("stem.relu", g.bn("stem.bn", g.conv("stem.conv", 0, w, 3, 1, 1)));
            case SIMPLE_STEM_IN -> g.relu("stem.relu", g.bn("stem.bn", g.conv("stem.conv", 0, w, 3, 2, 1)));
            case RES_STEM_IN -> {
                int r = g.relu("stem.relu", g.bn("stem.bn", g.conv("stem.conv", 0, w, 7, 2, 3)));
                yield g.pool("stem.pool", r, Layer.PoolKind.MAX, 3, 2, 1);
            }
        };
    }

    private static int block(GraphBuilder g, AnyNet.Block type, String n, int x, AnyNet.Stage st, int stride,
            double seRatio) {
        int w = st.width();
        return switch (type) {
            case VANILLA_BLOCK -> {
                int a = g.relu(n + ".a_relu", g.bn(n + ".a_bn", g.conv(n + ".a", x, w, 3, stride, 1)));
                yield g.relu(n + ".b_relu", g.bn(n + ".b_bn", g.conv(n + ".b", a, w, 3, 1, 1)));
            }
            case RES_BASIC_BLOCK -> {
                int a = g.relu(n + ".f.a_relu", g.bn(n + ".f.a_bn", g.conv(n + ".f.a", x, w, 3, stride, 1)));
                yield residual(g, n, x, w, stride, g.bn(n + ".f.b_bn", g.conv(n + ".f.b", a, w, 3, 1, 1)));
            }
            case RES_BOTTLENECK_BLOCK -> residual(g, n, x, w, stride, bottleneck(g, n, x, st, stride, seRatio));
            case RES_BOTTLENECK_LINEAR_BLOCK -> {
                int f = bottleneck(g, n, x, st, stride, seRatio);
                boolean same = g.shape(x).channels() == w && stride == 1;
                yield same ? g.sum(n + ".add", List.of(x, f)) : f;
            }
        };
    }

    /**
     * 1x1 conv to w_b, BN, ReLU; 3x3 conv with w_b / g groups at the stride, BN, ReLU; SE of width
     * round(se_r x w_in) when that is above 0; 1x1 conv to w, BN.
     */
    private static int bottleneck(GraphBuilder g, String n, int x, AnyNet.Stage st, int stride, double seRatio) {
        return bottleneck(g, n, x, st.bottleneckWidth(), st.bottleneckWidth() / st.groupWidth(), st.width(), stride,
                seRatio);
    }

    /** The bottleneck transform F of pycls (BottleneckTransform) with w_b, groups and output width given. */
    static int bottleneck(GraphBuilder g, String n, int x, int wb, int groups, int w, int stride, double seRatio) {
        int se = seWidth(g.shape(x).channels(), seRatio);
        int a = g.relu(n + ".f.a_relu", g.bn(n + ".f.a_bn", g.conv(n + ".f.a", x, wb, 1, 1, 0)));
        int b = g.conv(n + ".f.b", a, wb, 3, 3, stride, stride, 1, 1, 1, groups);
        b = g.relu(n + ".f.b_relu", g.bn(n + ".f.b_bn", b));
        if (se > 0) {
            b = g.squeezeExcite(n + ".f.se", b, se);
        }
        return g.bn(n + ".f.c_bn", g.conv(n + ".f.c", b, w, 1, 1, 0));
    }

    /** pycls's SE width: round(w_in x se_r), half to even (numpy round); 0 means no SE. */
    static int seWidth(int wIn, double seRatio) {
        return (int) Math.rint(wIn * seRatio);
    }

    /** ReLU(shortcut(x) + f); the shortcut is a 1x1 conv with the stride and BN when width or stride changes. */
    private static int residual(GraphBuilder g, String n, int x, int w, int stride, int f) {
        int shortcut = x;
        if (g.shape(x).channels() != w || stride != 1) {
            shortcut = g.bn(n + ".proj_bn", g.conv(n + ".proj", x, w, 1, stride, 0));
        }
        return g.relu(n + ".relu", g.sum(n + ".add", List.of(shortcut, f)));
    }
}
