package org.ndsw.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;
import org.ndsw.NdswException;

/** Saves figures as PNG (with the resolution recorded in the file) or SVG (sized in points), chosen by file extension. */
public final class FigureWriter {
    /** Decimal places of SVG coordinates: 0.1 pt (0.035 mm) is below what print or screen resolves. */
    private static final int SVG_DECIMALS = 1;

    private FigureWriter() {}

    /** Builds the chart for the figure and writes it to a .png or .svg path. */
    public static void write(Figure figure, Path path, FigureSize size) {
        write(ChartBuilder.build(figure, size.fontPt()), path, size);
    }

    /** Writes an already built chart (e.g. the one shown in the GUI) to a .png or .svg path. */
    public static void write(JFreeChart chart, Path path, FigureSize size) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".png")) {
                writePng(chart, path, size);
            } else if (name.endsWith(".svg")) {
                writeSvg(chart, path, size);
            } else {
                throw new NdswException("cannot write figure " + path + ": the file name must end in .png or .svg");
            }
        } catch (IOException e) {
            throw new NdswException("cannot write figure " + path + ": " + e.getMessage(), e);
        }
    }

    /** Whether the path names a format this writer supports. */
    public static boolean supports(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    private static void writeSvg(JFreeChart chart, Path path, FigureSize size) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(size.widthPt(), size.heightPt(), SVGUnits.PT);
        g2.setGeomDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS));
        g2.setTransformDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS + 2));
        chart.draw(g2, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        // The viewBox maps the drawing's user units onto the point-sized viewport, so sizes print as specified.
        String element = g2.getSVGElement(null, true, new ViewBox(0, 0, (int) Math.ceil(size.widthPt()),
                (int) Math.ceil(size.heightPt())), null, null);
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n";
        Files.writeString(path, doc, StandardCharsets.UTF_8);
    }

    private static void writePng(JFreeChart chart, Path path, FigureSize size) throws IOException {
        BufferedImage image = new BufferedImage(size.pixelWidth(), size.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.scale(size.dpi() / 72.0, size.dpi() / 72.0);
            chart.draw(g2, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        } finally {
            g2.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (OutputStream out = Files.newOutputStream(path);
             ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            meta.mergeTree("javax_imageio_png_1.0", physicalSize(size.dpi()));
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /** The PNG pHYs chunk: pixels per metre, so LaTeX and viewers place the image at its physical size. */
    private static IIOMetadataNode physicalSize(int dpi) {
        String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", ppm);
        phys.setAttribute("pixelsPerUnitYAxis", ppm);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        return root;
    }
}
