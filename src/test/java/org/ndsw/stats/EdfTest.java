package org.ndsw.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** Plain EDFs (paper eq. 1), their summaries and the EDF area, against numpy. */
class EdfTest {
    @Test
    void cdfCountsErrorsStrictlyBelow() {
        Edf edf = Edf.of(new double[] {3, 1, 2, 2});
        assertEquals(0.0, edf.cdf(1));
        assertEquals(0.25, edf.cdf(1.5));
        assertEquals(0.25, edf.cdf(2));
        assertEquals(0.75, edf.cdf(2.5));
        assertEquals(1.0, edf.cdf(3.1));
        assertArrayEquals(new double[] {1, 2, 2, 3}, edf.values());
    }

    @Test
    void summariesMatchNumpy() {
        JsonNode ref = Reference.root().get("summary");
        double[] odd = Reference.doubles(ref.get("odd"));
        Edf edf = Edf.of(odd);
        assertEquals(ref.get("odd_mean").asDouble(), edf.mean(), 1e-12);
        assertEquals(ref.get("odd_median").asDouble(), edf.median(), 0.0);
        assertEquals(ref.get("even_median").asDouble(), Edf.of(Arrays.copyOf(odd, 100)).median(), 0.0);
        assertEquals(Arrays.stream(odd).min().orElseThrow(), edf.min());
    }

    @Test
    void singleModelEdfIsAStep() {
        Edf edf = Edf.of(new double[] {4.2});
        assertEquals(1, edf.n());
        assertEquals(4.2, edf.median());
        assertEquals(0.0, edf.cdf(4.2));
        assertEquals(1.0, edf.cdf(4.3));
        assertEquals(1.0, edf.weighted().weight(0));
    }

    @Test
    void plainEdfAsWeightedEdfHasWeightsOneOverN() {
        WeightedEdf w = Edf.of(new double[] {2, 1, 3, 4}).weighted();
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, w.weights());
        assertEquals(0.5, w.cdf(2.5));
        assertEquals(4.0, w.effectiveSize(), 1e-12);
        assertEquals(2.5, w.mean(), 1e-15);
    }

    @Test
    void edfAreaMatchesNumpyOnNormalizedEdf() {
        JsonNode ref = Reference.root().get("normalized_edf");
        WeightedEdf edf = new WeightedEdf(Reference.doubles(ref.get("sorted_errors")),
                Reference.doubles(ref.get("weights")));
        ref.get("areas").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asDouble(), EdfArea.upTo(edf, Double.parseDouble(e.getKey())), 1e-14,
                        "area up to " + e.getKey()));
    }

    @Test
    void edfAreaOfHandCheckableCase() {
        // 1 - (0.5 * min(1, 2/4) + 0.5 * min(1, 6/4)) = 1 - (0.25 + 0.5) = 0.25
        assertEquals(0.25, EdfArea.upTo(Edf.of(new double[] {2, 6}), 4.0), 1e-15);
        assertThrows(NdswException.class, () -> EdfArea.upTo(Edf.of(new double[] {1}), 0));
    }

    @Test
    void weightedEdfRejectsWeightsThatDoNotSumToOne() {
        assertThrows(NdswException.class, () -> WeightedEdf.of(new double[] {1, 2}, new double[] {0.5, 0.6}));
        assertThrows(NdswException.class, () -> new WeightedEdf(new double[] {2, 1}, new double[] {0.5, 0.5}));
        assertThrows(NdswException.class, () -> Edf.of(new double[] {1, Double.NaN}));
    }

    @Test
    void histogramMatchesNumpy() {
        JsonNode ref = Reference.root().get("summary");
        Histogram h = Histogram.of(Reference.doubles(ref.get("odd")), ref.get("hist_bins").asInt());
        assertArrayEquals(Reference.doubles(ref.get("hist_edges")), h.edges(), 0.0);
        long[] expected = Arrays.stream(Reference.ints(ref.get("hist_counts"))).asLongStream().toArray();
        assertArrayEquals(expected, h.counts());
    }
}
