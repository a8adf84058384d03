package org.ndsw.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ndsw.NdswException;
import org.w3c.dom.Document;

class FigureWriterTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(FigureKind.class)
    void everyKindRendersToPngAndSvg(FigureKind kind) throws Exception {
        Figure figure = FigureSamples.of(kind, 3, 2000);
        Path png = dir.resolve(kind + ".png");
        Path svg = dir.resolve(kind + ".svg");
        FigureWriter.write(figure, png, FigureSize.LARGE);
        FigureWriter.write(figure, svg, FigureSize.LARGE);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "PNG must decode");
        assertEquals(FigureSize.LARGE.pixelWidth(), image.getWidth());
        assertEquals(FigureSize.LARGE.pixelHeight(), image.getHeight());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals("324pt", doc.getDocumentElement().getAttribute("width"));
        assertTrue(Files.size(svg) > 2000, "SVG must hold a drawing");
    }

    @Test
    void fiveEdfsOf25kModelsGiveAnSvgUnder2Mb() {
        Figure figure = Figures.edfOverlay("EDFs", "", FigureSamples.edfs(5, 25_000), null);
        assertTrue(figure.pointCount() <= 5 * (StepSeries.DEFAULT_LEVELS + 2), "curves must be reduced");
        Path svg = dir.resolve("edf5.svg");
        FigureWriter.write(figure, svg, FigureSize.LARGE);
        long bytes = svg.toFile().length();
        assertTrue(bytes < 2_000_000, "SVG is " + bytes + " bytes");
    }

    @Test
    void svgTextUsesGenericFontFamilies() throws Exception {
        Path svg = dir.resolve("edf.svg");
        FigureWriter.write(FigureSamples.of(FigureKind.EDF, 2, 100), svg, FigureSize.COLUMN);
        String text = Files.readString(svg);
        assertTrue(text.contains("font-family: sans-serif") || text.contains("font-family:sans-serif")
                || text.contains("font-family=\"sans-serif\""), "generic family expected");
        assertFalse(text.contains("Dialog"), "Java logical font names must not leak into the SVG");
    }

    @Test
    void chartCreatesNoItemEntities() {
        JFreeChart chart = ChartBuilder.build(FigureSamples.of(FigureKind.EDF, 2, 100), 9f);
        for (int i = 0; i < chart.getXYPlot().getRendererCount(); i++) {
            assertFalse(chart.getXYPlot().getRenderer(i).getDefaultCreateEntities());
        }
    }

    @Test
    void unknownExtensionIsAUserError() {
        NdswException e = assertThrows(NdswException.class,
                () -> FigureWriter.write(FigureSamples.of(FigureKind.EDF, 1, 10), dir.resolve("f.jpg"), FigureSize.LARGE));
        assertTrue(e.getMessage().contains("f.jpg"));
    }
}
