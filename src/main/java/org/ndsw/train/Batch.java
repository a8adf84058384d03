package org.ndsw.train;

/**
 * One batch ready for an engine: normalized images in NCHW order (float32) and their labels.
 *
 * @param images size·C·H·W values, image after image, each as C planes of H rows
 * @param labels class index of each image
 */
public record Batch(float[] images, int[] labels) {
    /** Number of images. */
    public int size() {
        return labels.length;
    }
}
