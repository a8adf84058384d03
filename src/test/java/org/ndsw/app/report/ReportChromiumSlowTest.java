package org.ndsw.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report of the sample study in headless Chromium (Debian's {@code chromium}, installed by .ci/run) and checks
 * that the screenshot shows drawn figures, not a blank page: `mvn -o -Pslow test -Dtest=ReportChromiumSlowTest`.
 */
@Tag("slow")
class ReportChromiumSlowTest {
    private static final String CHROMIUM = System.getProperty("ndsw.chromium", "chromium");
    @TempDir Path dir;

    @Test
    void theReportRendersOfflineInChromium() throws IOException, InterruptedException {
        assumeTrue(onPath(CHROMIUM), CHROMIUM + " is not installed (apt-get install chromium)");
        Path report = dir.resolve("report.html");
        new ReportService().write(List.of(ReportServiceTest.RESNET, ReportServiceTest.VANILLA), null,
                ReportOptions.DEFAULTS, report);
        String html = Files.readString(report);
        Matcher m = ReportServiceTest.EXTERNAL.matcher(html);
        assertFalse(m.find(), "the report references nothing outside itself");

        Path shot = dir.resolve("shot.png");
        Process p = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--screenshot=" + shot, "--window-size=1400,2000", report.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "chromium did not finish in 180 s");
        assertEquals(0, p.exitValue(), () -> log(dir));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1400, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                inked += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        // Text, tables and the EDF and random-search figures: measured about 2,000 colours and 10% inked; a blank page has 1 colour.
        assertTrue(colours.size() > 200, "only " + colours.size() + " colours: a blank page?");
        assertTrue(inked > pixels / 50, "only " + inked + " of " + pixels + " pixels are not white");
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of(exe));
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("chromium.log"));
        } catch (IOException e) {
            return "no log: " + e.getMessage();
        }
    }
}
