package org.ndsw.train.reference;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.net.Graph;
import org.ndsw.net.Node;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Tensor;
import org.ndsw.train.Weights;

/** Every tensor of a graph's model in double precision, under its {@link ParameterLayout} name, in layout order. */
final class Parameters {
    private final Map<String, ParameterLayout.Entry> layout = new LinkedHashMap<>();
    private final Map<String, double[]> values = new LinkedHashMap<>();

    /** Zero tensors of the graph's layout. */
    Parameters(Graph graph) {
        for (ParameterLayout.Entry e : ParameterLayout.of(graph)) {
            layout.put(e.name(), e);
            values.put(e.name(), new double[Math.toIntExact(Tensor.elements(e.shape()))]);
        }
    }

    /** The values of a tensor (the live array). */
    double[] get(String name) {
        return values.get(name);
    }

    /** The values of a node's tensor with this suffix, e.g. {@link ParameterLayout#WEIGHT}. */
    double[] of(Node node, String suffix) {
        return values.get(node.name() + "." + suffix);
    }

    /** Whether SGD trains the tensor of this name; false for unknown names. */
    boolean trainable(String name) {
        ParameterLayout.Entry e = layout.get(name);
        return e != null && e.trainable();
    }

    /** A zero tensor for every trainable tensor, in layout order: the start of a gradient. */
    Map<String, double[]> zerosLikeTrainable() {
        Map<String, double[]> out = new LinkedHashMap<>();
        layout.values().stream().filter(ParameterLayout.Entry::trainable)
                .forEach(e -> out.put(e.name(), new double[values.get(e.name()).length]));
        return out;
    }

    /** Every tensor as float32 weights. */
    Weights weights() {
        return toWeights(values);
    }

    /** Named double tensors of this layout as float32 weights, in the map's order. */
    Weights toWeights(Map<String, double[]> tensors) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, v) -> {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            out.put(name, new Tensor(layout.get(name).shape(), f));
        });
        return new Weights(out);
    }

    /** Sets every tensor of the layout; names and shapes must match. */
    void load(Weights weights) {
        for (ParameterLayout.Entry e : layout.values()) {
            Tensor t = weights.get(e.name());
            if (t == null) {
                throw new NdswException("weights have no tensor " + e.name());
            }
            copy(checked("weights tensor ", e, t), values.get(e.name()));
        }
    }

    /** The double values of named tensors of trainable parameters, checked against the layout. */
    Map<String, double[]> trainableValues(Weights tensors) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> t : tensors.tensors().entrySet()) {
            if (!trainable(t.getKey())) {
                throw new NdswException("optimizer state names an unknown parameter " + t.getKey());
            }
            ParameterLayout.Entry e = layout.get(t.getKey());
            double[] v = new double[values.get(e.name()).length];
            copy(checked("optimizer state tensor ", e, t.getValue()), v);
            out.put(e.name(), v);
        }
        return out;
    }

    private static Tensor checked(String what, ParameterLayout.Entry e, Tensor t) {
        if (!Arrays.equals(t.shape(), e.shape())) {
            throw new NdswException(what + e.name() + " has shape " + t.shapeText() + ", the model needs "
                    + Arrays.toString(e.shape()));
        }
        return t;
    }

    private static void copy(Tensor from, double[] to) {
        float[] f = from.data();
        for (int i = 0; i < f.length; i++) {
            to[i] = f[i];
        }
    }
}
