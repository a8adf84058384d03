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

    /**
     * One tensor: its full name, the node it belongs to, its suffix, its shape, whether SGD trains it, and whether it
     * belongs to the auxiliary head (trained, saved and loaded like the others, but not counted in params).
     */
    public record Entry(String name, Node node, String suffix, int[] shape, boolean trainable, boolean auxiliary) {}

    /** Every tensor of the graph's model, auxiliary head included. */
    public static List<Entry> of(Graph graph) {
        List<Entry> out = new ArrayList<>();
        boolean[] aux = graph.auxiliaryNodes();
        for (Node n : graph.nodes()) {
            boolean a = aux[n.id()];
            if (n.layer() instanceof Layer.Conv c) {
                out.add(entry(n, WEIGHT, true, a, c.outChannels(), c.inChannels() / c.groups(), c.kernelH(),
                        c.kernelW()));
            } else if (n.layer() instanceof Layer.BatchNorm b) {
                out.add(entry(n, WEIGHT, true, a, b.channels()));
                out.add(entry(n, BIAS, true, a, b.channels()));
                out.add(entry(n, RUNNING_MEAN, false, a, b.channels()));
                out.add(entry(n, RUNNING_VAR, false, a, b.channels()));
            } else if (n.layer() instanceof Layer.Linear l) {
                out.add(entry(n, WEIGHT, true, a, l.outFeatures(), l.inFeatures()));
                if (l.bias()) {
                    out.add(entry(n, BIAS, true, a, l.outFeatures()));
                }
            }
        }
        return out;
    }

    /**
     * Number of trainable values of the network without its auxiliary head: must equal the complexity code's params
     * (docs/reference/complexity.md#params).
     */
    public static long trainableCount(Graph graph) {
        return of(graph).stream().filter(e -> e.trainable() && !e.auxiliary())
                .mapToLong(e -> Tensor.elements(e.shape())).sum();
    }

    /** Number of trainable values of the auxiliary head (0 without one): what an engine trains beyond params. */
    public static long auxiliaryCount(Graph graph) {
        return of(graph).stream().filter(e -> e.trainable() && e.auxiliary())
                .mapToLong(e -> Tensor.elements(e.shape())).sum();
    }

    private static Entry entry(Node n, String suffix, boolean trainable, boolean auxiliary, int... shape) {
        return new Entry(n.name() + "." + suffix, n, suffix, shape, trainable, auxiliary);
    }
}
