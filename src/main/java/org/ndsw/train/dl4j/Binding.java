package org.ndsw.train.dl4j;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Tensor;

/**
 * Where one {@link ParameterLayout} tensor lives in a DL4J network and how its PyTorch layout maps to DL4J's.
 *
 * <p>The same binding reads and writes parameters, momentum buffers and the trainable mask: a {@link Views} says which
 * flat vector the layer's (name, key) view points into.
 */
sealed interface Binding {
    /** The layout entry this binding serves. */
    ParameterLayout.Entry entry();

    /** The tensor in PyTorch layout, read from the views. */
    Tensor read(Views views);

    /** Writes a tensor in PyTorch layout into the views (positions it does not cover are set to zero). */
    void write(Views views, Tensor t);

    /** The view of one DL4J parameter, e.g. (s1.b1.f.a, "W"), in some flat vector. */
    interface Views {
        INDArray view(String layer, String key);
    }

    /** Same layout in both engines (conv weights [out, in, kh, kw], BN vectors stored as [1, C]). */
    record Direct(ParameterLayout.Entry entry, String layer, String key) implements Binding {
        @Override
        public Tensor read(Views views) {
            return tensor(views.view(layer, key), entry.shape());
        }

        @Override
        public void write(Views views, Tensor t) {
            INDArray v = views.view(layer, key);
            v.assign(array(t).reshape(v.shape()));
        }
    }

    /** A fully connected weight: DL4J holds [in, out], PyTorch [out, in]. */
    record Transposed(ParameterLayout.Entry entry, String layer, String key) implements Binding {
        @Override
        public Tensor read(Views views) {
            return tensor(views.view(layer, key).transpose(), entry.shape());
        }

        @Override
        public void write(Views views, Tensor t) {
            views.view(layer, key).assign(array(t).transpose());
        }
    }

    /**
     * A depthwise weight: PyTorch [C, 1, k, k], DL4J [K, K, C, 1]. A dilated kernel is stored undilated with
     * K = d·(k-1)+1 and zeros off the dilation lattice (docs/reference/toolchain-notes.md#dl4j-pitfalls, 5); K = k when d = 1.
     */
    record Depthwise(ParameterLayout.Entry entry, String layer, int dilation) implements Binding {
        @Override
        public Tensor read(Views views) {
            return tensor(lattice(views.view(layer, "W")).permute(2, 3, 0, 1), entry.shape());
        }

        @Override
        public void write(Views views, Tensor t) {
            INDArray v = views.view(layer, "W");
            v.assign(0);
            lattice(v).assign(array(t).permute(2, 3, 0, 1));
        }

        private INDArray lattice(INDArray w) {
            if (dilation == 1) {
                return w;
            }
            INDArrayIndex taps = NDArrayIndex.interval(0L, (long) dilation, w.size(0));
            return w.get(taps, taps, NDArrayIndex.all(), NDArrayIndex.all());
        }
    }

    /** A grouped conv weight [out, in/g, k, k] split over g layers by output channel (docs/reference/toolchain-notes.md#dl4j-pitfalls, 3). */
    record Grouped(ParameterLayout.Entry entry, List<String> layers) implements Binding {
        @Override
        public Tensor read(Views views) {
            INDArray[] parts = layers.stream().map(l -> views.view(l, "W")).toArray(INDArray[]::new);
            return tensor(Nd4j.concat(0, parts), entry.shape());
        }

        @Override
        public void write(Views views, Tensor t) {
            INDArray all = array(t);
            long rows = entry.shape()[0] / layers.size();
            for (int g = 0; g < layers.size(); g++) {
                views.view(layers.get(g), "W").assign(all.get(NDArrayIndex.interval(g * rows, (g + 1) * rows),
                        NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()));
            }
        }
    }

    private static Tensor tensor(INDArray a, int[] shape) {
        return new Tensor(shape, a.dup('c').data().asFloat());
    }

    private static INDArray array(Tensor t) {
        long[] shape = new long[t.shape().length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = t.shape()[i];
        }
        return Nd4j.create(t.data(), shape, 'c');
    }
}
