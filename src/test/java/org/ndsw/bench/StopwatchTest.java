package org.ndsw.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one median of the benchmarks: odd and even counts, input untouched, no values refused. */
class StopwatchTest {
    @Test
    void medianOfOddCountIsTheMiddleValue() {
        assertEquals(3.0, Stopwatch.median(new double[] {5, 3, 1}));
        assertEquals(7.0, Stopwatch.median(new double[] {7}));
    }

    @Test
    void medianOfEvenCountAveragesTheMiddleValues() {
        assertEquals(2.5, Stopwatch.median(new double[] {4, 1, 3, 2}));
        assertEquals(2.5, Stopwatch.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void medianLeavesTheMeasurementsInTheirOrder() {
        double[] rounds = {4, 1, 3};
        Stopwatch.median(rounds);
        assertArrayEquals(new double[] {4, 1, 3}, rounds);
    }

    @Test
    void medianOfNoMeasurementsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stopwatch.median(new double[0]));
        assertTrue(e.getMessage().contains("no measurements"), e.getMessage());
    }

    @Test
    void sinceCountsSecondsFromANanoTimeReading() {
        double s = Stopwatch.since(System.nanoTime() - 2_000_000_000L);
        assertTrue(s >= 2.0 && s < 60.0, "seconds " + s);
    }
}
