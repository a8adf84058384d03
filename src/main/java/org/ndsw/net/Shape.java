package org.ndsw.net;

/** The shape of one feature map, channels x height x width (batch excluded). */
public record Shape(int channels, int height, int width) {
    /** Number of elements: C·H·W. */
    public long elements() {
        return (long) channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
