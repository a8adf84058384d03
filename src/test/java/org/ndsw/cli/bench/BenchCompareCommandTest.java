package org.ndsw.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ndsw.cli.CliRun;

/** {@code ndsw bench compare} runs every change on small sets and reports each; bad sizes are refused. */
class BenchCompareCommandTest {
    @Test
    void smallRunReportsEveryChange() {
        CliRun r = CliRun.of("bench", "compare", "--sets", "2", "--n", "300", "--rounds", "1", "--random-search", "3");
        assertEquals(0, r.exit(), r.err());
        for (String change : new String[] {"plain EDFs", "normalize params, k=20", "normalize flops, k=20",
                "normalize params, k=40", "params window 0.3-1.5M", "all changes"}) {
            assertTrue(r.out().contains(change), r.out());
        }
    }

    @Test
    void badSizeIsOneLine() {
        CliRun r = CliRun.of("bench", "compare", "--n", "1");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("--n >= 2"), r.err());
    }
}
