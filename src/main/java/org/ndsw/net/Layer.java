package org.ndsw.net;

/**
 * The operation of one graph node. Layers hold their hyperparameters only; shapes live on the node.
 *
 * <p>This is the vocabulary every engine must implement and the complexity counter reads (docs/reference/blocks-and-ops.md).
 */
public sealed interface Layer {

    /** The network input. */
    record Input() implements Layer {}

    /**
     * A 2-D convolution without bias: kernel kh x kw, strides, zero padding, dilation (both axes) and groups.
     * Output size per axis: floor((h + 2p - dilation·(k-1) - 1) / s) + 1.
     */
    record Conv(int inChannels, int outChannels, int kernelH, int kernelW, int strideH, int strideW, int padH,
            int padW, int dilation, int groups) implements Layer {
        /** True if every group is one channel in and out: a depthwise convolution. */
        public boolean isDepthwise() {
            return groups > 1 && groups == inChannels && groups == outChannels;
        }
    }

    /** Affine batch normalization over channels (gamma, beta; running mean and variance are not parameters). */
    record BatchNorm(int channels, double eps) implements Layer {}

    /** Rectified linear unit. */
    record Relu() implements Layer {}

    /** Element-wise sum of inputs of equal shape. */
    record Add() implements Layer {}

    /** Channel concatenation of inputs of equal height and width, in input order. */
    record Concat() implements Layer {}

    /** Max or average pooling; average pooling excludes padding from the divisor. */
    record Pool(PoolKind kind, int kernel, int stride, int padding) implements Layer {}

    /** Kinds of pooling. */
    enum PoolKind { MAX, AVG }

    /** Zeros shaped like the input subsampled by `stride` (x[:, :, ::s, ::s]·0): the DARTS "none" op. */
    record Zero(int stride) implements Layer {}

    /**
     * Shifts the map by one pixel up and left, filling the last row and column with zeros (pad right/bottom by one,
     * drop the first row and column): the second branch of FactorizedReduce.
     */
    record Shift() implements Layer {}

    /** Global average pooling to C x 1 x 1. */
    record GlobalAvgPool() implements Layer {}

    /**
     * A fully connected layer on the flattened input, with or without bias. {@code pointwise} marks a biased 1x1 conv
     * on a 1x1 map (squeeze-and-excitation's two convs): the same function, initialized as pycls initializes convs.
     */
    record Linear(int inFeatures, int outFeatures, boolean bias, boolean pointwise) implements Layer {
        /** An fc layer (not a pointwise conv). */
        public Linear(int inFeatures, int outFeatures, boolean bias) {
            this(inFeatures, outFeatures, bias, false);
        }
    }

    /** The logistic sigmoid 1 / (1 + e^-x), element-wise. */
    record Sigmoid() implements Layer {}

    /**
     * Channel-wise scaling: the first input, a C x H x W map, times the second, a C x 1 x 1 gate, broadcast over each
     * plane (squeeze-and-excitation's multiply). No parameters, no cost.
     */
    record ChannelScale() implements Layer {}

    /**
     * Drop-path (DARTS {@code drop_path}): in training, each sample's map is multiplied by its factor in mask
     * {@code slot} of the batch (0 or 1/keep, drawn by the training loop); the identity in inference or when the batch
     * carries no masks. No parameters, no cost.
     */
    record DropPath(int slot) implements Layer {}
}
