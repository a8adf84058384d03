package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.RunRow;
import org.ndsw.app.catalog.CatalogService;
import org.ndsw.complexity.AnyNetComplexity;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.PyclsConfig;
import org.ndsw.pycls.PyclsYaml;

/** pycls configs both ways through the command line: complexity of YAML, sample, export-config, import sweep.json. */
class PyclsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RES = Path.of("src/test/resources/org/ndsw/pycls");

    @TempDir Path dir;

    @Test
    void complexityReadsPyclsYamlFiles() throws Exception {
        CliRun r = CliRun.of("complexity", "--convention", "macs",
                RES.resolve("configs/RegNetY-800MF_dds_8gpu.yaml").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\"flops\":797183328,\"params\":6263168,\"acts\":5249888}\n", r.out());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "MODEL:\n  TYPE: anynet\nANYNET:\n  DEPTHS: [1]\n"
                + "  WIDTHS: [8]\n  STRIDES: [2]\n  BOT_MULS: [1.0]\n  GROUP_WS: [x]\n");
        r = CliRun.of("complexity", bad.toString());
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertEquals("ndsw: " + bad + ": ANYNET.GROUP_WS[0] must be an integer, got \"x\"\n", r.err());
    }

    @Test
    void samplePrintsPyclsConfigsWhoseComplexityIsTheSamples() throws Exception {
        CliRun nds = CliRun.of("sample", "ResNeXt-A", "-n", "5", "--seed", "4", "--convention", "macs");
        CliRun cfgs = CliRun.of("sample", "ResNeXt-A", "-n", "5", "--seed", "4", "--format", "pycls");
        assertEquals(0, cfgs.exit(), cfgs.err());
        Path lines = Files.writeString(dir.resolve("c.jsonl"), cfgs.out());
        CliRun counted = CliRun.of("complexity", "--convention", "macs", lines.toString());
        List<String> want = nds.out().lines().map(l -> {
            try {
                JsonNode n = JSON.readTree(l);
                return "{\"flops\":" + n.get("flops") + ",\"params\":" + n.get("params") + ",\"acts\":" + n.get("acts")
                        + "}";
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(want, counted.out().lines().toList());
        CliRun files = CliRun.of("sample", "AnyNetX_B", "-n", "3", "--seed", "1", "--format", "pycls", "--out",
                dir.resolve("yaml").toString());
        assertEquals(0, files.exit(), files.err());
        assertEquals("wrote 3 pycls configs to " + dir.resolve("yaml") + "\n", files.out());
        assertTrue(Files.isRegularFile(dir.resolve("yaml/AnyNetX_B-0003.yaml")));
        CliRun cell = CliRun.of("sample", "DARTS", "-n", "1", "--seed", "1", "--format", "pycls");
        assertEquals(Main.EXIT_USER_ERROR, cell.exit());
        assertTrue(cell.err().startsWith("ndsw: space DARTS is a cell space"), cell.err());
    }

    @Test
    void importsASweepJsonAndExportsItsConfigsBack() throws Exception {
        Path sweepDir = Files.createDirectories(dir.resolve("cifar_demo"));
        Path sweep = Files.copy(RES.resolve("cifar_demo/sweep.json"), sweepDir.resolve("sweep.json"));
        String db = dir.resolve("c.db").toString();
        CliRun r = CliRun.of("import", sweep.toString(), "--catalog", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  sweep cifar_demo (space pycls, cifar10): 3 runs of 3 models\n"), r.out());
        assertTrue(r.out().contains("      3 records checked: params no mismatches; flops no mismatches\n"), r.out());
        assertEquals(sweep + ": already imported, unchanged (sweep cifar_demo)\n",
                CliRun.of("import", sweep.toString(), "--catalog", db).out());
        List<RunRow> rows;
        try (Catalog c = Catalog.open(Path.of(db))) {
            CatalogService s = new CatalogService(c);
            rows = s.rows(java.util.Arrays.stream(s.modelIds(ModelQuery.of("cifar_demo"))).boxed().toList());
        }
        assertEquals(List.of(33.65, 58.99, 44.02), rows.stream().map(RunRow::error).toList());
        assertEquals(List.of(33.65, 59.44, 44.02), rows.stream().map(RunRow::finalError).toList());
        assertEquals(List.of("done", "done", "failed"), rows.stream().map(x -> x.status().toLowerCase()).toList());
        assertEquals(List.of(40813194L, 2572938L, 89899978L), rows.stream().map(RunRow::flops).toList());

        Path out = dir.resolve("configs");
        CliRun e = CliRun.of("export-config", "cifar_demo", "--format", "pycls", "--out", out.toString(),
                "--catalog", db);
        assertEquals(0, e.exit(), e.err());
        assertEquals("wrote 3 pycls configs of sweep cifar_demo to " + out + "\n", e.out());
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertEquals(3, files.size());
        for (int i = 0; i < 3; i++) {
            var cfg = PyclsYaml.read(files.get(i)).get(0).config();
            PyclsConfig p = PyclsConfig.parse(cfg);
            assertEquals(rows.get(i).flops(), AnyNetComplexity.of(p.net(), p.imageSize(), Convention.MACS).flops());
            assertEquals("cos", cfg.at("/OPTIM/LR_POLICY").textValue());
            assertEquals(2, cfg.at("/OPTIM/MAX_EPOCH").intValue());
            assertEquals(32, cfg.at("/TEST/IM_SIZE").intValue());
        }
        assertEquals("regnet", PyclsYaml.read(files.get(1)).get(0).config().at("/MODEL/TYPE").textValue());
        CliRun model = CliRun.of("export-config", rows.get(0).model().substring(0, 8), "--format", "pycls", "--out",
                dir.resolve("one").toString(), "--catalog", db);
        assertEquals(0, model.exit(), model.err());
        assertTrue(Files.isRegularFile(dir.resolve("one/" + rows.get(0).model().substring(0, 12) + ".yaml")));
    }

    @Test
    void aChangedSweepJsonNeedsReplace() throws Exception {
        Path sweepDir = Files.createDirectories(dir.resolve("cifar_demo"));
        Path sweep = Files.copy(RES.resolve("cifar_demo/sweep.json"), sweepDir.resolve("sweep.json"));
        String db = dir.resolve("c.db").toString();
        assertEquals(0, CliRun.of("import", sweep.toString(), "--catalog", db).exit());
        Files.writeString(sweep, Files.readString(sweep).replace("33.65", "33.5"));
        CliRun r = CliRun.of("import", sweep.toString(), "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("was imported from a different pycls sweep.json; pass --replace to replace it"),
                r.err());
        r = CliRun.of("import", sweep.toString(), "--replace", "--catalog", db);
        assertEquals(0, r.exit(), r.err());
        CliRun models = CliRun.of("models", "cifar_demo", "--catalog", db, "--json");
        assertTrue(models.out().contains("33.5"), models.out());
        assertTrue(!models.out().contains("33.65"), models.out());
    }

    @Test
    void aBadJobRejectsTheSweepJsonNamingJobKeyAndValue() throws Exception {
        Path sweepDir = Files.createDirectories(dir.resolve("bad_demo"));
        String text = Files.readString(RES.resolve("cifar_demo/sweep.json"));
        String db = dir.resolve("c.db").toString();
        Path bad = Files.writeString(sweepDir.resolve("sweep.json"),
                text.replace("\"flops\": 2572938", "\"flops\": \"many\""));
        CliRun r = CliRun.of("import", bad.toString(), "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains(bad + ": job 1 (sweeps/cifar_demo/logs/000002/stdout.log): complexity.flops must"
                + " be a non-negative integer, got \"many\""), r.err());
        String headW = "\"GROUP_W\": 8, \"HEAD_W\": 0";
        assertEquals(1, text.split(headW, -1).length - 1, "job 1's REGNET section is the only one with GROUP_W 8");
        Files.writeString(bad, text.replace(headW, "\"GROUP_W\": 8, \"HEAD_W\": 1024"));
        r = CliRun.of("import", bad.toString(), "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("job 1 (sweeps/cifar_demo/logs/000002/stdout.log): cfg: the workbench's net form"
                + " cannot hold HEAD_W 1024 (a head conv)"), r.err());
        assertTrue(CliRun.of("sweeps", "--catalog", db).out().lines().noneMatch(l -> l.startsWith("bad_demo")));
    }

    @Test
    void aSweepJobWithSeImportsAsANetWithSeRAndExportsItsSe() throws Exception {
        Path sweepDir = Files.createDirectories(dir.resolve("se_demo"));
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode jobs = (com.fasterxml.jackson.databind.node.ArrayNode)
                m.readTree(RES.resolve("cifar_demo/sweep.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode job = (com.fasterxml.jackson.databind.node.ObjectNode) jobs.get(1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) job.get("cfg").get("REGNET")).put("SE_ON", true);
        Path sweep = sweepDir.resolve("sweep.json");
        m.writeValue(sweep.toFile(), jobs);
        org.ndsw.pycls.PyclsSweep.Job parsed = org.ndsw.pycls.PyclsSweep.read(sweep).get(1);
        assertEquals(0.25, parsed.spec().seRatio());
        // the complexity pycls would log for the job with SE (AnyNetComplexity reproduces pycls's RegNetY pins)
        var withSe = AnyNetComplexity.of(parsed.net(), parsed.imageSize(), Convention.MACS);
        assertTrue(withSe.params() > 43354L);
        ((com.fasterxml.jackson.databind.node.ObjectNode) job.get("complexity")).put("flops", withSe.flops())
                .put("params", withSe.params()).put("acts", withSe.acts());
        m.writeValue(sweep.toFile(), jobs);
        String db = dir.resolve("se.db").toString();
        CliRun r = CliRun.of("import", sweep.toString(), "--catalog", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("      3 records checked: params no mismatches; flops no mismatches\n"), r.out());
        List<RunRow> rows;
        try (Catalog c = Catalog.open(Path.of(db))) {
            CatalogService s = new CatalogService(c);
            rows = s.rows(java.util.Arrays.stream(s.modelIds(ModelQuery.of("se_demo"))).boxed().toList());
        }
        String net = rows.get(1).net();
        assertTrue(net.contains("\"se_r\":0.25"), net);
        Path out = dir.resolve("se_configs");
        CliRun e = CliRun.of("export-config", rows.get(1).model().substring(0, 8), "--format", "pycls", "--out",
                out.toString(), "--catalog", db);
        assertEquals(0, e.exit(), e.err());
        var cfg = PyclsYaml.read(out.resolve(rows.get(1).model().substring(0, 12) + ".yaml")).get(0).config();
        PyclsConfig back = PyclsConfig.parse(cfg);
        assertEquals(0.25, back.net().seRatio(), cfg.toString());
        assertEquals(withSe, AnyNetComplexity.of(back.net(), back.imageSize(), Convention.MACS));
    }

    @Test
    void aSweepJobWithResStemInImportsAsANetWithStemTypeAndExportsIt() throws Exception {
        Path sweepDir = Files.createDirectories(dir.resolve("r_demo"));
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode jobs = (com.fasterxml.jackson.databind.node.ArrayNode)
                m.readTree(RES.resolve("cifar_demo/sweep.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode job = (com.fasterxml.jackson.databind.node.ObjectNode) jobs.get(1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) job.get("cfg").get("REGNET")).put("STEM_TYPE", "res_stem_in");
        Path sweep = sweepDir.resolve("sweep.json");
        m.writeValue(sweep.toFile(), jobs);
        org.ndsw.pycls.PyclsSweep.Job parsed = org.ndsw.pycls.PyclsSweep.read(sweep).get(1);
        assertEquals(org.ndsw.space.StemType.RES_STEM_IN, parsed.spec().stemType());
        // the complexity pycls would log for the job with the ResNet stem
        var logged = AnyNetComplexity.of(parsed.net(), parsed.imageSize(), Convention.MACS);
        ((com.fasterxml.jackson.databind.node.ObjectNode) job.get("complexity")).put("flops", logged.flops())
                .put("params", logged.params()).put("acts", logged.acts());
        m.writeValue(sweep.toFile(), jobs);
        String db = dir.resolve("r.db").toString();
        CliRun r = CliRun.of("import", sweep.toString(), "--catalog", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("      3 records checked: params no mismatches; flops no mismatches\n"), r.out());
        List<RunRow> rows;
        try (Catalog c = Catalog.open(Path.of(db))) {
            CatalogService s = new CatalogService(c);
            rows = s.rows(java.util.Arrays.stream(s.modelIds(ModelQuery.of("r_demo"))).boxed().toList());
        }
        String net = rows.get(1).net();
        assertTrue(net.contains("\"stem_type\":\"res_stem_in\""), net);
        Path out = dir.resolve("r_configs");
        CliRun e = CliRun.of("export-config", rows.get(1).model().substring(0, 8), "--format", "pycls", "--out",
                out.toString(), "--catalog", db);
        assertEquals(0, e.exit(), e.err());
        var cfg = PyclsYaml.read(out.resolve(rows.get(1).model().substring(0, 12) + ".yaml")).get(0).config();
        PyclsConfig back = PyclsConfig.parse(cfg);
        assertEquals(org.ndsw.complexity.AnyNet.Stem.RES_STEM_IN, back.net().stem(), cfg.toString());
        assertEquals(logged, AnyNetComplexity.of(back.net(), back.imageSize(), Convention.MACS));
    }

    @Test
    void exportsTheConfigsOfAnNdsCifarSweep() throws Exception {
        Path resnet = dir.resolve("ResNet.json");
        String db = dir.resolve("c.db").toString();
        assertEquals(0, CliRun.of("bench", "generate", "--space", "ResNet", "-n", "5", "--seed", "1", "--epochs", "10",
                "--out", resnet.toString()).exit());
        assertEquals(0, CliRun.of("import", resnet.toString(), "--catalog", db).exit());
        Path out = dir.resolve("configs");
        CliRun e = CliRun.of("export-config", "ResNet", "--format", "pycls", "--out", out.toString(), "--catalog", db);
        assertEquals(0, e.exit(), e.err());
        var cfg = PyclsYaml.read(out.resolve("ResNet-0001.yaml")).get(0).config();
        assertEquals("res_stem_cifar", cfg.at("/ANYNET/STEM_TYPE").textValue());
        assertEquals("res_basic_block", cfg.at("/ANYNET/BLOCK_TYPE").textValue());
        assertEquals(10, cfg.at("/MODEL/NUM_CLASSES").intValue());
        assertEquals("cifar10", cfg.at("/TRAIN/DATASET").textValue());
        CliRun missing = CliRun.of("export-config", "nope", "--format", "pycls", "--out", out.toString(),
                "--catalog", db);
        assertEquals(Main.EXIT_USER_ERROR, missing.exit());
        assertTrue(missing.err().contains("no sweep named \"nope\""), missing.err());
    }
}
