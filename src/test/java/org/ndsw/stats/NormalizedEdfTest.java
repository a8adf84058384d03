package org.ndsw.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** Normalized EDFs (paper eq. 3-4) by hand and against the notebook procedure in numpy. */
class NormalizedEdfTest {
    @Test
    void weightsAreOneOverBinsTimesBinCountOnHandCheckableCase() {
        // Window (0, 4), k = 2: bin 0 = (0, 2) holds c = 0.5, 1.5, 1.9; bin 1 = [2, 4) holds c = 2.0, 3.5.
        // c = 0 and c = 4 lie on the strict bounds and are dropped.
        double[] errors = {5, 4, 3, 2, 1, 9, 9};
        double[] complexity = {0.5, 1.5, 1.9, 2.0, 3.5, 0.0, 4.0};
        NormalizedEdf edf = NormalizedEdf.of(errors, complexity, new ComplexityWindow(0, 4), 2, BinPolicy.STRICT);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, edf.kept());
        assertArrayEquals(new int[] {3, 2}, edf.binCounts());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, edf.edf().errors());
        assertArrayEquals(new double[] {1.0 / 4, 1.0 / 4, 1.0 / 6, 1.0 / 6, 1.0 / 6}, edf.edf().weights(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.5, 2.0 / 3, 5.0 / 6, 1.0}, edf.edf().cumulative(), 1e-15);
        assertEquals(5, edf.n());
    }

    @Test
    void matchesNotebookProcedureInNumpy() {
        JsonNode ref = Reference.root().get("normalized_edf");
        ComplexityWindow window = new ComplexityWindow(ref.get("lo").asDouble(), ref.get("hi").asDouble());
        NormalizedEdf edf = NormalizedEdf.of(Reference.doubles(ref.get("errors")), Reference.doubles(ref.get("params")),
                window, ref.get("bins").asInt(), BinPolicy.STRICT);
        assertArrayEquals(Reference.ints(ref.get("kept")), edf.kept());
        assertArrayEquals(Reference.ints(ref.get("bin_counts")), edf.binCounts());
        assertArrayEquals(Reference.doubles(ref.get("edges")), edf.binEdges(), 0.0);
        assertArrayEquals(Reference.doubles(ref.get("sorted_errors")), edf.edf().errors(), 0.0);
        assertArrayEquals(Reference.doubles(ref.get("weights")), edf.edf().weights(), 0.0);
        assertArrayEquals(Reference.doubles(ref.get("cumulative")), edf.edf().cumulative(), 1e-15);
    }

    @Test
    void stableSortKeepsInputOrderOfEqualErrors() {
        double[] errors = {2, 1, 2, 1};
        double[] weights = {0.1, 0.2, 0.3, 0.4};
        WeightedEdf edf = WeightedEdf.of(errors, weights);
        assertArrayEquals(new double[] {1, 1, 2, 2}, edf.errors());
        assertArrayEquals(new double[] {0.2, 0.4, 0.1, 0.3}, edf.weights());
    }

    @Test
    void stableOrderHandlesNegativesSignedZerosAndTiesLikeNumpyStableArgsort() {
        // numpy.argsort([3, -1, 0.0, -0.0, -1, 2.5, -1e300, 1e-300], kind="stable") = [6, 1, 4, 2, 3, 7, 5, 0]
        double[] values = {3, -1, 0.0, -0.0, -1, 2.5, -1e300, 1e-300};
        assertArrayEquals(new int[] {6, 1, 4, 2, 3, 7, 5, 0}, StableOrder.of(values));
    }

    @Test
    void emptyBinIsAnErrorNamingTheBinRanges() {
        double[] complexity = {0.1, 0.2, 0.9, 0.95};
        NdswException e = assertThrows(NdswException.class, () -> NormalizedEdf.of(new double[] {1, 2, 3, 4},
                complexity, new ComplexityWindow(0, 1), 4, BinPolicy.STRICT));
        assertEquals("normalized EDF: 2 of 4 complexity bins are empty: [0.2500, 0.5000), [0.5000, 0.7500)"
                + " — widen the window, use fewer bins, or the merge bin policy (--bins-policy merge)", e.getMessage());
    }

    @Test
    void emptyWindowIsAnError() {
        NdswException e = assertThrows(NdswException.class, () -> NormalizedEdf.of(new double[] {1},
                new double[] {5}, new ComplexityWindow(0, 1), 4, BinPolicy.MERGE));
        assertTrue(e.getMessage().contains("no model has complexity in (0.000, 1.000)"), e.getMessage());
    }

    @Test
    void mergePolicyGivesEmptyBinMassToNearestNonEmptyBin() {
        // k = 5 on (0, 5): bins 0 and 4 hold models; bin 1 -> bin 0, bin 3 -> bin 4, bin 2 is equidistant (half each).
        double[] complexity = {0.5, 0.6, 4.5};
        NormalizedEdf edf = NormalizedEdf.of(new double[] {3, 2, 1}, complexity, new ComplexityWindow(0, 5), 5,
                BinPolicy.MERGE);
        // bin 0 carries (1 + 1 + 0.5)/5 = 0.5 over 2 models; bin 4 carries (1 + 0.5 + 1)/5 = 0.5 over 1 model.
        assertArrayEquals(new double[] {1, 2, 3}, edf.edf().errors());
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, edf.edf().weights(), 1e-15);
        assertEquals(BinPolicy.MERGE, edf.policy());
    }

    @Test
    void mergedSharesCoverEveryBinAndAreOneEachWhenNoBinIsEmpty() {
        assertArrayEquals(new double[] {1, 1, 1, 1}, NormalizedEdf.mergedShares(new int[] {1, 2, 3, 4}));
        // bins 0, 1, 3 -> bin 2; bin 4 is 2 away from both (half each); bins 5, 7 -> bin 6.
        double[] merged = NormalizedEdf.mergedShares(new int[] {0, 0, 3, 0, 0, 0, 1, 0});
        assertArrayEquals(new double[] {0, 0, 4.5, 0, 0, 0, 3.5, 0}, merged);
    }

    @Test
    void windowBoundsAreStrict() {
        ComplexityWindow w = new ComplexityWindow(0.02, 0.856);
        assertTrue(w.contains(0.5));
        assertTrue(!w.contains(0.02) && !w.contains(0.856));
        assertThrows(NdswException.class, () -> new ComplexityWindow(1, 1));
    }

    @Test
    void commonMinIsTheLargestOfTheSetMinima() {
        double[] a = {0.3, 0.05, 0.7};
        double[] b = {0.2, 0.08};
        assertEquals(0.08, ComplexityWindow.commonMin(a, b));
        assertEquals(new ComplexityWindow(0.08, 0.856), ComplexityWindow.common(0.856, List.of(a, b)));
    }

    @Test
    void normalizedEdfIsDeterministicAndDoesNotChangeInputs() {
        double[] errors = {3, 1, 2};
        double[] complexity = {0.1, 0.6, 0.3};
        NormalizedEdf first = NormalizedEdf.of(errors, complexity, new ComplexityWindow(0, 1), 2, BinPolicy.STRICT);
        assertEquals(first, NormalizedEdf.of(errors, complexity, new ComplexityWindow(0, 1), 2, BinPolicy.STRICT));
        assertArrayEquals(new double[] {3, 1, 2}, errors);
    }
}
