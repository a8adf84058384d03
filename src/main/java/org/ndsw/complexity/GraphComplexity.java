package org.ndsw.complexity;

import org.ndsw.net.Graph;
import org.ndsw.net.Layer;
import org.ndsw.net.Node;

/**
 * Counts the complexity of a network graph node by node (docs/reference/complexity.md): the count that mirrors what engines build.
 *
 * <p>Only convs, BNs and the fc layer cost anything; ReLU, add, concat, pooling, zero, shift and drop-path are free.
 * The one exception is the max-pool of pycls's res_stem_in (node {@code stem.pool}): its outputs count as acts, as
 * pycls counts them.
 * An auxiliary head is not counted: it is trained but not part of the network that is used (DARTS convention).
 */
public final class GraphComplexity {
    /** The name of res_stem_in's max-pool (net/AnyNetNetwork), whose outputs pycls counts as acts. */
    static final String STEM_POOL = "stem.pool";

    private GraphComplexity() {}

    /** The complexity of a whole graph under a convention. */
    public static Complexity of(Graph graph, Convention convention) {
        try {
            return count(graph, convention);
        } catch (ArithmeticException e) {
            throw Overflow.refuse(e);
        }
    }

    private static Complexity count(Graph graph, Convention convention) {
        long flops = 0;
        long params = 0;
        long acts = 0;
        boolean[] auxiliary = graph.auxiliaryNodes();
        for (Node n : graph.nodes()) {
            if (auxiliary[n.id()]) {
                continue;
            }
            long out = n.shape().elements();
            Layer layer = n.layer();
            if (layer instanceof Layer.Conv c) {
                long weights = Math.multiplyExact(Math.multiplyExact((long) c.kernelH() * c.kernelW(),
                        c.inChannels() / c.groups()), c.outChannels());
                long spatial = Math.multiplyExact((long) n.shape().height(), n.shape().width());
                flops = Math.addExact(flops, Math.multiplyExact(weights, spatial));
                params = Math.addExact(params, weights);
                acts = Math.addExact(acts, out);
            } else if (layer instanceof Layer.BatchNorm bn) {
                flops = Math.addExact(flops, Math.multiplyExact(convention.flopsPerBnElement(), out));
                params = Math.addExact(params, 2L * bn.channels());
            } else if (layer instanceof Layer.Linear fc) {
                long weights = Math.addExact(Math.multiplyExact((long) fc.inFeatures(), fc.outFeatures()),
                        fc.bias() ? fc.outFeatures() : 0);
                flops = Math.addExact(flops, weights);
                params = Math.addExact(params, weights);
                acts = Math.addExact(acts, fc.outFeatures());
            } else if (layer instanceof Layer.Pool && STEM_POOL.equals(n.name())) {
                acts = Math.addExact(acts, out);
            }
        }
        return new Complexity(flops, params, acts);
    }
}
