package org.ndsw.net;

import java.util.List;

/**
 * An engine-neutral network: nodes in topological order, the first being the input and the last the output.
 *
 * <p>Engines build their models from it and the complexity counter counts it, so trained and counted networks
 * cannot disagree.
 */
public record Graph(List<Node> nodes) {
    /** Copies the node list. */
    public Graph {
        nodes = List.copyOf(nodes);
    }

    /** The input node. */
    public Node input() {
        return nodes.get(0);
    }

    /** The output node (the logits). */
    public Node output() {
        return nodes.get(nodes.size() - 1);
    }

    /** The node with this id. */
    public Node node(int id) {
        return nodes.get(id);
    }
}
