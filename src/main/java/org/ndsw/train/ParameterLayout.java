package org.ndsw.train;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.net.Graph;
import org.ndsw.net.Layer;
import org.ndsw.net.Node;

/** The tensors a graph's model holds, by name and shape, in graph order: what every engine must expose. */
public final class ParameterLayout {
    /** Suffix of a conv or fc weight, and of a BN scale (gamma). */
    public static final String WEIGHT = "weight";
    /** Suffix of an fc bias, and of a BN shift (beta). */
    public static final String BIAS = "bias";
    /** Suffix of a BN running mean (not trained). */
    public static final String RUNNING_MEAN = "running_mean";
    /** Suffix of a BN running variance (not trained). */
    public static final String RUNNING_VAR = "running_var";

    private ParameterLayout() {}

    /** One tensor: its full name, the node it belongs to, its suffix, its shape, and whether SGD trains it. */
    public record Entry(String name, Node node, String suffix, int[] shape, boolean trainable) {}

    /** Every tensor of the graph's model. */
    public static List<Entry> of(Graph graph) {
        List<Entry> out = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (n.layer() instanceof Layer.Conv c) {
                out.add(entry(n, WEIGHT, true, c.outChannels(), c.inChannels() / c.groups(), c.kernelH(), c.kernelW()));
            } else if (n.layer() instanceof Layer.BatchNorm b) {
                out.add(entry(n, WEIGHT, true, b.channels()));
                out.add(entry(n, BIAS, true, b.channels()));
                out.add(entry(n, RUNNING_MEAN, false, b.channels()));
                out.add(entry(n, RUNNING_VAR, false, b.channels()));
            } else if (n.layer() instanceof Layer.Linear l) {
                out.add(entry(n, WEIGHT, true, l.outFeatures(), l.inFeatures()));
                if (l.bias()) {
                    out.add(entry(n, BIAS, true, l.outFeatures()));
                }
            }
        }
        return out;
    }

    /** Number of trainable values: must equal the complexity code's params (NDS-SPEC §2). */
    public static long trainableCount(Graph graph) {
        return of(graph).stream().filter(Entry::trainable).mapToLong(e -> Tensor.elements(e.shape())).sum();
    }

    private static Entry entry(Node n, String suffix, boolean trainable, int... shape) {
        return new Entry(n.name() + "." + suffix, n, suffix, shape, trainable);
    }
}
