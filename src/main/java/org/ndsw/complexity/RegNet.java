package org.ndsw.complexity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ndsw.NdswException;

/**
 * The RegNet parameterization (Radosavovic et al., "Designing Network Design Spaces", CVPR 2020, section 3.3): a
 * linear width per block, u_j = w0 + wa x j, quantized to powers of wm and to multiples of q = 8, then grouped into
 * stages of equal width, as pycls's generate_regnet does (docs/complexity.md, "pycls convention: AnyNet and RegNet").
 *
 * <p>Every rounding is half to even ({@link Math#rint}), as numpy's round and Python's round are: RegNetY-800MF
 * depends on it (136 / 16 = 8.5 rounds to 8). Logarithms and powers use {@link StrictMath} so that the widths do not
 * depend on the JVM. Errors name the parameter by its pycls config key (REGNET.WM, ...).
 *
 * @param depth d, the number of blocks
 * @param w0 initial width, a positive multiple of q
 * @param wa slope, at least 0
 * @param wm width multiplier, above 1
 * @param groupWidth g, channels per group of every bottleneck's 3x3 conv (before clipping to the bottleneck width)
 * @param botMul b, the bottleneck multiplier (pycls's BOT_MUL, the paper's 1 / b)
 */
public record RegNet(int depth, int w0, double wa, double wm, int groupWidth, double botMul) {
    /** The width quantum q. */
    public static final int Q = 8;

    /** Validates the parameters as generate_regnet asserts them, plus a positive depth, group width and b. */
    public RegNet {
        if (depth < 1) {
            throw new NdswException("REGNET.DEPTH, the RegNet depth d, must be at least 1, got " + depth);
        }
        if (w0 < 1 || w0 % Q != 0) {
            throw new NdswException("REGNET.W0, the RegNet initial width w0, must be a positive multiple of " + Q + ", got " + w0);
        }
        if (!(wa >= 0) || Double.isInfinite(wa)) {
            throw new NdswException("REGNET.WA, the RegNet slope wa, must be at least 0, got " + wa);
        }
        if (!(wm > 1) || Double.isInfinite(wm)) {
            throw new NdswException("REGNET.WM, the RegNet width multiplier wm, must be above 1, got " + wm);
        }
        if (groupWidth < 1) {
            throw new NdswException("REGNET.GROUP_W, the RegNet group width g, must be at least 1, got " + groupWidth);
        }
        if (!(botMul > 0) || Double.isInfinite(botMul) || botMul > 1 && botMul != Math.rint(botMul)) {
            throw new NdswException("REGNET.BOT_MUL, the RegNet bottleneck multiplier b, must be positive, and whole if above 1, got "
                    + botMul);
        }
    }

    /**
     * Per-stage widths and depths before the block compatibility adjustment, as generate_regnet returns them.
     *
     * @param widths stage widths, increasing
     * @param depths blocks per stage
     * @param totalStages the number of stages the quantization allows (max exponent + 1); pycls's sweeps keep only nets
     *     with 4 stages, the workbench keeps any number
     */
    public record Generated(List<Integer> widths, List<Integer> depths, int totalStages) {}

    /** The quantized width of every block: q x round(w0 x wm^round(log(u_j / w0) / log wm) / q). */
    public int[] blockWidths() {
        int[] ws = new int[depth];
        for (int j = 0; j < depth; j++) {
            double quanta = Math.rint(w0 * StrictMath.pow(wm, exponent(j)) / Q);
            if (quanta > Integer.MAX_VALUE / Q) {
                throw new NdswException("the RegNet width of block " + (j + 1) + " (" + w0 + " x " + wm + "^"
                        + (long) exponent(j) + ") is too large for a channel count; lower REGNET.WA or REGNET.DEPTH");
            }
            ws[j] = (int) quanta * Q;
        }
        return ws;
    }

    /** round(log(u_j / w0) / log wm), the exponent block j's width is quantized to. */
    private double exponent(int j) {
        double continuous = j * wa + w0;
        return Math.rint(StrictMath.log(continuous / w0) / StrictMath.log(wm));
    }

    /** The stage widths and depths generate_regnet gives: the distinct block widths, ascending, with their counts. */
    public Generated generate() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int w : blockWidths()) {
            counts.merge(w, 1, Integer::sum);
        }
        return new Generated(List.copyOf(counts.keySet()), List.copyOf(counts.values()),
                (int) exponent(depth - 1) + 1);
    }

    /**
     * The stages after pycls's block compatibility adjustment, all with stride `stride`: the group width is clipped to
     * the bottleneck width v = max(1, floor(w x b)), then v is rounded (half to even) to a multiple of the group width
     * (of lcm(g, b) when b is a whole number above 1), at least one multiple, and the stage width becomes floor(v / b).
     */
    public List<AnyNet.Stage> stages(int stride) {
        Generated g = generate();
        List<AnyNet.Stage> out = new ArrayList<>();
        for (int i = 0; i < g.widths().size(); i++) {
            int w = g.widths().get(i);
            int v = (int) Math.max(1, w * botMul);
            int gw = Math.min(groupWidth, v);
            int m = botMul > 1 ? lcm(gw, (int) botMul) : gw;
            int vq = (int) Math.max(m, Math.rint((double) v / m) * m);
            out.add(new AnyNet.Stage(g.depths().get(i), (int) (vq / botMul), stride, botMul, gw));
        }
        return out;
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return Math.multiplyExact(a / x, b);
    }
}
