package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `ndsw compare` applies the same domains to CSV, JSON Lines and NDS JSON as the catalogue does: errors in [0, 100],
 * counts finite and non-negative; a bad value is named with its file, line and field, and quoted short.
 */
class CompareInputsTest {
    @TempDir Path dir;

    private Cli compare(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return Cli.run("compare", f.toString());
    }

    @Test
    void csvErrorsOutsideZeroToHundredAreRefused() throws IOException {
        Cli r = compare("bad.csv", "error,params\n-5,100\n150,200\n");
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("bad.csv: line 2, column 'error' must be a finite number in [0, 100]"), r.err());
        assertTrue(r.err().contains("got -5.0"), r.err());
        r = compare("high.csv", "error,params\n5,100\n150,200\n");
        assertTrue(r.err().contains("high.csv: line 3, column 'error'"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "-Infinity", "+Infinity"})
    void csvInfinityIsReportedWithFileLineAndField(String value) throws IOException {
        Cli r = compare("inf.csv", "error,params,flops\n5,100,1\n6,200," + value + "\n");
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("inf.csv: line 3, column 'flops'"), r.err());
        assertTrue(r.err().contains("Infinity"), r.err());
    }

    @Test
    void csvNegativeCountsAreRefused() throws IOException {
        Cli r = compare("neg.csv", "error,params\n5,-100\n");
        assertTrue(r.err().contains("neg.csv: line 2, column 'params' must be a finite number in [0, "), r.err());
    }

    @Test
    void csvNanAndEmptyStayMissing() throws IOException {
        Cli r = compare("ok.csv", "error,params\n5,nan\n6,\n,7\nNaN,8\n");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("ok "), r.out());
    }

    @Test
    void aTenMegabyteBadCsvValueIsQuotedShort() throws IOException {
        Cli r = compare("big.csv", "error,params\n" + "9".repeat(5_000_000) + "x,1\n");
        assertTrue(r.refused(), r.errHead());
        assertTrue(r.err().contains("big.csv: a string longer than 1,000,000 characters"), r.errHead());
        assertTrue(r.err().strip().endsWith(" at line 2"), r.errHead());
        assertTrue(r.err().length() < 500, "message of " + r.err().length() + " characters");
    }

    @Test
    void anUnterminatedQuoteNamesTheLineAndColumn() throws IOException {
        Cli r = compare("open.csv", "error,params\n5,100\n\"15,200\n");
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().matches("(?s)ndsw: .*open\\.csv: not valid CSV at line \\d+, column \\d+: .*"), r.err());
    }

    @Test
    void jsonLinesErrorsAndCountsAreChecked() throws IOException {
        Cli r = compare("bad.jsonl", "{\"min_test_top1\": 5, \"params\": 1}\n{\"min_test_top1\": 150, \"params\": 1}\n");
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("bad.jsonl: line 2: field 'min_test_top1' must be a finite number in [0, 100]"),
                r.err());
        r = compare("inf.jsonl", "{\"min_test_top1\": 5, \"params\": Infinity}\n");
        assertTrue(r.err().contains("inf.jsonl: line 1: field 'params' must be a finite number"), r.err());
        r = compare("neg.jsonl", "{\"min_test_top1\": -0.5}\n");
        assertTrue(r.err().contains("got -0.5"), r.err());
    }

    @Test
    void ndsJsonErrorsAreChecked() throws IOException {
        Cli r = compare("bad.json", "[{\"min_test_top1\": 5}, {\"min_test_top1\": 100.5}]");
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("field 'min_test_top1' must be a finite number in [0, 100]"), r.err());
        r = compare("curve.json", "[{\"test_ep_top1\": [50, 101]}]");
        r = Cli.run("compare", dir.resolve("curve.json").toString(), "--error", "final");
        assertTrue(r.err().contains("field 'test_ep_top1' must be a finite number in [0, 100]"), r.err());
    }

    @Test
    void theBoundsThemselvesAreAccepted() throws IOException {
        Cli r = compare("edge.csv", "error,params,flops\n0,0,0\n100,1e12,1e15\n");
        assertEquals(0, r.exit(), r.err());
    }
}
