package org.ndsw.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;

class ReportServiceTest {
    static final String RESNET = "sample-data/study/ResNet.json";
    static final String VANILLA = "sample-data/study/Vanilla.json";
    /** src or href attributes that point outside the page. */
    static final Pattern EXTERNAL = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)");
    @TempDir Path dir;

    @Test
    void reportHoldsEverySectionAndEscapesLabels() throws IOException {
        Path out = dir.resolve("report.html");
        String hostile = "<script>alert(\"R&D\")</script>";
        new ReportService().write(List.of(hostile + "=" + RESNET, VANILLA), null, ReportOptions.DEFAULTS, out);
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.strip().endsWith("</html>"));
        for (String section : List.of("<h2>Sets</h2>", "<h2>Error distributions</h2>", "Plain EDFs",
                "EDFs normalized by params", "<th>KS D</th>", "<h2>Parameters and their good ranges</h2>",
                "<h3>error against net.ds[1]</h3>", "<h2>Best models</h2>", "res_basic_block: 1x16",
                "<h2>Training curves of the best and worst runs</h2>", "<h3>trends across sets</h3>",
                "<h3>drawings of the best models</h3>", "trends of net.ds[1]")) {
            assertTrue(html.contains(section), section);
        }
        assertTrue(html.contains("<td>&lt;script&gt;alert(&quot;R&amp;D&quot;)&lt;/script&gt;</td>"));
        Matcher m = EXTERNAL.matcher(html);
        assertFalse(m.find(), () -> "external reference: " + html.substring(m.start(), m.start() + 60));
        assertFalse(html.contains("<script"), "no script, and a label is markup only when escaped (in SVG too)");
        assertFalse(html.contains("<link"), "no external stylesheet");
        // Three EDF or random-search figures, 11 varying parameters x 2 sets, 2 maps, 4 curve figures, 11 trends
        // and the 3 best models of each set drawn.
        assertEquals(3 + 22 + 2 + 4 + 11 + 6, count(html, "<svg"));
        assertEquals(count(html, "<svg"), count(html, "</svg>"));
    }

    /** The bundled study is far smaller than the paper's window: the report fits window and k as Compare does. */
    @Test
    void theNormalizedEdfsOfASmallStudyUseAWindowFittedToTheData() {
        String html = new ReportService().html(List.of(RESNET, VANILLA), null, ReportOptions.DEFAULTS);
        assertTrue(html.contains("the window and k are fitted to the data"), "the report says what it did");
        assertTrue(html.contains("normalized by params: k = 15, 0.02924 &lt; params &lt; 0.09998 M"));
    }

    @Test
    void figureIdsAreUniqueInThePage() throws IOException {
        String html = new ReportService().html(List.of(RESNET), null, ReportOptions.DEFAULTS);
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
        }
    }

    @Test
    void aMissingSetIsRefusedAndNoFileIsLeft() {
        Path out = dir.resolve("r.html");
        NdswException e = assertThrows(NdswException.class, () -> new ReportService()
                .write(List.of(dir.resolve("none.json").toString()), null, ReportOptions.DEFAULTS, out));
        assertTrue(e.getMessage().contains("none.json"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
