package org.ndsw.net;

import org.ndsw.complexity.AnyNet;
import org.ndsw.space.StageSpec;
import org.ndsw.space.StemType;

/**
 * Builds stage-wise networks (docs/reference/blocks-and-ops.md, pycls AnyNet): stem, stages of blocks, head.
 *
 * <p>Node names follow pycls: {@code stem.conv}, {@code s1.b1.a}, {@code s1.b1.proj}, {@code head.fc}.
 */
final class StageNetwork {
    private StageNetwork() {}

    /** The network (stem: the spec's net.stem_type), with squeeze-and-excitation of the spec's ratio in bottleneck blocks (0: none; RegNetY: 0.25). */
    static Graph build(StageSpec spec, Shape input, int classes) {
        double seRatio = spec.seRatio();
        GraphBuilder g = new GraphBuilder(input);
        StageSpec.Stage stem = spec.stages().get(0);
        int x;
        if (spec.stemType() == StemType.RES_STEM_IN) {
            x = AnyNetNetwork.stem(g, AnyNet.Stem.RES_STEM_IN, stem.width());
        } else {
            x = g.relu("stem.relu", g.bn("stem.bn", g.conv("stem.conv", 0, stem.width(), 3, stem.stride(), 1)));
        }
        for (int i = 1; i < spec.stages().size(); i++) {
            StageSpec.Stage st = spec.stages().get(i);
            for (int j = 0; j < st.depth(); j++) {
                String name = "s" + i + ".b" + (j + 1);
                int stride = j == 0 ? st.stride() : 1;
                x = block(g, spec, name, x, st, stride, seRatio);
            }
        }
        x = g.globalAvgPool("head.pool", x);
        g.linear("head.fc", x, classes, true);
        return g.build();
    }

    private static int block(GraphBuilder g, StageSpec spec, String name, int x, StageSpec.Stage st, int stride,
            double seRatio) {
        return switch (spec.blockType()) {
            case DOUBLE_PLAIN -> plain(g, name, x, st.width(), stride);
            case RES_BASIC -> residual(g, name, x, st.width(), stride, basic(g, name, x, st.width(), stride));
            case RES_BOTTLENECK -> residual(g, name, x, st.width(), stride, bottleneck(g, name, x, st, stride, seRatio));
        };
    }

    /** conv3x3-BN-ReLU twice, no shortcut. */
    private static int plain(GraphBuilder g, String n, int x, int w, int stride) {
        int a = g.relu(n + ".a_relu", g.bn(n + ".a_bn", g.conv(n + ".a", x, w, 3, stride, 1)));
        return g.relu(n + ".b_relu", g.bn(n + ".b_bn", g.conv(n + ".b", a, w, 3, 1, 1)));
    }

    /** F of the basic block: conv3x3-BN-ReLU, conv3x3-BN. */
    private static int basic(GraphBuilder g, String n, int x, int w, int stride) {
        int a = g.relu(n + ".f.a_relu", g.bn(n + ".f.a_bn", g.conv(n + ".f.a", x, w, 3, stride, 1)));
        return g.bn(n + ".f.b_bn", g.conv(n + ".f.b", a, w, 3, 1, 1));
    }

    /** F of the bottleneck block: conv1x1-BN-ReLU, grouped conv3x3-BN-ReLU, optional SE, conv1x1-BN. */
    private static int bottleneck(GraphBuilder g, String n, int x, StageSpec.Stage st, int stride, double seRatio) {
        int wb = StageSpec.bottleneckWidth(st.width(), st.botMul());
        return AnyNetNetwork.bottleneck(g, n, x, wb, st.groups(), st.width(), stride, seRatio);
    }

    /** out = ReLU(shortcut(x) + F(x)); the shortcut projects when width or stride changes. */
    private static int residual(GraphBuilder g, String n, int x, int w, int stride, int f) {
        int shortcut = x;
        if (g.shape(x).channels() != w || stride != 1) {
            shortcut = g.bn(n + ".proj_bn", g.conv(n + ".proj", x, w, 1, stride, 0));
        }
        return g.relu(n + ".relu", g.sum(n + ".add", java.util.List.of(shortcut, f)));
    }
}
