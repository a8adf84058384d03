package org.ndsw.train.data;

/**
 * One RGB image of any size as floats in [0, 1] (before normalization), channel planes R, G, B, row-major: the
 * working form of {@link ImageNetTransforms}.
 *
 * @param data 3·height·width values, plane after plane
 * @param height rows
 * @param width columns
 */
public record Picture(float[] data, int height, int width) {
    /** Checks the size. */
    public Picture {
        if (height < 1 || width < 1 || data.length != 3 * height * width) {
            throw new IllegalArgumentException("a " + height + "x" + width + " RGB picture needs " + 3L * height * width
                    + " values, got " + data.length);
        }
    }

    /** The value of channel c at row y, column x. */
    public float at(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    /** The 8-bit CHW planes of a decoded image, scaled to [0, 1]. */
    public static Picture ofBytes(byte[] chw, int height, int width) {
        float[] d = new float[chw.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (chw[i] & 0xff) / 255f;
        }
        return new Picture(d, height, width);
    }
}
