package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Numeric command-line options that are negative, zero, huge or not finite are refused at once with one line
 * naming the option and its domain, never run out of memory or stored in a sweep.
 */
class CliNumbersTest {
    @TempDir Path dir;

    private Cli run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run(args));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "2147483647; the number of models must be an integer in [1, 10,000,000]",
        "10000001;   the number of models must be an integer in [1, 10,000,000]",
        "-5;         the number of models must be an integer in [1, 10,000,000]",
    })
    void sampleCountsAreBounded(String n, String message) {
        Cli r = run("sample", "ResNet", "-n", n, "--seed", "1");
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "-n;0;                         the number of models n must be an integer in [1, 10,000,000]",
        "--epochs;0;                   epochs must be an integer in [1, 10,000]",
        "--epochs;2147483647;          epochs must be an integer in [1, 10,000]",
        "--batch;-1;                   batch size must be an integer in [1, 65,536]",
        "--test-batch;100000;          test batch size must be an integer in [1, 65,536]",
        "--lr;NaN;                     learning rate must be a positive number",
        "--lr;Infinity;                learning rate must be a positive number",
        "--wd;-1;                      weight decay must be a non-negative number",
        "--momentum;1;                 momentum must be in [0, 1)",
        "--train-subset;-3;            subsets must be 0 (all) or positive",
        "--seeds-per-model;9999999;    the number of runs (models x seeds per model) must be an integer in [1, 10,000,000]",
    })
    void sweepCreateRefusesBadNumbersBeforeStoringAnything(String option, String value, String message) {
        String db = dir.resolve("c.db").toString();
        String n = option.equals("-n") ? value : "5";
        Cli r = option.equals("-n")
                ? run("sweep", "create", "s", "--space", "ResNet", "-n", n, "--seed", "1", "--data", dir.toString(),
                        "--catalog", db)
                : run("sweep", "create", "s", "--space", "ResNet", "-n", n, "--seed", "1", "--data", dir.toString(),
                        "--catalog", db, option, value);
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains(message), r.err());
        Cli sweeps = run("sweeps", "--catalog", db);
        assertTrue(!sweeps.out().contains("s "), sweeps.out());
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "100000"})
    void sweepRunWorkersAreBounded(String workers) {
        String db = dir.resolve("c.db").toString();
        assertEquals(0, run("catalog", "init", "--catalog", db).exit());
        Cli r = run("sweep", "run", "s", "--workers", workers, "--catalog", db);
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("--workers must be an integer in [1, 1,024]"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--bins;0;            --bins must be between 1 and 10000",
        "--bins;2147483647;   --bins must be between 1 and 10000",
        "--area-eps;NaN;      --area-eps must be a positive number",
        "--area-eps;Infinity; --area-eps must be a positive number",
        "--area-eps;-5;       --area-eps must be a positive number",
    })
    void compareOptionsAreBounded(String option, String value, String message) {
        Cli r = run("compare", "sample-data/study/ResNet.json", option, value);
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void aHugeRangeIsQuotedShort() {
        Cli r = run("compare", "sample-data/study/ResNet.json", "--normalize", "params", "--range",
                "1," + "9".repeat(1_000_000) + "x");
        assertTrue(r.refused(), r.errHead());
        assertTrue(r.err().length() < 500, "message of " + r.err().length() + " characters");
    }

    @Test
    void negativeAndHugeSeedsAreFine() {
        assertEquals(0, run("sample", "ResNet", "-n", "2", "--seed", "-9223372036854775808").exit());
        assertEquals(0, run("sample", "ResNet", "-n", "2", "--seed", "9223372036854775807").exit());
    }
}
