package org.ndsw.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarked analysis on small synthetic sets (the timing itself is not tested). */
class AnalysisTest {
    @Test
    void syntheticSetsAreDeterministicAndInThePapersRanges() {
        List<SyntheticSets.Set> sets = SyntheticSets.generate(2, 1000, 7);
        assertEquals(sets.get(1).errors()[10], SyntheticSets.generate(2, 1000, 7).get(1).errors()[10]);
        for (double p : sets.get(0).params()) {
            assertTrue(p >= 0.01 && p <= 1.5, "params in M: " + p);
        }
    }

    @Test
    void analysisComparesEveryPairAndIsDeterministic() {
        List<SyntheticSets.Set> sets = SyntheticSets.generate(3, 3000, 1);
        Analysis.Summary summary = Analysis.run(sets, 5);
        assertEquals(summary, Analysis.run(sets, 5));
        assertEquals(3, summary.ksD().size());
        assertEquals(3, summary.areas().size());
        assertTrue(summary.ksD().get(1) > summary.ksD().get(0), "set 2 lies further from set 0 than set 1 does");
        assertTrue(summary.kept().get(0) > 2000 && summary.kept().get(0) < 3000);
        assertTrue(summary.ksP().stream().allMatch(p -> p >= 0 && p <= 1));
    }
}
