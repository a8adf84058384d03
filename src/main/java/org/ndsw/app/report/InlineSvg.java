package org.ndsw.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ndsw.NdswException;
import org.ndsw.figure.Figure;
import org.ndsw.figure.FigureSize;
import org.ndsw.figure.FigureWriter;

/**
 * A figure as an {@code <svg>} element to put inside an HTML page: the figure model's SVG without its XML declaration,
 * its ids (clip paths, gradients) prefixed so that several figures on one page do not share them.
 */
public final class InlineSvg {
    private InlineSvg() {}

    /** The figure drawn as SVG markup, ids prefixed by {@code prefix}. */
    public static String of(Figure figure, FigureSize size, String prefix) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("ndsw-figure", ".svg");
            FigureWriter.write(figure, tmp, size);
            return prefixIds(Files.readString(tmp), prefix);
        } catch (IOException e) {
            throw new NdswException("cannot draw figure " + figure.title() + " as SVG: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** Drops the XML declaration and prefixes every id and every local reference to one. */
    static String prefixIds(String svg, String prefix) {
        String s = svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).strip() : svg.strip();
        return s.replace("id=\"", "id=\"" + prefix)
                .replace("url(#", "url(#" + prefix)
                .replace("href=\"#", "href=\"#" + prefix);
    }
}
