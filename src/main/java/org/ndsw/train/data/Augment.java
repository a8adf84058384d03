package org.ndsw.train.data;

/**
 * The CIFAR-10 input pipeline of docs/reference/nds-json.md#training-recipe as pycls applies it: per-channel normalization, then (training only)
 * horizontal flip and a random 32x32 crop of the image zero-padded by 4 pixels.
 *
 * <p>pycls normalizes before padding, so the padded border is 0 after normalization (the mean colour). The enhanced
 * setup (paper §5.4) adds DARTS' Cutout last: one square per image set to 0, which after normalization is again the
 * mean colour, as in DARTS, whose Cutout follows Normalize.
 */
public final class Augment {
    /** Per-channel mean, 0-255 scale (docs/reference/nds-json.md#training-recipe). */
    static final float[] MEAN = {125.3f, 123.0f, 113.9f};
    /** Per-channel standard deviation, 0-255 scale (docs/reference/nds-json.md#training-recipe). */
    static final float[] STD = {63.0f, 62.1f, 66.7f};
    /** Zero padding before the random crop. */
    public static final int PAD = 4;

    /** normalized[c][v] = (v - mean[c]) / std[c] for each byte value v. */
    private static final float[][] TABLE = table();

    private Augment() {}

    /** The normalized value of byte v in channel c. */
    public static float normalize(int channel, int v) {
        return TABLE[channel][v];
    }

    /** Writes image i of a set, normalized, into out at offset (C·H·W floats). */
    static void plain(ImageSet set, int i, float[] out, int offset) {
        int plane = set.height() * set.width();
        int src = i * set.imageBytes();
        for (int c = 0; c < set.channels(); c++) {
            float[] t = TABLE[c];
            for (int p = 0; p < plane; p++) {
                out[offset + c * plane + p] = t[set.pixels()[src + c * plane + p] & 0xff];
            }
        }
    }

    /**
     * Writes image i flipped (if asked) and cropped at (dy, dx) of its padded version, normalized; dy and dx are in
     * [0, 2·PAD], (PAD, PAD) being the unshifted image.
     */
    static void crop(ImageSet set, int i, int dy, int dx, boolean flip, float[] out, int offset) {
        int h = set.height();
        int w = set.width();
        int src = i * set.imageBytes();
        for (int c = 0; c < set.channels(); c++) {
            float[] t = TABLE[c];
            int plane = src + c * h * w;
            for (int y = 0; y < h; y++) {
                int sy = y + dy - PAD;
                int row = offset + (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    int xs = x + dx - PAD;
                    int sx = flip ? w - 1 - xs : xs;
                    boolean inside = sy >= 0 && sy < h && xs >= 0 && xs < w;
                    out[row + x] = inside ? t[set.pixels()[plane + sy * w + sx] & 0xff] : 0f;
                }
            }
        }
    }

    /**
     * Zeroes, in every channel, the square of side `length` centred at pixel (cy, cx) of the C x h x w image at offset,
     * clipped at the borders: rows [cy - length/2, cy + length/2) and the same columns, as DARTS' Cutout(length)
     * computes them (so an odd length zeroes length - 1 rows).
     */
    static void cutout(float[] out, int offset, int channels, int h, int w, int cy, int cx, int length) {
        int y1 = Math.max(cy - length / 2, 0);
        int y2 = Math.min(cy + length / 2, h);
        int x1 = Math.max(cx - length / 2, 0);
        int x2 = Math.min(cx + length / 2, w);
        for (int c = 0; c < channels; c++) {
            for (int y = y1; y < y2; y++) {
                int row = offset + (c * h + y) * w;
                java.util.Arrays.fill(out, row + x1, row + Math.max(x1, x2), 0f);
            }
        }
    }

    private static float[][] table() {
        float[][] t = new float[3][256];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                t[c][v] = (v - MEAN[c]) / STD[c];
            }
        }
        return t;
    }
}
