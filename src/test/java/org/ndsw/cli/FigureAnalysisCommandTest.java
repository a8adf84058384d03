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
}
