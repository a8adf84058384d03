package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.RegNet;

class RegNetSpaceTest {
    private static RegNetSpace space(String name) {
        return (RegNetSpace) BuiltinSpaces.find(name).orElseThrow();
    }

    @Test
    void builtinRangesAndSizeUpperBound() {
        RegNetSpace x = space("RegNetX");
        assertEquals(0.0, x.seRatio());
        assertEquals(0.25, space("RegNetY").seRatio());
        assertEquals(224, x.pyclsInput().imageSize());
        assertFalse(x.sizeIsExact());
        // 17 depths x 32 w0 x 2481 wa x 1001 wm x 7 group widths (1, 2, 4, then 8, 16, 24, 32) x 1 b
        assertEquals(BigInteger.valueOf(17L * 32 * 2481 * 1001 * 7), x.size());
    }

    @Test
    void drawsStayInTheQuantizedRangesAndAlwaysGiveFourStages() {
        RegNetSpace x = space("RegNetX");
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            RegNet r = x.drawSetting(rng);
            assertTrue(r.depth() >= 12 && r.depth() <= 28, "d " + r.depth());
            assertTrue(r.w0() >= 8 && r.w0() <= 256 && r.w0() % 8 == 0, "w0 " + r.w0());
            assertTrue(r.wa() >= 8 && r.wa() <= 256, "wa " + r.wa());
            assertEquals(Math.rint(r.wa() * 10) / 10, r.wa());
            assertTrue(r.wm() >= 2 && r.wm() <= 3, "wm " + r.wm());
            assertEquals(Math.rint(r.wm() * 1000) / 1000, r.wm());
            assertTrue(java.util.Set.of(1, 2, 4, 8, 16, 24, 32).contains(r.groupWidth()), "g " + r.groupWidth());
            assertEquals(1.0, r.botMul());
        }
        for (int i = 0; i < 200; i++) {
            StageSpec s = x.sample(rng);
            assertEquals(5, s.stages().size());
        }
    }

    /**
     * pycls's distributions: w0 log-uniform on (4, 256] rounded up to multiples of 8, so P(8) = ln 2 / ln 64 = 1/6;
     * g a power of two in {1, ..., 32} with a uniform exponent, those of 8 or more replaced by a log-uniform multiple
     * of 8 on (4, 32]: P(1) = P(2) = P(4) = P(8) = P(16) = 1/6, P(24) = ln(3/2) / ln 8 / 2, P(32) = ln(4/3) / ln 8 / 2.
     */
    @Test
    void drawsFollowPyclsDistributions() {
        RegNetSpace x = space("RegNetX");
        SplittableRandom rng = new SplittableRandom(5);
        int n = 120_000;
        java.util.Map<Integer, Integer> g = new java.util.HashMap<>();
        int w0Eight = 0;
        for (int i = 0; i < n; i++) {
            RegNet r = x.drawSetting(rng);
            g.merge(r.groupWidth(), 1, Integer::sum);
            w0Eight += r.w0() == 8 ? 1 : 0;
        }
        assertEquals(1.0 / 6, (double) w0Eight / n, 0.006);
        for (int v : new int[] {1, 2, 4, 8, 16}) {
            assertEquals(1.0 / 6, (double) g.get(v) / n, 0.006, "g = " + v);
        }
        assertEquals(Math.log(1.5) / Math.log(8) / 2, (double) g.get(24) / n, 0.006);
        assertEquals(Math.log(4.0 / 3) / Math.log(8) / 2, (double) g.get(32) / n, 0.006);
    }

    @Test
    void theSameSeedGivesTheSameNets() {
        RegNetSpace y = space("RegNetY");
        assertEquals(SpecJson.canonical(y.sample(new SplittableRandom(3))),
                SpecJson.canonical(y.sample(new SplittableRandom(3))));
    }

    @Test
    void regNetYCountsSqueezeAndExcitation() {
        StageSpec sx = space("RegNetX").sample(new SplittableRandom(11));
        StageSpec sy = space("RegNetY").sample(new SplittableRandom(11));
        long x = Complexities.of(space("RegNetX"), sx, Convention.MACS).params();
        long y = Complexities.of(space("RegNetY"), sy, Convention.MACS).params();
        assertTrue(y > x, x + " vs " + y);
        // the SE is the net's (net.se_r), not the space's: the space only sets the input size and classes
        assertEquals(y, Complexities.of(space("RegNetX"), sy, Convention.MACS).params());
        assertEquals(x, Complexities.of(space("RegNetY"), sx, Convention.MACS).params());
        // and the catalogue's CIFAR-10 count sees it too
        assertTrue(Complexities.cifar(sy, Convention.NDS).params() > Complexities.cifar(sx, Convention.NDS).params());
    }

    @Test
    void fileRoundTripsAsVersion3() {
        RegNetSpace y = space("RegNetY");
        String text = SpaceFiles.toText(y);
        assertTrue(text.contains("\"ndsw-space/3\""), text);
        assertEquals(y, SpaceFiles.parse(text, "y.json"));
    }

    @Test
    void badRegnetSectionsAreRefusedByField() {
        String good = SpaceFiles.toText(space("RegNetX"));
        NdswException e = assertThrows(NdswException.class,
                () -> SpaceFiles.parse(good.replace("\"ndsw-space/3\"", "\"ndsw-space/2\""), "f.json"));
        assertTrue(e.getMessage().contains("format \"ndsw-space/3\""), e.getMessage());
        e = assertThrows(NdswException.class, () -> SpaceFiles.parse(good.replaceFirst("\"w0\" : \\[ 8", "\"w0\" : [ 12"),
                "f.json"));
        assertTrue(e.getMessage().startsWith("f.json: regnet.w0"), e.getMessage());
        e = assertThrows(NdswException.class, () -> SpaceFiles.parse(good.replace("\"wm\" : [ 2", "\"wm\" : [ 0.5"),
                "f.json"));
        assertTrue(e.getMessage().contains("regnet.wm"), e.getMessage());
    }

    @Test
    void samplesCarryTheSpacesSeRatioAndAFileSpaceWithSeTrainsUnderAnyName() {
        RegNetSpace y = space("RegNetY");
        RegNetSpace mine = new RegNetSpace("MyRegNetY", "", y.depth(), y.w0(), y.wa(), y.wm(), y.groupWidth(),
                y.botMul(), 0.5, y.stemWidth(), y.numStages(), y.pycls());
        StageSpec s = mine.sample(new java.util.SplittableRandom(3));
        assertEquals(0.5, s.seRatio());
        assertEquals(0.5, SpecJson.toJson(s).get("se_r").doubleValue());
        assertEquals(0.0, space("RegNetX").sample(new java.util.SplittableRandom(3)).seRatio());
        assertEquals(0.25, y.sample(new java.util.SplittableRandom(3)).seRatio());
        // RegNetX and RegNetY draw the same stages from one seed but are different models
        assertEquals(space("RegNetX").sample(new java.util.SplittableRandom(3)).stages(),
                y.sample(new java.util.SplittableRandom(3)).stages());
        assertNotEquals(SpecJson.hash(space("RegNetX").sample(new java.util.SplittableRandom(3))),
                SpecJson.hash(y.sample(new java.util.SplittableRandom(3))));
    }

    @Test
    void anImpossibleStageCountIsReportedNotLooped() {
        RegNetSpace x = space("RegNetX");
        RegNetSpace one = new RegNetSpace("one", "", x.depth(), x.w0(), x.wa(), x.wm(), x.groupWidth(), x.botMul(),
                0, 32, 30, x.pycls());
        NdswException e = assertThrows(NdswException.class, () -> one.sample(new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("none generates 30 stages"), e.getMessage());
    }
}
