package org.ndsw.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** Random-search efficiency, sample size, point vs distribution and DKW bands. */
class SearchAnalysesTest {
    /** Synthetic errors in %, log-normal around 7 like CIFAR design spaces. */
    private static double[] errors(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.exp(Math.log(7) + 0.35 * gaussian(random));
        }
        return e;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void randomSearchIsDeterministicForASeed() {
        WeightedEdf edf = WeightedEdf.uniform(errors(5000, 1));
        assertEquals(RandomSearch.efficiency(edf, 10, 42), RandomSearch.efficiency(edf, 10, 42));
        assertNotEquals(RandomSearch.efficiency(edf, 10, 42), RandomSearch.efficiency(edf, 10, 43));
    }

    @Test
    void randomSearchMeanIsNonIncreasingInM() {
        for (long seed = 1; seed <= 5; seed++) {
            List<RandomSearch.Point> curve = RandomSearch.efficiency(WeightedEdf.uniform(errors(20000, seed)), 12, seed);
            for (int i = 1; i < curve.size(); i++) {
                assertTrue(curve.get(i).mean() <= curve.get(i - 1).mean(), "seed " + seed + " at m = "
                        + curve.get(i).m());
            }
        }
    }

    @Test
    void randomSearchRunsFloorNOverMTrialsAndStopsAtN() {
        List<RandomSearch.Point> curve = RandomSearch.efficiency(WeightedEdf.uniform(errors(100, 2)), 10, 1);
        assertEquals(7, curve.size());
        assertEquals(List.of(100, 50, 25, 12, 6, 3, 1), curve.stream().map(RandomSearch.Point::trials).toList());
        assertEquals(64, curve.get(6).m());
    }

    @Test
    void randomSearchMeanMatchesExactExpectationOfTheMinimum() {
        // With sorted errors and cumulative weights C_i, P(min index >= i) = (1 - C_{i-1})^m.
        double[] e = {1, 2, 3, 4};
        double[] w = {0.1, 0.2, 0.3, 0.4};
        WeightedEdf edf = WeightedEdf.of(e, w);
        int m = 4;
        double expected = 0;
        double[] c = edf.cumulative();
        for (int i = 0; i < 4; i++) {
            double above = Math.pow(1 - (i == 0 ? 0 : c[i - 1]), m) - Math.pow(Math.max(0, 1 - c[i]), m);
            expected += e[i] * above;
        }
        double[] many = new double[40000];
        double[] weights = new double[40000];
        for (int i = 0; i < many.length; i++) {
            many[i] = e[i % 4];
            weights[i] = w[i % 4] / 10000;
        }
        RandomSearch.Point p = RandomSearch.efficiency(WeightedEdf.of(many, weights), 2, 7).get(2);
        double standardError = p.std() / Math.sqrt(p.trials());
        assertEquals(expected, p.mean(), 4 * standardError);
    }

    @Test
    void randomSearchStdIsPopulationStd() {
        // m = 1 with N = 2 models of weight 1/2: the trial minima are the draws themselves.
        RandomSearch.Point p = RandomSearch.efficiency(WeightedEdf.uniform(new double[] {1, 3}), 0, 5).get(0);
        double mean = p.mean();
        assertTrue(mean == 1 || mean == 2 || mean == 3);
        assertEquals(mean == 2 ? 1.0 : 0.0, p.std(), 1e-15);
    }

    @Test
    void randomSearchDrawsOnlyModelsWithWeight() {
        WeightedEdf edf = WeightedEdf.of(new double[] {1, 2, 3}, new double[] {0, 0, 1});
        for (RandomSearch.Point p : RandomSearch.efficiency(edf, 1, 3)) {
            assertEquals(3.0, p.mean());
            assertEquals(0.0, p.std());
        }
    }

    @Test
    void sampleSizeDistanceShrinksWithNAndIsDeterministic() {
        double[] e = errors(6000, 3);
        SampleSize.Result r = SampleSize.analysis(e, 12, 20, 9);
        assertEquals(r, SampleSize.analysis(e, 12, 20, 9));
        assertEquals(6000, r.referenceSize());
        assertEquals(13, r.points().size());
        // One model vs the reference: D = max(F(e), 1 - F(e)), uniform on [0.5, 1] -> mean near 0.75.
        assertEquals(0.75, r.points().get(0).meanD(), 0.1);
        for (int i = 1; i < r.points().size(); i++) {
            assertTrue(r.points().get(i).meanD() < r.points().get(i - 1).meanD());
        }
    }

    @Test
    void sampleSizeReferenceIsCappedAt2To14Models() {
        SampleSize.Result r = SampleSize.analysis(errors(20000, 4), 2, 3, 1);
        assertEquals(16384, r.referenceSize());
        assertEquals(List.of(1, 2, 4), r.points().stream().map(SampleSize.Point::n).toList());
    }

    @Test
    void pointVsDistributionLargeSetUsuallyWins() {
        double[] e = errors(25000, 5);
        PointVsDistribution.Result r = PointVsDistribution.run(e, 5000, 100, 1000, 12);
        assertEquals(r, PointVsDistribution.run(e, 5000, 100, 1000, 12));
        assertEquals(5000, r.differences().length);
        long wins = Arrays.stream(r.differences()).filter(d -> d > 0).count();
        assertEquals(wins / 5000.0, r.largeWinsFraction());
        assertTrue(r.largeWinsFraction() > 0.8 && r.largeWinsFraction() < 0.97, "paper: ~90%");
        Histogram h = r.histogram(40);
        assertEquals(5000, Arrays.stream(h.counts()).sum());
    }

    @Test
    void pointVsDistributionNeedsEnoughModels() {
        assertThrows(NdswException.class, () -> PointVsDistribution.run(errors(500, 1), 10, 100, 1000, 1));
    }

    @Test
    void dkwWidthFollowsMassartBound() {
        DkwBand band = DkwBand.of(Edf.of(errors(1000, 1)), 0.05);
        assertEquals(Math.sqrt(Math.log(40) / 2000), band.epsilon(), 1e-15);
        assertEquals(0.042947, band.epsilon(), 1e-6);
        assertEquals(0.0, band.lower(0.01));
        assertEquals(1.0, band.upper(0.99));
    }

    @Test
    void dkwBandOfWeightedEdfUsesEffectiveSampleSize() {
        WeightedEdf w = WeightedEdf.of(new double[] {1, 2, 3, 4}, new double[] {0.5, 0.25, 0.125, 0.125});
        // (Σw)² / Σw² = 1 / (0.25 + 0.0625 + 0.015625 + 0.015625) = 2.909...
        DkwBand band = DkwBand.of(w, 0.1);
        assertEquals(1 / 0.34375, band.effectiveN(), 1e-12);
        assertEquals(Math.sqrt(Math.log(20) / (2 / 0.34375)), band.epsilon(), 1e-15);
        assertArrayEquals(new double[] {band.effectiveN()}, new double[] {w.effectiveSize()}, 1e-15);
    }
}
