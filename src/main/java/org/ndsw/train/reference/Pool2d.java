package org.ndsw.train.reference;

import org.ndsw.net.Layer;
import org.ndsw.net.Shape;

/**
 * Max and average pooling over [N, C, H, W] maps, forward and backward, as torch.nn.MaxPool2d and AvgPool2d with
 * ceil_mode=False.
 *
 * <p>Max pooling pads with -inf (padding never wins) and, like PyTorch, keeps the first largest value of a window in
 * row-major order (a NaN wins); average pooling divides by the number of window cells inside the map
 * (count_include_pad=False).
 */
final class Pool2d {
    private final Layer.Pool pool;
    private final Shape in;
    private final Shape out;

    Pool2d(Layer.Pool pool, Shape in, Shape out) {
        this.pool = pool;
        this.in = in;
        this.out = out;
    }

    /** y = pool(x); for max pooling, argmax receives the index into x of each output's value. */
    void forward(double[] x, double[] y, int[] argmax, int n) {
        int planes = n * in.channels();
        for (int p = 0; p < planes; p++) {
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++) {
                    int o = (p * out.height() + oh) * out.width() + ow;
                    if (pool.kind() == Layer.PoolKind.MAX) {
                        argmax[o] = argmax(x, p, oh, ow);
                        y[o] = x[argmax[o]];
                    } else {
                        y[o] = windowSum(x, p, oh, ow) / windowCells(oh, ow);
                    }
                }
            }
        }
    }

    /** Adds dL/dx to dx, given dL/dy and the argmax of the forward pass (unused by average pooling). */
    void backward(double[] dy, double[] dx, int[] argmax, int n) {
        int planes = n * in.channels();
        for (int p = 0; p < planes; p++) {
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++) {
                    int o = (p * out.height() + oh) * out.width() + ow;
                    if (pool.kind() == Layer.PoolKind.MAX) {
                        dx[argmax[o]] += dy[o];
                    } else {
                        spread(dx, p, oh, ow, dy[o] / windowCells(oh, ow));
                    }
                }
            }
        }
    }

    private int argmax(double[] x, int p, int oh, int ow) {
        int best = -1;
        double max = Double.NEGATIVE_INFINITY;
        for (int ih = rowLo(oh); ih < rowHi(oh); ih++) {
            for (int iw = colLo(ow); iw < colHi(ow); iw++) {
                int i = (p * in.height() + ih) * in.width() + iw;
                if (best < 0 || x[i] > max || Double.isNaN(x[i])) {
                    best = i;
                    max = x[i];
                }
            }
        }
        return best;
    }

    private double windowSum(double[] x, int p, int oh, int ow) {
        double sum = 0;
        for (int ih = rowLo(oh); ih < rowHi(oh); ih++) {
            for (int iw = colLo(ow); iw < colHi(ow); iw++) {
                sum += x[(p * in.height() + ih) * in.width() + iw];
            }
        }
        return sum;
    }

    private void spread(double[] dx, int p, int oh, int ow, double g) {
        for (int ih = rowLo(oh); ih < rowHi(oh); ih++) {
            for (int iw = colLo(ow); iw < colHi(ow); iw++) {
                dx[(p * in.height() + ih) * in.width() + iw] += g;
            }
        }
    }

    private int windowCells(int oh, int ow) {
        return (rowHi(oh) - rowLo(oh)) * (colHi(ow) - colLo(ow));
    }

    private int rowLo(int oh) {
        return Math.max(0, oh * pool.stride() - pool.padding());
    }

    private int rowHi(int oh) {
        return Math.min(in.height(), oh * pool.stride() - pool.padding() + pool.kernel());
    }

    private int colLo(int ow) {
        return Math.max(0, ow * pool.stride() - pool.padding());
    }

    private int colHi(int ow) {
        return Math.min(in.width(), ow * pool.stride() - pool.padding() + pool.kernel());
    }
}
