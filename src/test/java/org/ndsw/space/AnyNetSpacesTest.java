package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.ndsw.complexity.AnyNetComplexity;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;

/** The AnyNetX_A..E spaces of the RegNet paper (§3): sizes, the A to E chain, uniform draws and pycls's adjustment. */
class AnyNetSpacesTest {
    private static StageSpace space(String name) {
        return (StageSpace) BuiltinSpaces.find(name).orElseThrow();
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }

    @Test
    void sizesAreThePapersCounts() {
        BigInteger d = BigInteger.valueOf(16);
        BigInteger w = BigInteger.valueOf(128);
        BigInteger b = BigInteger.valueOf(3);
        BigInteger g = BigInteger.valueOf(6);
        assertEquals(d.multiply(w).multiply(b).multiply(g).pow(4), space("AnyNetX_A").size());
        assertEquals(d.multiply(w).multiply(g).pow(4).multiply(b), space("AnyNetX_B").size());
        assertEquals(d.multiply(w).pow(4).multiply(b).multiply(g), space("AnyNetX_C").size());
        // non-decreasing sequences of 4 from n values: C(n + 3, 4)
        assertEquals(d.pow(4).multiply(binomial(131, 4)).multiply(b).multiply(g), space("AnyNetX_D").size());
        assertEquals(binomial(19, 4).multiply(binomial(131, 4)).multiply(b).multiply(g), space("AnyNetX_E").size());
    }

    @Test
    void eachSpaceRefinesTheOneBefore() {
        assertEquals("", space("AnyNetX_A").parent());
        for (int i = 1; i < BuiltinSpaces.PYCLS_NAMES.size(); i++) {
            StageSpace s = space(BuiltinSpaces.PYCLS_NAMES.get(i));
            assertEquals(BuiltinSpaces.PYCLS_NAMES.get(i - 1), s.parent());
            assertEquals(i, s.constraints().relations().size());
            assertEquals(224, s.pycls().imageSize());
            assertEquals(1000, s.pycls().classes());
        }
    }

    @Test
    void settingsOfAnyNetXAAreUniformPerStage() {
        StageSpace s = space("AnyNetX_A");
        SplittableRandom rng = new SplittableRandom(11);
        int n = 12_800;
        long[][][] counts = new long[4][4][1025];
        for (int k = 0; k < n; k++) {
            List<StageSpec.Stage> st = s.sampleSettings(rng);
            for (int i = 0; i < 4; i++) {
                counts[i][0][st.get(i).depth()]++;
                counts[i][1][st.get(i).width()]++;
                counts[i][2][(int) Math.round(1 / st.get(i).botMul())]++;
                counts[i][3][st.get(i).groups()]++;
            }
        }
        for (int i = 0; i < 4; i++) {
            StageSpace.StageChoices c = s.stages().get(i);
            uniform(counts[i][0], c.depths(), n);
            uniform(counts[i][1], c.widths(), n);
            uniform(counts[i][2], c.ratios(), n);
            uniform(counts[i][3], c.groups(), n);
        }
    }

    private static void uniform(long[] counts, int[] choices, int n) {
        long[] observed = new long[choices.length];
        double[] expected = new double[choices.length];
        for (int j = 0; j < choices.length; j++) {
            observed[j] = counts[choices[j]];
            expected[j] = (double) n / choices.length;
        }
        assertTrue(new ChiSquareTest().chiSquareTest(expected, observed) > 1e-6);
    }

    @Test
    void anyNetXEDrawsMonotoneSharedSettingsWithTheExactFirstDepthLaw() {
        StageSpace s = space("AnyNetX_E");
        SplittableRandom rng = new SplittableRandom(12);
        int n = 20_000;
        long[] first = new long[16];
        for (int k = 0; k < n; k++) {
            List<StageSpec.Stage> st = s.sampleSettings(rng);
            for (int i = 1; i < 4; i++) {
                assertTrue(st.get(i).depth() >= st.get(i - 1).depth());
                assertTrue(st.get(i).width() >= st.get(i - 1).width());
                assertEquals(st.get(0).botMul(), st.get(i).botMul());
                assertEquals(st.get(0).groups(), st.get(i).groups());
            }
            first[st.get(0).depth() - 1]++;
        }
        // P(d_1 = v) = (non-decreasing sequences of 3 from {v..16}) / C(19, 4) = C(16 - v + 3, 3) / 3876
        double[] expected = new double[16];
        for (int v = 1; v <= 16; v++) {
            expected[v - 1] = n * binomial(19 - v, 3).doubleValue() / 3876;
        }
        double p = new ChiSquareTest().chiSquareTest(java.util.Arrays.copyOf(expected, 13),
                java.util.Arrays.copyOf(first, 13));
        assertTrue(p > 1e-6, "chi-square p = " + p);
    }

    @Test
    void adjustmentFollowsPyclsAdjustBlockCompatibility() {
        // v = w*b; g = min(g, v); v = max(g, round_half_even(v / g) * g); w = v / b
        assertEquals(new StageSpec.Stage(2, 32, 2, 1.0, 2), StageSpace.adjust(new StageSpec.Stage(2, 24, 2, 1.0, 16)));
        assertEquals(new StageSpec.Stage(2, 32, 2, 1.0, 2), StageSpace.adjust(new StageSpec.Stage(2, 40, 2, 1.0, 16)));
        assertEquals(new StageSpec.Stage(1, 8, 2, 0.25, 1), StageSpace.adjust(new StageSpec.Stage(1, 8, 2, 0.25, 32)));
        assertEquals(new StageSpec.Stage(1, 96, 2, 0.5, 3), StageSpace.adjust(new StageSpec.Stage(1, 96, 2, 0.5, 16)));
    }

    @Test
    void sampledNetsAreBuildableAndCountedOn224() {
        for (String name : BuiltinSpaces.PYCLS_NAMES) {
            StageSpace s = space(name);
            SplittableRandom rng = new SplittableRandom(13);
            for (int k = 0; k < 300; k++) {
                StageSpec spec = s.sample(rng);
                var macs = Complexities.of(s, spec, Convention.MACS);
                assertEquals(AnyNetComplexity.of(Complexities.anyNet(spec, 1000), 224, Convention.MACS), macs);
                assertNotEquals(Complexities.cifar(spec, Convention.MACS), macs);
            }
        }
    }
}
