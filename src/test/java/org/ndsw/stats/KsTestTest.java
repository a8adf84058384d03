package org.ndsw.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ndsw.NdswException;

/** KS statistic and p-value against scipy.stats.ks_2samp (reference.json, from make_reference.py). */
class KsTestTest {
    /** p-values agree with scipy to this relative error (measured: below 1e-15 on every case). */
    private static final double P_RELATIVE_TOLERANCE = 1e-12;

    @TestFactory
    Stream<DynamicTest> ksMatchesScipyOnEveryReferenceCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Reference.root().get("ks_2samp")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> assertMatchesScipy(c)));
        }
        return tests.stream();
    }

    @Test
    void ksPValueMatchesScipyWithTies() {
        assertMatchesScipy(Reference.ksCase("ties_small_hand"));
        assertMatchesScipy(Reference.ksCase("ties_rounded_40_vs_60"));
        assertMatchesScipy(Reference.ksCase("ties_across_samples_unequal"));
    }

    @Test
    void ksOfHandCheckableTiesCountsValuesAtOrBelowEachPoint() {
        // F_a - F_b at 2: 3/7 - 1/5; at 3: 6/7 - 3/5; at 4: 1 - 3/5 = 0.4 is the largest gap.
        KsResult r = KsTest.twoSample(new double[] {1, 2, 2, 3, 3, 3, 4}, new double[] {2, 3, 3, 5, 5});
        assertEquals(0.4, r.d(), 1e-15);
        assertEquals(KsResult.EXACT, r.method());
    }

    @Test
    void ksHandlesSingleModelSamples() {
        assertMatchesScipy(Reference.ksCase("n1_vs_3"));
        assertMatchesScipy(Reference.ksCase("n1_vs_n1_distinct"));
        assertMatchesScipy(Reference.ksCase("n1_vs_n1_identical"));
        assertMatchesScipy(Reference.ksCase("n1_vs_20000_asymp"));
    }

    @Test
    void ksMatchesScipyForVeryUnequalSizes() {
        assertMatchesScipy(Reference.ksCase("unequal_3_vs_5000"));
        assertMatchesScipy(Reference.ksCase("unequal_7_vs_9000_shifted"));
        assertMatchesScipy(Reference.ksCase("asymp_small_en_5_vs_12000"));
    }

    @Test
    void ksUsesExactBranchUpTo10000ModelsAndAsymptoticAbove() {
        assertEquals(KsResult.EXACT, assertMatchesScipy(Reference.ksCase("threshold_10000_vs_10000_exact")).method());
        assertEquals(KsResult.ASYMPTOTIC,
                assertMatchesScipy(Reference.ksCase("threshold_10001_vs_10001_asymp")).method());
        assertEquals(KsResult.EXACT, assertMatchesScipy(Reference.ksCase("threshold_10000_vs_600_exact")).method());
        assertEquals(KsResult.ASYMPTOTIC,
                assertMatchesScipy(Reference.ksCase("threshold_10001_vs_600_asymp")).method());
    }

    @Test
    void ksOfIdenticalSamplesIsZeroWithPOne() {
        KsResult r = assertMatchesScipy(Reference.ksCase("identical_samples"));
        assertEquals(0.0, r.d());
        assertEquals(1.0, r.p());
    }

    @Test
    void ksMatchesScipyOnPaperExampleB100VsM1000() {
        // Paper §3: B (100 models) vs M (1,000) from one space gave D = 0.079, p = 0.60; ours is another draw.
        KsResult r = assertMatchesScipy(Reference.ksCase("paper_B100_vs_M1000_same_space"));
        assertTrue(r.p() > 0.05, "two samples of one space should not be told apart");
    }

    @Test
    void ksMatchesScipyForLargeSamples() {
        assertMatchesScipy(Reference.ksCase("asymp_25000_vs_25000_close"));
        assertMatchesScipy(Reference.ksCase("asymp_20000_vs_15000_far"));
    }

    @Test
    void ksStatisticIsSymmetric() {
        SplittableRandom random = new SplittableRandom(3);
        double[] a = random.doubles(120).toArray();
        double[] b = random.doubles(77).map(v -> v + 0.1).toArray();
        assertEquals(KsTest.twoSample(a, b), KsTest.twoSample(b, a));
        assertEquals(KsTest.statistic(a, b), KsTest.statistic(b, a));
    }

    @Test
    void ksDoesNotChangeItsInputs() {
        double[] a = {3, 1, 2};
        double[] b = {0.5, 4};
        KsTest.twoSample(a, b);
        assertEquals(3.0, a[0]);
        assertEquals(0.5, b[0]);
    }

    @Test
    void ksRejectsEmptyAndNonFiniteSamples() {
        assertThrows(NdswException.class, () -> KsTest.twoSample(new double[0], new double[] {1}));
        assertThrows(NdswException.class, () -> KsTest.twoSample(new double[] {Double.NaN}, new double[] {1}));
    }

    @Test
    void kolmogorovSurvivalMatchesScipyKstwoOnEveryBranch() {
        for (JsonNode row : Reference.root().get("kstwo_sf")) {
            double n = row.get(0).asDouble();
            double x = row.get(1).asDouble();
            double expected = row.get(2).asDouble();
            // Pomeranz and Durbin differ from numpy in summation order only; 1 - cdf amplifies that where cdf ~ 1.
            assertClose(expected, Kolmogorov.sf(n, x), 1e-11, "kstwo.sf(" + x + ", " + n + ")");
        }
    }

    @Test
    void smirnovSurvivalMatchesScipy() {
        for (JsonNode row : Reference.root().get("smirnov_sf")) {
            int n = row.get(0).asInt();
            double x = row.get(1).asDouble();
            assertClose(row.get(2).asDouble(), Smirnov.sf(n, x), 1e-14, "smirnov(" + n + ", " + x + ")");
        }
    }

    @Test
    void weightedKsEqualsPlainKsForEqualWeights() {
        SplittableRandom random = new SplittableRandom(11);
        double[] a = random.doubles(300).toArray();
        double[] b = random.doubles(200).map(v -> v * 1.2).toArray();
        KsResult plain = KsTest.twoSample(a, b);
        KsResult weighted = KsTest.weighted(WeightedEdf.uniform(a), WeightedEdf.uniform(b));
        assertEquals(KsTest.statistic(a, b), weighted.d(), 1e-12);
        assertEquals(plain.d(), weighted.d(), 1e-12);
        assertEquals(KsResult.NEFF_ASYMPTOTIC, weighted.method());
        assertEquals(KsTest.asymptoticP(300, 200, weighted.d()), weighted.p(), 1e-9);
    }

    @Test
    void weightedKsMeasuresTheLargestGapBetweenCumulativeWeights() {
        WeightedEdf a = WeightedEdf.of(new double[] {1, 2, 3}, new double[] {0.5, 0.25, 0.25});
        WeightedEdf b = WeightedEdf.of(new double[] {2, 4}, new double[] {0.5, 0.5});
        // after 1: 0.5 vs 0; after 2: 0.75 vs 0.5; after 3: 1 vs 0.5 -> D = 0.5
        assertEquals(0.5, KsTest.weighted(a, b).d(), 1e-15);
    }

    private static KsResult assertMatchesScipy(JsonNode c) {
        String name = c.get("name").asText();
        KsResult r = KsTest.twoSample(Reference.sample(c, "a"), Reference.sample(c, "b"));
        assertEquals(c.get("d").asDouble(), r.d(), 0.0, name + ": D");
        assertClose(c.get("p").asDouble(), r.p(), P_RELATIVE_TOLERANCE, name + ": p");
        assertEquals(c.get("method").asText(), r.method(), name + ": method");
        return r;
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        double tolerance = Math.max(relative * Math.abs(expected), 1e-300);
        assertEquals(expected, actual, tolerance, what);
    }
}
