package org.ndsw.net;

import java.util.List;

/** One node of a network graph: a layer applied to earlier nodes, with its output shape and a stable name. */
public record Node(int id, String name, Layer layer, List<Integer> inputs, Shape shape) {
    /** Copies the input list. */
    public Node {
        inputs = List.copyOf(inputs);
    }
}
