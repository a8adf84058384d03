package org.ndsw.net;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.space.CellOp;
import org.ndsw.space.CellSpec;
import org.ndsw.space.Genotype;

/**
 * Builds NAS cell networks in the DARTS CIFAR skeleton (docs/reference/blocks-and-ops.md#cell-networks): stem, `depth` cells, head.
 *
 * <p>Node names: {@code stem.conv}, {@code c3.pre0.conv}, {@code c3.n1.e0.sep1.dw}, {@code head.fc}. With
 * {@code aux} the auxiliary head (DARTS AuxiliaryHeadCIFAR) reads the output of cell floor(2d/3), the second reduction
 * cell: {@code aux.relu}, {@code aux.pool}, {@code aux.conv1}, {@code aux.bn1}, ..., {@code aux.fc}. With a drop
 * probability above 0 every op output that is not an identity passes a drop-path node ({@code c3.n1.e0.drop}), as
 * in DARTS' Cell.forward.
 */
final class CellNetwork {
    /** The stem has 3·w channels (DARTS stem_multiplier). */
    private static final int STEM_MULTIPLIER = 3;
    /** Channels of the auxiliary head's 1x1 and 2x2 convolutions (DARTS AuxiliaryHeadCIFAR). */
    private static final int AUX_HIDDEN = 128;
    private static final int AUX_FEATURES = 768;
    /** The auxiliary head's average pooling: 5x5, stride 3, no padding, on the 8x8 map of CIFAR (DARTS). */
    private static final int AUX_POOL = 5;
    private static final int AUX_POOL_STRIDE = 3;

    private CellNetwork() {}

    static Graph build(CellSpec spec, Shape input, int classes) {
        GraphBuilder g = new GraphBuilder(input);
        int stem = g.bn("stem.bn", g.conv("stem.conv", 0, STEM_MULTIPLIER * spec.width(), 3, 1, 1));
        int s0 = stem;
        int s1 = stem;
        int c = spec.width();
        boolean reductionPrev = false;
        for (int i = 0; i < spec.depth(); i++) {
            boolean reduction = spec.isReduction(i);
            if (reduction) {
                c *= 2;
            }
            int out = cell(g, "c" + i, spec, reduction, reductionPrev, s0, s1, c);
            s0 = s1;
            s1 = out;
            reductionPrev = reduction;
            if (spec.aux() && i == 2 * spec.depth() / 3) {
                g.auxOutput(auxHead(g, s1, classes, i));
            }
        }
        int pooled = g.globalAvgPool("head.pool", s1);
        g.linear("head.fc", pooled, classes, true);
        return g.build();
    }

    /**
     * DARTS AuxiliaryHeadCIFAR on node x: ReLU, avg pool 5x5 stride 3 (no padding), conv1x1 to 128, BN, ReLU, conv2x2 to
     * 768, BN, ReLU, fc to the classes with bias. DARTS builds it for an 8x8 map (1x1 after the 2x2 conv).
     */
    private static int auxHead(GraphBuilder g, int x, int classes, int cell) {
        Shape in = g.shape(x);
        if (in.height() != 8 || in.width() != 8) {
            throw new org.ndsw.NdswException("net.aux: the auxiliary head (DARTS AuxiliaryHeadCIFAR) needs the 8x8 map"
                    + " of the second reduction cell, but cell " + cell + " gives " + in.height() + "x" + in.width()
                    + " (net.depth must be at least 2 on 32x32 images)");
        }
        int r = g.relu("aux.relu", x);
        int p = g.pool("aux.pool", r, Layer.PoolKind.AVG, AUX_POOL, AUX_POOL_STRIDE, 0);
        int a = g.relu("aux.relu1", g.bn("aux.bn1", g.conv("aux.conv1", p, AUX_HIDDEN, 1, 1, 0)));
        int b = g.relu("aux.relu2", g.bn("aux.bn2", g.conv("aux.conv2", a, AUX_FEATURES, 2, 1, 0)));
        return g.linear("aux.fc", b, classes, true);
    }

    private static int cell(GraphBuilder g, String n, CellSpec spec, boolean reduction, boolean reductionPrev,
            int s0, int s1, int c) {
        Genotype genotype = spec.genotype();
        int p0 = reductionPrev ? factorizedReduce(g, n + ".pre0", s0, c) : reluConvBn(g, n + ".pre0", s0, c);
        int p1 = reluConvBn(g, n + ".pre1", s1, c);
        List<Genotype.Edge> edges = reduction ? genotype.reduce() : genotype.normal();
        List<Integer> concat = reduction ? genotype.reduceConcat() : genotype.normalConcat();
        List<Integer> states = new ArrayList<>(List.of(p0, p1));
        for (int i = 0; i < edges.size() / 2; i++) {
            int[] terms = new int[2];
            for (int e = 0; e < 2; e++) {
                Genotype.Edge edge = edges.get(2 * i + e);
                int stride = reduction && edge.input() < 2 ? 2 : 1;
                String name = n + ".n" + i + ".e" + e;
                int x = states.get(edge.input());
                terms[e] = op(g, name, edge.op(), x, c, stride);
                if (spec.dropProb() > 0 && terms[e] != x) {
                    terms[e] = g.dropPath(name + ".drop", terms[e]);
                }
            }
            states.add(g.sum(n + ".n" + i + ".add", List.of(terms[0], terms[1])));
        }
        List<Integer> outs = concat.stream().map(states::get).toList();
        return g.concat(n + ".concat", outs);
    }

    /** Builds one op on input x with C channels and the given stride; returns the op's output node. */
    static int op(GraphBuilder g, String n, CellOp op, int x, int c, int s) {
        int k = op.kernel();
        return switch (op) {
            case NONE -> g.zero(n + ".zero", x, s);
            case SKIP_CONNECT -> s == 1 ? x : factorizedReduce(g, n + ".fr", x, c);
            case AVG_POOL_3X3 -> g.pool(n + ".pool", x, Layer.PoolKind.AVG, k, s, k / 2);
            case MAX_POOL_3X3, MAX_POOL_5X5, MAX_POOL_7X7 -> g.pool(n + ".pool", x, Layer.PoolKind.MAX, k, s, k / 2);
            case CONV_1X1, CONV_3X3 -> g.bn(n + ".bn", g.conv(n + ".conv", g.relu(n + ".relu", x), c, k, s, k / 2));
            case CONV_3X1_1X3, CONV_7X1_1X7 -> asymmetric(g, n, x, c, k, s);
            case SEP_CONV_3X3, SEP_CONV_5X5, SEP_CONV_7X7 -> sepConv(g, n, x, c, k, s, 1);
            case DIL_SEP_CONV_3X3 -> sepConv(g, n, x, c, k, s, 2);
            case DIL_CONV_3X3, DIL_CONV_5X5 -> dilConv(g, n, x, c, k, s, 2);
        };
    }

    /** ReLU, conv 1xk (stride (1,s)), conv kx1 (stride (s,1)), BN. */
    private static int asymmetric(GraphBuilder g, String n, int x, int c, int k, int s) {
        int r = g.relu(n + ".relu", x);
        int a = g.conv(n + ".conv1", r, c, 1, k, 1, s, 0, k / 2, 1, 1);
        int b = g.conv(n + ".conv2", a, c, k, 1, s, 1, k / 2, 0, 1, 1);
        return g.bn(n + ".bn", b);
    }

    /** Two rounds of ReLU, depthwise kxk, conv1x1, BN; only the first depthwise conv has stride s. */
    private static int sepConv(GraphBuilder g, String n, int x, int c, int k, int s, int dilation) {
        int a = dilConv(g, n + ".sep1", x, c, k, s, dilation);
        return dilConv(g, n + ".sep2", a, c, k, 1, dilation);
    }

    /** ReLU, depthwise kxk (dilation, padding d·(k-1)/2, stride s), conv1x1, BN. */
    private static int dilConv(GraphBuilder g, String n, int x, int c, int k, int s, int dilation) {
        int pad = dilation * (k - 1) / 2;
        int r = g.relu(n + ".relu", x);
        int dw = g.conv(n + ".dw", r, c, k, k, s, s, pad, pad, dilation, c);
        int pw = g.conv(n + ".pw", dw, c, 1, 1, 0);
        return g.bn(n + ".bn", pw);
    }

    /** ReLU, conv1x1, BN. */
    private static int reluConvBn(GraphBuilder g, String n, int x, int c) {
        return g.bn(n + ".bn", g.conv(n + ".conv", g.relu(n + ".relu", x), c, 1, 1, 0));
    }

    /** FactorizedReduce: ReLU; conv1x1/2 on x and on x shifted by one pixel (C/2 each); concat; BN. */
    static int factorizedReduce(GraphBuilder g, String n, int x, int c) {
        int r = g.relu(n + ".relu", x);
        int a = g.conv(n + ".conv1", r, c / 2, 1, 2, 0);
        int b = g.conv(n + ".conv2", g.shift(n + ".shift", r), c / 2, 1, 2, 0);
        return g.bn(n + ".bn", g.concat(n + ".concat", List.of(a, b)));
    }
}
