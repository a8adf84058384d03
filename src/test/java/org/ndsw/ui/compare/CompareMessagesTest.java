package org.ndsw.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.app.compare.CompareOptions;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;
import org.ndsw.stats.NormalizedEdf;

/** No message of the compare panel tells a GUI user to pass a command-line flag. */
class CompareMessagesTest {
    private static String failure(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void theServicesFlagsBecomeControls() {
        List<String> raw = List.of(
                failure(() -> NormalizedEdf.of(new double[] {1, 2}, new double[] {0.1, 0.9},
                        new ComplexityWindow(0, 1), 10, BinPolicy.STRICT)),
                failure(() -> new CompareOptions(ErrorMetric.BEST, null, 0, null, BinPolicy.STRICT, 10, -1, 0)),
                failure(() -> new CompareOptions(ErrorMetric.BEST, null, 20, new ComplexityWindow(0, 1),
                        BinPolicy.STRICT, 10, -1, 0)),
                failure(() -> new CompareOptions(ErrorMetric.BEST, null, 20, null, BinPolicy.STRICT, 10, 99, 0)),
                "default window is empty: c_min = 2 M params is not below the paper's c_max = 0.856; give --range LO,HI",
                "two sources are labelled 'A': name them with NAME=PATH",
                "some future message naming --an-unknown-flag VALUE");
        for (String m : raw) {
            assertTrue(m.contains("--") || m.contains("NAME=PATH"), "the raw message names a flag: " + m);
            String gui = CompareMessages.forGui(m);
            assertFalse(gui.contains("--") || gui.contains("NAME=PATH"), gui);
        }
        assertTrue(CompareMessages.forGui(raw.get(0)).contains("Merge empty bins"), CompareMessages.forGui(raw.get(0)));
        assertTrue(CompareMessages.forGui(raw.get(1)).startsWith("Bins k must be"), CompareMessages.forGui(raw.get(1)));
    }

    @Test
    void aTypedFigureNameDecidesTheFormatOverTheSelector() {
        assertEquals(Path.of("/t/edf.png"), FxCompareActions.figureFile(Path.of("/t/edf.png"), "svg"));
        assertEquals(Path.of("/t/edf.SVG"), FxCompareActions.figureFile(Path.of("/t/edf.SVG"), "png"));
        assertEquals(Path.of("/t/edf.png"), FxCompareActions.figureFile(Path.of("/t/edf"), "png"));
        assertEquals(Path.of("/t/edf.v2.svg"), FxCompareActions.figureFile(Path.of("/t/edf.v2"), "svg"));
    }

    @Test
    void theWindowSlidersTicksAllHaveTheSameDecimals() {
        assertEquals(List.of("0.000", "0.025", "0.050", "0.075", "0.100"), java.util.stream.Stream.of(0.0, 0.025, 0.05,
                0.075, 0.1).map(v -> CompareMessages.tickLabel(v, 0.025)).toList());
        assertEquals("50", CompareMessages.tickLabel(50, 25));
        assertEquals("0.40", CompareMessages.tickLabel(0.4, 0.2));
    }
}
