package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.NdsFixtures;

class FigureCommandTest {
    @TempDir Path dir;

    @Test
    void paperRendersEveryFigureItHasDataForAndReportsTheRest() throws IOException {
        Path nds = Files.createDirectories(dir.resolve("nds"));
        NdsFixtures.writeList(nds.resolve("ResNet.json"), 2000, 0, 1, 2);
        NdsFixtures.writeList(nds.resolve("Vanilla.json"), 2000, 2.5, 2, 2);
        NdsFixtures.writeList(nds.resolve("ResNeXt-B.json"), 2000, -0.8, 3, 2);
        NdsFixtures.writeList(nds.resolve("DARTS.json"), 2000, -0.8, 4, 2);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("figure", "paper", "--nds-dir", nds.toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.err());
        List<String> expected = List.of("fig2a-min-difference", "fig2b-edf-100-vs-1000", "fig3a-edf",
                "fig3b-edf-params", "fig3c-edf-flops", "fig5-random-search", "fig6-edf-params", "fig7-sample-size",
                "fig10-nas-random-search", "fig11a-resnext-darts-params", "fig11b-resnext-darts-flops");
        for (String stem : expected) {
            assertNotNull(ImageIO.read(out.resolve(stem + ".png").toFile()), stem);
            assertTrue(Files.readString(out.resolve(stem + ".svg")).contains("<svg"), stem);
        }
        assertFalse(Files.exists(out.resolve("fig9a-nas-params.png")), "Fig. 9 needs two NAS spaces");
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("Fig. 9: needs at least 2 of NASNet.json"), report);
        assertTrue(report.contains("missing NASNet.json"), report);
        assertTrue(report.contains("## Fig. 3") && report.contains("| ResNet | Vanilla |"), report);
        assertTrue(report.contains("min of 1,000 below min of 100 in"), report);
        assertTrue(run.out().contains("Fig. 9: skipped"), run.out());
    }

    @Test
    void aFolderWithoutNdsFilesIsAUserError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun run = CliRun.of("figure", "paper", "--nds-dir", empty.toString(), "--out", dir.resolve("o").toString());
        assertEquals(Main.EXIT_USER_ERROR, run.exit());
        assertTrue(run.err().startsWith("ndsw: no figure could be made"), run.err());
        assertTrue(Files.exists(dir.resolve("o").resolve("report.md")));
        CliRun missing = CliRun.of("figure", "paper", "--nds-dir", dir.resolve("nope").toString(), "--out",
                dir.resolve("o2").toString());
        assertEquals(Main.EXIT_USER_ERROR, missing.exit());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }
}
