package org.ndsw.train;

/**
 * One batch ready for an engine: normalized images in NCHW order (float32), their labels, and in training the
 * drop-path masks of the network's {@link org.ndsw.net.Layer.DropPath} nodes.
 *
 * @param images size·C·H·W values, image after image, each as C planes of H rows
 * @param labels class index of each image
 * @param masks per drop-path slot, one factor per image (0 or 1/keep), slot after slot: masks[slot·size + i]; null
 *     when the batch carries none (inference, or a drop probability of 0), which makes every drop-path the identity
 */
public record Batch(float[] images, int[] labels, float[] masks) {
    /** Checks that the masks hold whole slots. */
    public Batch {
        if (masks != null && (labels.length == 0 || masks.length % labels.length != 0)) {
            throw new IllegalArgumentException(masks.length + " mask values are not whole slots of " + labels.length
                    + " images");
        }
    }

    /** A batch without drop-path masks. */
    public Batch(float[] images, int[] labels) {
        this(images, labels, null);
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Number of drop-path slots the batch carries masks for (0 without masks). */
    public int maskSlots() {
        return masks == null ? 0 : masks.length / labels.length;
    }

    /** The drop-path factor of image i in slot `slot`; 1 when the batch carries no masks. */
    public float mask(int slot, int i) {
        return masks == null ? 1f : masks[slot * labels.length + i];
    }
}
