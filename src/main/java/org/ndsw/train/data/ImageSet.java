package org.ndsw.train.data;

import java.util.List;

/**
 * Decoded images in memory: 8-bit RGB planes (C·H·W bytes per image, channel-major like the CIFAR binary format)
 * and a class index per image.
 *
 * @param pixels count·C·H·W bytes, image after image
 * @param labels class index of each image, in [0, classes.size())
 * @param channels C
 * @param height H
 * @param width W
 * @param classes class names, index = label
 */
public record ImageSet(byte[] pixels, int[] labels, int channels, int height, int width, List<String> classes) {
    /** Checks that pixels and labels agree. */
    public ImageSet {
        classes = List.copyOf(classes);
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(labels.length + " images of " + channels + "x" + height + "x" + width
                    + " need " + (long) labels.length * channels * height * width + " bytes, got " + pixels.length);
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Bytes per image. */
    public int imageBytes() {
        return channels * height * width;
    }

    /** Images per class, index = label. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** The images at these indices, in this order. */
    public ImageSet select(int[] indices) {
        int b = imageBytes();
        byte[] px = new byte[indices.length * b];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * b, px, i * b, b);
            lb[i] = labels[indices[i]];
        }
        return new ImageSet(px, lb, channels, height, width, classes);
    }
}
