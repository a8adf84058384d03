package org.ndsw.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ndsw.cli.CliRun;

class BenchAnalyzeCommandTest {
    @Test
    void javaOnlyRunPrintsTheMedians() {
        CliRun run = CliRun.of("bench", "analyze", "--java-only", "--n", "500", "--parameters", "5", "--rounds", "1");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("500 models x 5 parameters, 1 rounds"), run.out());
        assertTrue(run.out().contains("java exact          median"), run.out());
        assertTrue(!run.out().contains("numpy get_filters   median"), run.out());
    }

    @Test
    void emptySizesAreRefused() {
        CliRun run = CliRun.of("bench", "analyze", "--java-only", "--n", "0");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("--n, --parameters and --rounds must be >= 1"), run.err());
    }
}
