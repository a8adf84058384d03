package org.ndsw.figure;

/**
 * Output size in typographic points (1/72 in), the base font size in points and the PNG resolution.
 * SVG keeps the point size as its physical size; PNG gets widthPt·dpi/72 pixels.
 */
public record FigureSize(double widthPt, double heightPt, float fontPt, int dpi) {
    /** One column of a two-column paper (ICCV/CVPR: 3.25 in), 7 pt text, 300 dpi. */
    public static final FigureSize COLUMN = new FigureSize(234, 176, 7f, 300);
    /** Half a page wide (4.5 x 3.5 in), 9 pt text, 200 dpi: the default for --plot and reports. */
    public static final FigureSize LARGE = new FigureSize(324, 252, 9f, 200);
    /** Screen size for the GUI and quick looks: 600 x 420 pt (800 x 560 px at 96 dpi), 11 pt text. */
    public static final FigureSize SCREEN = new FigureSize(600, 420, 11f, 96);

    /** Validates the size. */
    public FigureSize {
        if (!(widthPt >= 50 && heightPt >= 50 && widthPt <= 5000 && heightPt <= 5000)) {
            throw new IllegalArgumentException("figure size must be 50-5000 pt per side, got " + widthPt + " x " + heightPt);
        }
        if (!(fontPt >= 4 && fontPt <= 48) || dpi < 36 || dpi > 1200) {
            throw new IllegalArgumentException("font 4-48 pt and 36-1200 dpi expected, got " + fontPt + " pt, " + dpi + " dpi");
        }
    }

    /** PNG width in pixels. */
    public int pixelWidth() {
        return (int) Math.round(widthPt * dpi / 72.0);
    }

    /** PNG height in pixels. */
    public int pixelHeight() {
        return (int) Math.round(heightPt * dpi / 72.0);
    }
}
