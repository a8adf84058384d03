package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.catalog.CatalogSnapshot;
import org.ndsw.catalog.nds.Records;

/** The catalogue commands end to end: init, info, import, sweeps, models, export; output contracts and exit codes. */
class CatalogCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    String db;
    Path resnet;
    Path vanilla;

    @BeforeEach
    void files() {
        db = dir.resolve("c.db").toString();
        resnet = dir.resolve("ResNet.json");
        vanilla = dir.resolve("Vanilla.json");
        assertEquals(0, CliRun.of("bench", "generate", "--space", "ResNet", "-n", "60", "--seed", "1", "--epochs", "10",
                "--iter-values", "4", "--decimals", "3", "--out", resnet.toString()).exit());
        assertEquals(0, CliRun.of("bench", "generate", "--space", "Vanilla", "-n", "40", "--seed", "2", "--epochs", "10",
                "--iter-values", "4", "--decimals", "3", "--out", vanilla.toString()).exit());
    }

    @Test
    void initThenInfoDescribeTheFile() throws Exception {
        CliRun init = CliRun.of("catalog", "init", "--catalog", db);
        assertEquals(0, init.exit(), init.err());
        assertEquals("created catalogue " + db + " (schema version " + org.ndsw.catalog.Schema.latest() + ")\n", init.out());
        assertTrue(CliRun.of("catalog", "init", "--catalog", db).out().startsWith("opened catalogue"));
        JsonNode info = JSON.readTree(CliRun.of("catalog", "info", "--catalog", db, "--json").out());
        assertEquals(db, info.get("file").asText());
        assertEquals(org.ndsw.catalog.Schema.latest(), info.get("schema_version").intValue());
        assertEquals("wal", info.get("journal_mode").asText());
        assertEquals(0, info.get("runs").intValue());
    }

    @Test
    void readingCommandsNeverCreateACatalogue() {
        CliRun r = CliRun.of("sweeps", "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertEquals("ndsw: no catalogue at " + db + "; create one with `ndsw catalog init` or `ndsw import`\n", r.err());
        assertFalse(Files.exists(Path.of(db)));
    }

    @Test
    void importReportsEachSweepWithItsVerification() {
        CliRun r = CliRun.of("import", resnet.toString(), vanilla.toString(), "--catalog", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  sweep ResNet (space ResNet, cifar10): 60 runs of 60 models\n"), r.out());
        assertTrue(r.out().contains("      60 records checked: params no mismatches; flops no mismatches\n"), r.out());
        assertTrue(r.out().contains("nds convention (docs/reference/complexity.md)\n"), r.out());
        assertTrue(r.out().contains("      optim.wd: {0.0005}\n"), r.out());
        CliRun again = CliRun.of("import", resnet.toString(), "--catalog", db);
        assertEquals(0, again.exit());
        assertEquals(resnet + ": already imported, unchanged (sweep ResNet)\n", again.out());
    }

    @Test
    void importJsonListsInputsWithOutcomes() throws Exception {
        JsonNode a = JSON.readTree(CliRun.of("import", resnet.toString(), "--catalog", db, "--json").out());
        assertEquals("imported", a.get(0).get("outcome").asText());
        assertEquals("ResNet", a.get(0).get("sweeps").get(0).get("name").asText());
        assertEquals(60, a.get(0).get("sweeps").get(0).get("verification").get("complexity").get("checked").intValue());
    }

    @Test
    void anyRejectedInputExitsNonZeroAndChangesNothing() throws Exception {
        CliRun.of("import", vanilla.toString(), "--catalog", db);
        String before = CatalogSnapshot.of(Path.of(db));
        Path bad = Files.writeString(dir.resolve("ResNeXt-A.json"), Records.list(List.of(Records.resnet56(5, 1),
                Records.resnet56(5, 2).replace("\"min_test_top1\": 5.0", "\"min_test_top1\": \"five\""))));
        CliRun r = CliRun.of("import", bad.toString(), "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().startsWith("ndsw: " + bad + ": record 1 (byte "), r.err());
        assertTrue(r.err().contains("min_test_top1 must be a number (best-epoch top-1 error in %), got a string"), r.err());
        assertEquals(before, CatalogSnapshot.of(Path.of(db)));
    }

    @Test
    void sweepsJsonKeepsItsContract() throws Exception {
        CliRun.of("import", resnet.toString(), vanilla.toString(), "--catalog", db);
        JsonNode a = JSON.readTree(CliRun.of("sweeps", "--catalog", db, "--json").out());
        assertEquals(2, a.size());
        JsonNode s = a.get(0);
        for (String field : List.of("name", "space", "dataset", "source", "models", "runs")) {
            assertTrue(s.has(field), field);
        }
        assertEquals("ResNet", s.get("name").asText());
        assertEquals("ResNet", s.get("space").asText());
        assertEquals("cifar10", s.get("dataset").asText());
        assertEquals(resnet.toString(), s.get("source").asText());
        assertEquals(60, s.get("models").intValue());
        assertEquals(60, s.get("runs").intValue());
    }

    @Test
    void modelsFiltersSortsAndPages() throws Exception {
        CliRun.of("import", resnet.toString(), vanilla.toString(), "--catalog", db);
        CliRun r = CliRun.of("models", "ResNet", "--catalog", db, "--where", "error<30", "--where", "net.ds[1]>=2",
                "--sort", "-params", "--limit", "5", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode a = JSON.readTree(r.out());
        assertEquals(5, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).get("error").doubleValue() < 30);
            assertTrue(a.get(i).get("net").get("ds").get(1).intValue() >= 2);
            if (i > 0) {
                assertTrue(a.get(i - 1).get("params").longValue() >= a.get(i).get("params").longValue());
            }
        }
        assertTrue(r.err().matches("5 of \\d+ matching runs shown \\(rows 1 to 5\\); use --limit and --offset for more\\n"),
                r.err());
    }

    @Test
    void modelsTableShowsFiftyByDefaultAndCsvShowsAll() {
        CliRun.of("import", resnet.toString(), vanilla.toString(), "--catalog", db);
        CliRun table = CliRun.of("models", "--catalog", db, "--sort", "error");
        assertEquals(51, table.out().split("\n").length);
        assertTrue(table.err().startsWith("50 of 100 matching runs shown"), table.err());
        CliRun csv = CliRun.of("models", "--catalog", db, "--csv");
        assertEquals(101, csv.out().split("\r\n").length);
        assertEquals("", csv.err());
    }

    @Test
    void aBadWhereIsAOneLineError() {
        CliRun.of("import", resnet.toString(), "--catalog", db);
        CliRun r = CliRun.of("models", "--catalog", db, "--where", "eror<8");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().startsWith("ndsw: --where \"eror<8\": unknown field \"eror\""), r.err());
    }

    @Test
    void exportWritesNdsAndCsv() throws Exception {
        CliRun.of("import", resnet.toString(), "--catalog", db);
        Path nds = dir.resolve("out.json");
        CliRun r = CliRun.of("export", "ResNet", "--format", "nds", "--out", nds.toString(), "--catalog", db);
        assertEquals(0, r.exit(), r.err());
        assertEquals("wrote 60 runs of ResNet to " + nds + "\n", r.out());
        assertEquals(JSON.readTree(resnet.toFile()).get(7).get("min_test_top1"),
                JSON.readTree(nds.toFile()).get(7).get("min_test_top1"));
        Path csv = dir.resolve("out.csv");
        assertEquals(0, CliRun.of("export", "ResNet", "--format", "csv", "--out", csv.toString(), "--catalog", db).exit());
        assertEquals(61, Files.readAllLines(csv).size());
        CliRun bad = CliRun.of("export", "ResNet", "--format", "xml", "--out", csv.toString(), "--catalog", db);
        assertEquals("ndsw: --format must be nds or csv, got \"xml\"\n", bad.err());
    }
}
