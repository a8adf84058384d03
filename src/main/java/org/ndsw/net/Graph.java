package org.ndsw.net;

import java.util.List;

/**
 * An engine-neutral network: nodes in topological order, the first being the input and the last the output, and
 * optionally an auxiliary output (the logits of an auxiliary head that is trained but never used for inference).
 *
 * <p>Engines build their models from it and the complexity counter counts it, so trained and counted networks
 * cannot disagree. The auxiliary head's nodes (those only the auxiliary output needs) are not part of the inference
 * network and are not counted (the convention of the DARTS papers).
 *
 * @param nodes the nodes in topological order
 * @param auxOutput the id of the auxiliary output node, or {@link #NO_AUX}
 */
public record Graph(List<Node> nodes, int auxOutput) {
    /** The auxOutput of a graph without an auxiliary head. */
    public static final int NO_AUX = -1;

    /** Copies the node list and checks the auxiliary output id. */
    public Graph {
        nodes = List.copyOf(nodes);
        if (auxOutput != NO_AUX && (auxOutput <= 0 || auxOutput >= nodes.size() - 1)) {
            throw new IllegalArgumentException("auxiliary output " + auxOutput + " is not an inner node");
        }
    }

    /** A graph without an auxiliary head. */
    public Graph(List<Node> nodes) {
        this(nodes, NO_AUX);
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

    /** True if the graph has an auxiliary head. */
    public boolean hasAux() {
        return auxOutput != NO_AUX;
    }

    /** The auxiliary output node (the auxiliary logits); only when {@link #hasAux()}. */
    public Node aux() {
        if (!hasAux()) {
            throw new IllegalStateException("the graph has no auxiliary head");
        }
        return nodes.get(auxOutput);
    }

    /**
     * Per node id, true for the nodes of the auxiliary head: those the auxiliary output needs and the main output does
     * not. Nodes neither output reads (a cell's unused input) belong to the main network.
     */
    public boolean[] auxiliaryNodes() {
        boolean[] aux = new boolean[nodes.size()];
        if (!hasAux()) {
            return aux;
        }
        boolean[] forMain = ancestors(output().id());
        boolean[] forAux = ancestors(auxOutput);
        for (int i = 0; i < aux.length; i++) {
            aux[i] = forAux[i] && !forMain[i];
        }
        return aux;
    }

    /** The number of drop-path masks a batch must carry: one per {@link Layer.DropPath} slot. */
    public int dropPathSlots() {
        int slots = 0;
        for (Node n : nodes) {
            if (n.layer() instanceof Layer.DropPath d) {
                slots = Math.max(slots, d.slot() + 1);
            }
        }
        return slots;
    }

    private boolean[] ancestors(int id) {
        boolean[] seen = new boolean[nodes.size()];
        seen[id] = true;
        for (int i = id; i >= 0; i--) {
            if (seen[i]) {
                nodes.get(i).inputs().forEach(in -> seen[in] = true);
            }
        }
        return seen;
    }
}
