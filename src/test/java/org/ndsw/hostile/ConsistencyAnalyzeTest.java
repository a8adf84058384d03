package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndsw.catalog.nds.Records;

/**
 * Hostile input to `ndsw analyze`: bad options, sets of one model or of equal or NaN errors, values outside their
 * domain and Monte-Carlo runs too large to finish; each is refused with a message naming the option, file and field,
 * or analysed.
 */
class ConsistencyAnalyzeTest {
    @TempDir Path dir;

    private Path nds(String name, double... errors) throws Exception {
        List<String> recs = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            recs.add(Records.resnet56(errors[i], i));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, Records.list(recs));
        return f;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--fraction|0|--fraction must be in (0, 1]",
        "--fraction|2|--fraction must be in (0, 1]",
        "--fraction|NaN|--fraction must be in (0, 1]",
        "--alpha|1|--alpha must be in (0, 1)",
        "--alpha|0|--alpha must be in (0, 1)",
        "--bootstrap|-1|--bootstrap must be an integer in [0, 1,000,000]",
        "--bootstrap|2000000000|--bootstrap must be an integer in [0, 1,000,000]"})
    void badOptionsAreRefusedNamingTheOption(String option, String value, String message) throws Exception {
        Cli r = Cli.run("analyze", option, value, nds("ResNet.json", 5, 6).toString());
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().startsWith("ndsw: " + message), r.err());
    }

    @Test
    void aMonteCarloRunTooLargeToFinishIsRefused() throws Exception {
        double[] errors = new double[4_000];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = 5 + i * 1e-3;
        }
        Cli r = Cli.run("analyze", "--fraction", "1", "--bootstrap", "1000000", nds("Big.json", errors).toString());
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().startsWith("ndsw: --bootstrap 1000000 draws 4,000,000,000 models for set Big"), r.err());
    }

    @Test
    void oneModelAndEqualErrorsAreAnalysed() throws Exception {
        Cli one = Cli.run("analyze", nds("One.json", 5).toString());
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().contains("One: n = 1, m = 1"), one.out());
        Cli equal = Cli.run("analyze", "--bootstrap", "100", nds("Equal.json", 5, 5, 5, 5).toString());
        assertEquals(0, equal.exit(), equal.err());
        assertTrue(equal.out().contains("Equal: n = 4, m = 1"), equal.out());
    }

    @Test
    void aSetOfOnlyNanErrorsNamesItsFile() throws Exception {
        Path g = nds("Nan.json", Double.NaN, Double.NaN);
        Cli r = Cli.run("analyze", g.toString());
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().startsWith("ndsw: " + g + ": set \"Nan\" has no models with an error to analyse (2 records"),
                r.err());
    }

    @Test
    void jsonLinesValuesOutsideTheirDomainAreRefusedNamingLineAndField() throws Exception {
        Path f = dir.resolve("Bad.jsonl");
        String good = Records.resnet56(5.0, 0).lines().reduce("", String::concat);
        String high = Records.resnet56(150.0, 1).lines().reduce("", String::concat);
        Files.writeString(f, good + "\n" + high + "\n");
        Cli r = Cli.run("analyze", f.toString());
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().startsWith("ndsw: " + f + ": line 2: field 'min_test_top1' must be a finite number in [0, 100]"),
                r.err());
        Files.writeString(f, good + "\n" + good.replaceFirst("\"params\": *\\d+", "\"params\": -5") + "\n");
        r = Cli.run("analyze", f.toString());
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().startsWith("ndsw: " + f + ": line 2: field 'params' must be a finite number in [0, "),
                r.err());
    }

    @Test
    void anNdsRecordWithABadCountIsRefusedAsImportRefusesIt() throws Exception {
        Path f = dir.resolve("Neg.json");
        String bad = Records.resnet56(6.0, 1).replaceFirst("\"flops\": *\\d+", "\"flops\": -3");
        Files.writeString(f, Records.list(List.of(Records.resnet56(5.0, 0), bad)));
        Cli r = Cli.run("analyze", f.toString());
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().startsWith("ndsw: " + f + ": record 1") && r.err().contains("flops must be a non-negative"),
                r.err());
    }

    @Test
    void twoSetsWithOneLabelAreRefusedAsCompareRefusesThem() throws Exception {
        Path f = nds("Same.json", 5, 6);
        Cli r = Cli.run("analyze", f.toString(), f.toString());
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().startsWith("ndsw: two sets are labelled \"Same\": name them with NAME=PATH"), r.err());
        assertEquals(0, Cli.run("analyze", "a=" + f, "b=" + f).exit());
    }
}
