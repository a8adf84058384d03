package org.ndsw.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import org.ndsw.net.Layer;

/** The parameter-free ops of the graph vocabulary that DJL has no block for. */
final class Ops {
    private Ops() {}

    /** Max or average pooling; average pooling leaves padding out of the divisor (count_include_pad=False). */
    static NDArray pool(NDArray x, Layer.Pool p) {
        Shape k = new Shape(p.kernel(), p.kernel());
        Shape s = new Shape(p.stride(), p.stride());
        Shape pad = new Shape(p.padding(), p.padding());
        if (p.kind() == Layer.PoolKind.MAX) {
            return Pool.maxPool2d(x, k, s, pad, false);
        }
        NDArray withPad = Pool.avgPool2d(x, k, s, pad, false, true);
        if (p.padding() == 0) {
            return withPad;
        }
        // DJL 0.36's PyTorch binding drops count_include_pad (always true), so divide by the share of each window
        // that lies inside the map: the same pooling applied to ones.
        Shape map = new Shape(1, 1, x.getShape().get(2), x.getShape().get(3));
        try (NDArray ones = x.getManager().ones(map, x.getDataType(), x.getDevice());
                NDArray inside = Pool.avgPool2d(ones, k, s, pad, false, true)) {
            NDArray out = withPad.div(inside);
            withPad.close();
            return out;
        }
    }

    /** Zeros shaped like x[:, :, ::s, ::s]: the "none" op. Its gradient to x is zero, so x is not read. */
    static NDArray zeros(NDArray x, org.ndsw.net.Shape out) {
        Shape shape = new Shape(x.getShape().get(0), out.channels(), out.height(), out.width());
        return x.getManager().zeros(shape, x.getDataType(), x.getDevice());
    }

    /** Pads right and bottom by one zero, then drops the first row and column (FactorizedReduce's second path). */
    static NDArray shift(NDArray x) {
        try (NDArray padded = x.pad(new Shape(0, 1, 0, 1), 0)) {
            return padded.get(":, :, 1:, 1:");
        }
    }

    /** x [N, C, H, W] times gate [N, C] (or [N, C, 1, 1]) broadcast over each plane: squeeze-and-excitation. */
    static NDArray channelScale(NDArray x, NDArray gate) {
        try (NDArray g = gate.reshape(x.getShape().get(0), x.getShape().get(1), 1, 1)) {
            return x.mul(g);
        }
    }
}
