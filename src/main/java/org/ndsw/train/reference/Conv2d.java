package org.ndsw.train.reference;

import org.ndsw.net.Layer;
import org.ndsw.net.Shape;

/**
 * A grouped, strided, padded and dilated 2-D convolution without bias, forward and backward, as plain loops over
 * [N, C, H, W] maps.
 *
 * <p>Both passes walk the same loop nest (image, output channel, input channel of its group, kernel tap), and for each
 * tap only the output rows and columns whose input pixel lies inside the map, so no padding is materialized.
 */
final class Conv2d {
    private final Layer.Conv conv;
    private final Shape in;
    private final Shape out;
    private final int inPerGroup;
    private final int outPerGroup;

    Conv2d(Layer.Conv conv, Shape in, Shape out) {
        this.conv = conv;
        this.in = in;
        this.out = out;
        inPerGroup = conv.inChannels() / conv.groups();
        outPerGroup = conv.outChannels() / conv.groups();
    }

    /** y = conv(x, w) for a batch of n maps. */
    void forward(double[] x, double[] w, double[] y, int n) {
        for (int b = 0; b < n; b++) {
            for (int co = 0; co < conv.outChannels(); co++) {
                for (int ci = 0; ci < inPerGroup; ci++) {
                    for (int ki = 0; ki < conv.kernelH(); ki++) {
                        for (int kj = 0; kj < conv.kernelW(); kj++) {
                            Tap t = tap(b, co, ci, ki, kj);
                            double wv = w[t.weight];
                            for (int oh = t.ohLo; oh < t.ohHi; oh++) {
                                int xi = t.xBase + (oh * conv.strideH() + t.dh) * in.width() + t.dw;
                                int yi = t.yBase + oh * out.width();
                                for (int ow = t.owLo; ow < t.owHi; ow++) {
                                    y[yi + ow] += wv * x[xi + ow * conv.strideW()];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Adds dL/dw to dw and, unless dx is null, dL/dx to dx, given dL/dy. */
    void backward(double[] x, double[] w, double[] dy, double[] dx, double[] dw, int n) {
        for (int b = 0; b < n; b++) {
            for (int co = 0; co < conv.outChannels(); co++) {
                for (int ci = 0; ci < inPerGroup; ci++) {
                    for (int ki = 0; ki < conv.kernelH(); ki++) {
                        for (int kj = 0; kj < conv.kernelW(); kj++) {
                            Tap t = tap(b, co, ci, ki, kj);
                            double wv = w[t.weight];
                            double gw = 0;
                            for (int oh = t.ohLo; oh < t.ohHi; oh++) {
                                int xi = t.xBase + (oh * conv.strideH() + t.dh) * in.width() + t.dw;
                                int yi = t.yBase + oh * out.width();
                                for (int ow = t.owLo; ow < t.owHi; ow++) {
                                    double g = dy[yi + ow];
                                    gw += g * x[xi + ow * conv.strideW()];
                                    if (dx != null) {
                                        dx[xi + ow * conv.strideW()] += wv * g;
                                    }
                                }
                            }
                            dw[t.weight] += gw;
                        }
                    }
                }
            }
        }
    }

    /**
     * One kernel tap: its weight index, the offsets of the first input and output values, the input offset (dh, dw)
     * of output pixel (0, 0), and the output rows [ohLo, ohHi) and columns [owLo, owHi) that read inside the map.
     */
    private record Tap(int weight, int xBase, int yBase, int dh, int dw, int ohLo, int ohHi, int owLo, int owHi) {}

    private Tap tap(int b, int co, int ci, int ki, int kj) {
        int group = co / outPerGroup;
        int xBase = (b * conv.inChannels() + group * inPerGroup + ci) * in.height() * in.width();
        int yBase = (b * conv.outChannels() + co) * out.height() * out.width();
        int weight = ((co * inPerGroup + ci) * conv.kernelH() + ki) * conv.kernelW() + kj;
        int dh = ki * conv.dilation() - conv.padH();
        int dw = kj * conv.dilation() - conv.padW();
        return new Tap(weight, xBase, yBase, dh, dw, lo(dh, conv.strideH()), hi(dh, conv.strideH(), in.height(),
                out.height()), lo(dw, conv.strideW()), hi(dw, conv.strideW(), in.width(), out.width()));
    }

    /** The first output index o with o·s + d >= 0. */
    private static int lo(int d, int s) {
        return Math.max(0, -Math.floorDiv(d, s));
    }

    /** One past the last output index o with o·s + d <= size - 1. */
    private static int hi(int d, int s, int size, int outSize) {
        return Math.min(outSize, Math.floorDiv(size - 1 - d, s) + 1);
    }
}
