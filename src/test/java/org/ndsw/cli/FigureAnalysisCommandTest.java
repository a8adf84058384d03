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
