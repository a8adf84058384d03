package org.ndsw.space;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ndsw.NdswException;
import org.ndsw.complexity.AnyNet;
import org.ndsw.complexity.RegNet;

/**
 * A RegNet design space (Radosavovic et al., "Designing Network Design Spaces", CVPR 2020, §3.3 and §4): ranges of
 * the six RegNet parameters d, w0, wa, wm, g and b, drawn as pycls's regnet_sampler draws them, with the networks they
 * generate (docs/decisions/0016-regnet-spaces.md).
 *
 * <p>d is uniform; w0, wa and wm are log-uniform, quantized to 8, 0.1 and 0.001; g is pycls's power2_or_log_uniform
 * with quantum 8; b is a power of two with a uniform exponent. A drawn setting whose generated net does not have
 * exactly `numStages` stages (pycls's sweeps: 4), or whose quantization leaves a stage empty, is rejected and drawn
 * again, as pycls's sweep setup does. The space's nets are pycls AnyNets: a simple_stem_in of `stemWidth`, every stage
 * at stride 2, res_bottleneck_block with SE of ratio `seRatio` (0: none, RegNetX; 0.25: RegNetY), no head conv.
 *
 * <p>{@link #size()} counts the quantized parameter settings the sampler can draw, before the stage rejection: an upper
 * bound on the settings of the space, not the exact number ({@link #sizeIsExact()} is false).
 *
 * @param numStages the number of stages a generated net must have
 */
public record RegNetSpace(String name, String description, IntRange depth, IntRange w0, DecRange wa, DecRange wm,
        IntRange groupWidth, DecRange botMul, double seRatio, int stemWidth, int numStages, StageSpace.Pycls pycls)
        implements DesignSpace {
    /** The quantum of wa in pycls's regnet_sampler. */
    public static final BigDecimal WA_Q = new BigDecimal("0.1");
    /** The quantum of wm in pycls's regnet_sampler. */
    public static final BigDecimal WM_Q = new BigDecimal("0.001");
    /** The quantum of the group widths drawn log-uniformly (those of 8 and more). */
    public static final int GROUP_W_Q = 8;
    /** Draws after which a space whose ranges never give `numStages` stages is reported. */
    public static final int MAX_TRIES = 100_000;

    /** An inclusive integer range. */
    public record IntRange(int min, int max) {}

    /** An inclusive decimal range. */
    public record DecRange(BigDecimal min, BigDecimal max) {}

    /** Validates the space as pycls's validate_sampler does, and what the file format adds. */
    public RegNetSpace {
        require(depth.min() >= 1 && depth.min() <= depth.max(), "regnet.depth", depth.min() + ", " + depth.max(),
                "1 <= min <= max");
        require(w0.min() >= RegNet.Q && w0.min() <= w0.max() && w0.min() % RegNet.Q == 0 && w0.max() % RegNet.Q == 0,
                "regnet.w0", w0.min() + ", " + w0.max(), "multiples of " + RegNet.Q + ", 8 <= min <= max");
        quantized(wa, WA_Q, "regnet.wa", BigDecimal.ZERO);
        quantized(wm, WM_Q, "regnet.wm", BigDecimal.ONE);
        require(groupWidth.min() >= 1 && groupWidth.min() <= groupWidth.max()
                && Integer.bitCount(groupWidth.min()) == 1 && Integer.bitCount(groupWidth.max()) == 1,
                "regnet.group_width", groupWidth.min() + ", " + groupWidth.max(), "powers of two, min <= max");
        require(PyclsDraws.isPowerOfTwo(botMul.min()) && PyclsDraws.isPowerOfTwo(botMul.max())
                && botMul.min().compareTo(botMul.max()) <= 0 && botMul.min().compareTo(new BigDecimal("0.0078125")) >= 0
                && botMul.max().compareTo(BigDecimal.valueOf(64)) <= 0,
                "regnet.bot_mul", botMul.min() + ", " + botMul.max(), "powers of two in [1/128, 64], min <= max");
        require(seRatio >= 0 && seRatio <= 1, "regnet.se_ratio", Double.toString(seRatio), "in [0, 1] (0: no SE)");
        require(stemWidth >= 1 && stemWidth <= org.ndsw.Domains.WIDTH.max(), "regnet.stem_width",
                Integer.toString(stemWidth), org.ndsw.Domains.WIDTH.range());
        require(numStages >= 1 && numStages <= org.ndsw.Domains.STAGES.max(), "regnet.num_stages",
                Integer.toString(numStages), org.ndsw.Domains.STAGES.range());
        if (pycls == null) {
            throw new NdswException("a RegNet space needs a pycls section (im_size, num_classes)");
        }
    }

    private static void quantized(DecRange r, BigDecimal q, String field, BigDecimal above) {
        boolean ok = r.min().compareTo(above) > 0 && r.min().compareTo(r.max()) <= 0
                && r.min().remainder(q).signum() == 0 && r.max().remainder(q).signum() == 0
                && r.max().compareTo(BigDecimal.valueOf(1_000_000)) <= 0;
        require(ok, field, r.min() + ", " + r.max(), "multiples of " + q + ", " + above + " < min <= max <= 1e6");
    }

    private static void require(boolean ok, String field, String got, String what) {
        if (!ok) {
            throw new NdswException(field + " must be [min, max] with " + what + ", got ["
                    + org.ndsw.Quote.cut(got) + "]");
        }
    }

    @Override
    public String family() {
        return "regnet";
    }

    @Override
    public StageSpace.Pycls pyclsInput() {
        return pycls;
    }

    @Override
    public boolean sizeIsExact() {
        return false;
    }

    /** The number of quantized settings (d, w0, wa, wm, g, b) the sampler can draw, before the stage rejection. */
    @Override
    public BigInteger size() {
        long d = depth.max() - depth.min() + 1L;
        long w = (w0.max() - w0.min()) / RegNet.Q + 1L;
        BigInteger a = wa.max().subtract(wa.min()).divide(WA_Q).toBigIntegerExact().add(BigInteger.ONE);
        BigInteger m = wm.max().subtract(wm.min()).divide(WM_Q).toBigIntegerExact().add(BigInteger.ONE);
        long g = PyclsDraws.power2OrLogCount(groupWidth.min(), groupWidth.max(), GROUP_W_Q);
        long b = PyclsDraws.exponent(botMul.max()) - PyclsDraws.exponent(botMul.min()) + 1L;
        return BigInteger.valueOf(d).multiply(BigInteger.valueOf(w)).multiply(a).multiply(m)
                .multiply(BigInteger.valueOf(g)).multiply(BigInteger.valueOf(b));
    }

    /** Draws one setting as pycls's regnet_sampler does, in its order d, w0, wa, wm, g, b; no stage check. */
    public RegNet drawSetting(SplittableRandom rng) {
        int d = PyclsDraws.uniform(rng, depth.min(), depth.max(), 1);
        int w = PyclsDraws.logUniform(rng, BigDecimal.valueOf(w0.min()), BigDecimal.valueOf(w0.max()),
                BigDecimal.valueOf(RegNet.Q)).intValueExact();
        double a = PyclsDraws.logUniform(rng, wa.min(), wa.max(), WA_Q).doubleValue();
        double m = PyclsDraws.logUniform(rng, wm.min(), wm.max(), WM_Q).doubleValue();
        int g = PyclsDraws.power2OrLogUniform(rng, groupWidth.min(), groupWidth.max(), GROUP_W_Q);
        double b = PyclsDraws.power2(rng, botMul.min(), botMul.max()).doubleValue();
        return new RegNet(d, w, a, m, g, b);
    }

    /** True if the setting generates exactly {@link #numStages} stages and none is empty, as pycls's sweeps require. */
    public boolean accepts(RegNet setting) {
        RegNet.Generated g = setting.generate();
        return g.widths().size() == g.totalStages() && g.totalStages() == numStages;
    }

    /** Draws settings until one is accepted ({@link #accepts}); gives up after {@link #MAX_TRIES}. */
    public RegNet sampleSetting(SplittableRandom rng) {
        for (int i = 0; i < MAX_TRIES; i++) {
            RegNet r = drawSetting(rng);
            if (accepts(r)) {
                return r;
            }
        }
        throw new NdswException("space " + name + ": " + MAX_TRIES + " RegNet settings drawn and none generates "
                + numStages + " stages; widen regnet.depth, regnet.wa or regnet.wm, or change regnet.num_stages");
    }

    @Override
    public StageSpec sample(SplittableRandom rng) {
        return spec(sampleSetting(rng));
    }

    /** The net of a setting as a stage-wise spec: the stem, then the generated stages at stride 2, SE of the space's ratio. */
    public StageSpec spec(RegNet setting) {
        List<StageSpec.Stage> out = new ArrayList<>();
        out.add(new StageSpec.Stage(1, stemWidth, 2, 0.0, 1));
        for (AnyNet.Stage s : setting.stages(2)) {
            out.add(new StageSpec.Stage(s.depth(), s.width(), s.stride(), s.botMul(),
                    s.bottleneckWidth() / s.groupWidth()));
        }
        return new StageSpec(BlockType.RES_BOTTLENECK, out, seRatio);
    }
}
