package org.ndsw.complexity;

import java.util.List;
import org.ndsw.space.BlockType;
import org.ndsw.space.CellOp;
import org.ndsw.space.CellSpec;
import org.ndsw.space.Genotype;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.StageSpec;
import org.ndsw.space.StemType;

/**
 * Counts complexity in closed form, block by block and op by op, without building a graph.
 *
 * <p>This is the fast path used to filter millions of candidates; tests check it equals {@link GraphComplexity} on
 * random specs of every space. Square inputs only; every spatial size is floor((h - 1) / s) + 1 because every conv
 * and pool of the spaces pads to keep "same" size at stride 1.
 */
public final class ClosedFormComplexity {
    private ClosedFormComplexity() {}

    /** The complexity of a spec on a square `size` x `size` RGB input with `classes` classes. */
    public static Complexity of(ModelSpec spec, Convention convention, int size, int classes) {
        Tally t = new Tally(convention);
        try {
            if (spec instanceof StageSpec s) {
                stageNetwork(s, t, convention, size, classes);
            } else {
                cellNetwork((CellSpec) spec, t, size, classes);
            }
        } catch (ArithmeticException e) {
            throw Overflow.refuse(e);
        }
        return t.result();
    }

    private static int down(int h, int s) {
        return (h - 1) / s + 1;
    }

    private static void stageNetwork(StageSpec spec, Tally t, Convention convention, int size, int classes) {
        List<StageSpec.Stage> stages = spec.stages();
        StageSpec.Stage stem = stages.get(0);
        int h = down(size, stem.stride());
        if (spec.stemType() == StemType.RES_STEM_IN) { // 7x7 conv, BN, ReLU, 3x3 max-pool at stride 2
            t.conv(7, 3, stem.width(), 1, h);
            t.bn(stem.width(), h);
            h = down(h, 2);
            t.pool(stem.width(), h);
        } else {
            t.conv(3, 3, stem.width(), 1, h);
            t.bn(stem.width(), h);
        }
        int prev = stem.width();
        for (int i = 1; i < stages.size(); i++) {
            StageSpec.Stage st = stages.get(i);
            h = block(spec, st, prev, h, st.stride(), t);
            if (st.depth() > 1) {
                Tally rest = new Tally(convention);
                block(spec, st, st.width(), h, 1, rest);
                t.addTimes(rest, st.depth() - 1L);
            }
            prev = st.width();
        }
        t.fc(prev, classes);
    }

    /** Counts one block with input width cin at size h; returns the output size. */
    private static int block(StageSpec spec, StageSpec.Stage st, int cin, int h, int stride, Tally t) {
        int w = st.width();
        int ho = down(h, stride);
        switch (spec.blockType()) {
            case DOUBLE_PLAIN, RES_BASIC -> {
                t.conv(3, cin, w, 1, ho);
                t.bn(w, ho);
                t.conv(3, w, w, 1, ho);
                t.bn(w, ho);
            }
            case RES_BOTTLENECK -> {
                int wb = StageSpec.bottleneckWidth(w, st.botMul());
                t.conv(1, cin, wb, 1, h);
                t.bn(wb, h);
                t.conv(3, wb, wb, st.groups(), ho);
                t.bn(wb, ho);
                squeezeExcite(wb, (int) Math.rint(cin * spec.seRatio()), t);
                t.conv(1, wb, w, 1, ho);
                t.bn(w, ho);
            }
        }
        boolean residual = spec.blockType() != BlockType.DOUBLE_PLAIN;
        if (residual && (cin != w || stride != 1)) {
            t.conv(1, cin, w, 1, ho);
            t.bn(w, ho);
        }
        return ho;
    }

    /**
     * Squeeze-and-excitation of width `se` on a `wb`-channel map (none if `se` is 0): a pool, then two biased 1x1
     * convs on the 1x1 pooled map, counted as fc layers; no BN, so both conventions count it alike.
     */
    private static void squeezeExcite(int wb, int se, Tally t) {
        if (se > 0) {
            t.fc(wb, se);
            t.fc(se, wb);
        }
    }

    private static void cellNetwork(CellSpec spec, Tally t, int size, int classes) {
        int stemC = Math.multiplyExact(3, spec.width());
        t.conv(3, 3, stemC, 1, size);
        t.bn(stemC, size);
        int cpp = stemC;
        int cp = stemC;
        int hpp = size;
        int hp = size;
        int c = spec.width();
        boolean reductionPrev = false;
        Genotype g = spec.genotype();
        for (int i = 0; i < spec.depth(); i++) {
            boolean reduction = spec.isReduction(i);
            if (reduction) {
                c = Math.multiplyExact(c, 2);
            }
            if (reductionPrev) {
                factorizedReduce(cpp, c, down(hpp, 2), t);
            } else {
                reluConvBn(cpp, c, hpp, t);
            }
            reluConvBn(cp, c, hp, t);
            List<Genotype.Edge> edges = reduction ? g.reduce() : g.normal();
            for (int e = 0; e < edges.size(); e++) {
                Genotype.Edge edge = edges.get(e);
                boolean fromInput = edge.input() < 2;
                int s = reduction && fromInput ? 2 : 1;
                int h = reduction && !fromInput ? down(hp, 2) : hp;
                op(edge.op(), c, h, s, t);
            }
            int outs = (reduction ? g.reduceConcat() : g.normalConcat()).size();
            cpp = cp;
            cp = Math.multiplyExact(outs, c);
            hpp = hp;
            hp = reduction ? down(hp, 2) : hp;
            reductionPrev = reduction;
        }
        t.fc(cp, classes);
    }

    /** Counts one op on a C-channel map of size h with stride s. */
    private static void op(CellOp op, int c, int h, int s, Tally t) {
        int k = op.kernel();
        int ho = down(h, s);
        switch (op) {
            case NONE, AVG_POOL_3X3, MAX_POOL_3X3, MAX_POOL_5X5, MAX_POOL_7X7 -> { }
            case SKIP_CONNECT -> {
                if (s != 1) {
                    factorizedReduce(c, c, ho, t);
                }
            }
            case CONV_1X1, CONV_3X3 -> {
                t.conv(k, c, c, 1, ho);
                t.bn(c, ho);
            }
            case CONV_3X1_1X3, CONV_7X1_1X7 -> {
                t.conv(1, k, c, c, 1, h, ho);
                t.conv(k, 1, c, c, 1, ho, ho);
                t.bn(c, ho);
            }
            case SEP_CONV_3X3, SEP_CONV_5X5, SEP_CONV_7X7, DIL_SEP_CONV_3X3 -> {
                depthwiseSeparable(c, k, ho, t);
                depthwiseSeparable(c, k, ho, t);
            }
            case DIL_CONV_3X3, DIL_CONV_5X5 -> depthwiseSeparable(c, k, ho, t);
        }
    }

    /** Depthwise kxk, pointwise 1x1, BN, all with output size ho (dilation changes no count). */
    private static void depthwiseSeparable(int c, int k, int ho, Tally t) {
        t.conv(k, c, c, c, ho);
        t.conv(1, c, c, 1, ho);
        t.bn(c, ho);
    }

    /** ReLU-conv1x1-BN from cin to c channels at size h. */
    private static void reluConvBn(int cin, int c, int h, Tally t) {
        t.conv(1, cin, c, 1, h);
        t.bn(c, h);
    }

    /** FactorizedReduce from cin to c channels with output size ho: two stride-2 1x1 convs to c/2, BN. */
    private static void factorizedReduce(int cin, int c, int ho, Tally t) {
        t.conv(1, cin, c / 2, 1, ho);
        t.conv(1, cin, c / 2, 1, ho);
        t.bn(c, ho);
    }
}
