package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STUDY = "sample-data/study/ResNet.json";
    @TempDir Path dir;

    @Test
    void jsonFollowsTheContractOnTheSampleStudy() throws IOException {
        CliRun run = CliRun.of("analyze", STUDY, "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode set = JSON.readTree(run.out()).get("sets").get(0);
        assertEquals("ResNet", set.get("name").asText());
        assertEquals(100, set.get("n").asInt());
        List<String> names = new ArrayList<>();
        for (JsonNode p : set.get("parameters")) {
            names.add(p.get("name").asText());
            JsonNode good = p.get("good");
            assertEquals(3, good.size());
            assertTrue(good.get(0).asDouble() <= good.get(1).asDouble()
                    && good.get(1).asDouble() <= good.get(2).asDouble(), p.toString());
            List<Double> values = new ArrayList<>();
            p.get("values").forEach(v -> values.add(v.asDouble()));
            for (JsonNode g : good) {
                assertTrue(values.contains(g.asDouble()), "exact quantiles are values of models: " + p);
            }
        }
        assertTrue(names.containsAll(List.of("net.ds[1]", "net.ws[3]", "d", "w", "params", "flops", "acts", "lr",
                "wd")), names.toString());
        assertEquals("[1,2,3,4,6,8,12,16]", set.get("parameters").get(names.indexOf("net.ds[1]")).get("values")
                .toString());
    }

    @Test
    void fourModelsDrawnOneAtATimeGiveTheirOrderStatistics() throws IOException {
        // n = 4, f = 0.25: m = 1, each model is the best of the sample with 1/4.
        Path file = dir.resolve("four.jsonl");
        Files.writeString(file, line(4.0, 1) + line(3.0, 2) + "\n" + line(2.0, 4) + line(1.0, 8));
        CliRun run = CliRun.of("analyze", file.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode p = JSON.readTree(run.out()).get("sets").get(0).get("parameters").get(1);
        assertEquals("net.ds[1]", p.get("name").asText());
        assertEquals("[1,2,8]", p.get("good").toString());
    }

    @Test
    void theMonteCarloBootstrapRepeatsWithItsSeed() {
        CliRun a = CliRun.of("analyze", STUDY, "--bootstrap", "500", "--seed", "3", "--json");
        CliRun b = CliRun.of("analyze", STUDY, "--bootstrap", "500", "--seed", "3", "--json");
        assertEquals(0, a.exit(), a.err());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().contains("\"method\" : \"monte-carlo\""), a.out());
    }

    @Test
    void aTableListsEveryParameter() {
        CliRun run = CliRun.of("analyze", "R=" + STUDY);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("R: n = 100, m = 25"), run.out());
        assertTrue(run.out().contains("net.ds[0]") && run.out().contains("constant 1"), run.out());
    }

    @Test
    void aRecordWithoutANetIsNamed() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[{\"min_test_top1\": 5.0, \"params\": 1000}]");
        CliRun run = CliRun.of("analyze", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("bad.json") && run.err().contains("record 0") && run.err().contains("'net'"),
                run.err());
    }

    @Test
    void aBadLearningRateIsNamedWithItsLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, line(4.0, 1) + line(3.0, 2).replace("0.1", "\"fast\""));
        CliRun run = CliRun.of("analyze", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("bad.jsonl: line 2") && run.err().contains("optim.base_lr")
                && run.err().contains("\"fast\""), run.err());
    }

    @Test
    void aFractionOutOfRangeIsRefused() {
        CliRun run = CliRun.of("analyze", STUDY, "--fraction", "0");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("--fraction must be in (0, 1], got 0.0"), run.err());
    }

    @Test
    void aCatalogueSweepAnalysesLikeItsImportedFile() throws IOException {
        String db = dir.resolve("c.db").toString();
        CliRun imported = CliRun.of("import", "sample-data/nds-mini/Vanilla.json", "--catalog", db);
        assertEquals(0, imported.exit(), imported.err());
        CliRun r = CliRun.of("analyze", "S=catalog:Vanilla", "sample-data/nds-mini/Vanilla.json", "--catalog", db,
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode sets = JSON.readTree(r.out()).get("sets");
        assertEquals("S", sets.get(0).get("name").asText());
        assertEquals(sets.get(1).get("n"), sets.get(0).get("n"));
        assertEquals(sets.get(1).get("parameters"), sets.get(0).get("parameters"));
    }

    @Test
    void anUnknownSweepIsNamed() {
        String db = dir.resolve("c.db").toString();
        CliRun.of("catalog", "init", "--catalog", db);
        CliRun r = CliRun.of("analyze", "catalog:Nope", "--catalog", db);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("has no sweep named \"Nope\""), r.err());
    }

    private static String line(double error, int d1) {
        return "{\"min_test_top1\": " + error + ", \"optim\": {\"base_lr\": 0.1, \"wd\": 0.0005}, \"net\": "
                + "{\"block_type\": \"res_basic_block\", \"ds\": [1, " + d1 + ", 1, 1], \"ws\": [16, 16, 32, 64],"
                + " \"ss\": [1, 1, 2, 2]}}\n";
    }
}
