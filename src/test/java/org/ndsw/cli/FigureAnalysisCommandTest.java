package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureAnalysisCommandTest {
    @TempDir Path dir;

    @Test
    void writesEachViewAsPngAndSvg() throws IOException {
        CliRun run = CliRun.of("figure", "analysis", "sample-data/study/ResNet.json", "--param", "net.ds[1]",
                "--map", "d,w", "--curves", "2", "--out", dir.toString());
        assertEquals(0, run.exit(), run.err());
        for (String stem : new String[] {"param-net.ds-1-resnet", "map-d-w-resnet", "curves-best-resnet",
                "curves-worst-resnet"}) {
            assertTrue(Files.size(dir.resolve(stem + ".png")) > 1000, stem);
            assertTrue(Files.readString(dir.resolve(stem + ".svg")).contains("<svg"), stem);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(8, files.count(), "no temporary file left");
        }
    }

    @Test
    void trendsAndBestModelsAreDrawnOnRequest() throws IOException {
        CliRun run = CliRun.of("figure", "analysis", "sample-data/study/ResNet.json", "sample-data/study/Vanilla.json",
                "--param", "d", "--trends", "--models", "1", "--curves", "1", "--out", dir.toString());
        assertEquals(0, run.exit(), run.err());
        for (String stem : new String[] {"trends-d", "model-resnet-1", "model-vanilla-1"}) {
            assertTrue(Files.readString(dir.resolve(stem + ".svg")).contains("<svg"), stem);
            assertTrue(Files.size(dir.resolve(stem + ".png")) > 1000, stem);
        }
        assertTrue(Files.readString(dir.resolve("trends-d.svg")).contains("trends of d"));
    }

    @Test
    void figureModelDrawsAStageNetAndBothCellsOfACellNet() throws IOException {
        String resnet = "{\"block_type\": \"res_basic_block\", \"ds\": [1, 2, 3], \"ws\": [16, 32, 64],"
                + " \"ss\": [1, 2, 2], \"bot_muls\": [1, 1, 1], \"num_gs\": [1, 1, 1]}";
        CliRun stage = CliRun.of("figure", "model", resnet, "--name", "R net", "--out", dir.toString());
        assertEquals(0, stage.exit(), stage.err());
        assertTrue(Files.readString(dir.resolve("r_net.svg")).contains("res_basic_block: 1x16 2x32 3x64"));
        CliRun sampled = CliRun.of("sample", "DARTS", "-n", "1", "--seed", "1");
        assertEquals(0, sampled.exit(), sampled.err());
        Path record = dir.resolve("darts.json");
        Files.writeString(record, sampled.out().strip());
        CliRun cells = CliRun.of("figure", "model", record.toString(), "--name", "darts", "--out", dir.toString());
        assertEquals(0, cells.exit(), cells.err());
        for (String stem : new String[] {"darts-normal", "darts-reduce"}) {
            assertTrue(Files.readString(dir.resolve(stem + ".svg")).contains("c_{k-1}"), stem);
        }
        CliRun bad = CliRun.of("figure", "model", dir.resolve("none.json").toString(), "--out", dir.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("none.json: no such file"), bad.err());
    }

    @Test
    void anUnknownParameterFailsWithItsName() {
        CliRun run = CliRun.of("figure", "analysis", "sample-data/study/ResNet.json", "--param", "net.zz",
                "--out", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("net.zz"), run.err());
    }

    @Test
    void reportWritesOneHtmlFile() throws IOException {
        Path out = dir.resolve("r.html");
        CliRun run = CliRun.of("report", "sample-data/study/ResNet.json", "--out", out.toString(), "--top", "2");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.readString(out).contains("<h2>Best models</h2>"));
    }

    @Test
    void aCatalogueSweepHasItsRunsCurvesAndTheSameRanges() throws IOException {
        String db = dir.resolve("c.db").toString();
        CliRun imported = CliRun.of("import", "sample-data/study/ResNet.json", "--catalog", db);
        assertEquals(0, imported.exit(), imported.err());
        Path figs = dir.resolve("figs");
        CliRun run = CliRun.of("figure", "analysis", "S=catalog:ResNet", "--param", "d", "--catalog", db,
                "--out", figs.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(figs.resolve("curves-best-s.png")), "a sweep's stored runs give curves");
        assertTrue(Files.readString(figs.resolve("param-d-s.svg")).contains("good [4, 8], best 6"),
                "the same good range as the file it was imported from");
        Path out = dir.resolve("cat.html");
        CliRun report = CliRun.of("report", "S=catalog:ResNet", "sample-data/study/Vanilla.json", "--catalog", db,
                "--out", out.toString());
        assertEquals(0, report.exit(), report.err());
        String html = Files.readString(out);
        assertTrue(html.contains("<td>catalog:ResNet</td>") && html.contains("S: best 3 of 100 runs"), "catalogue set");
    }
}
