package org.ndsw.figure;

import java.util.List;
import java.util.Objects;

/**
 * A drawing of a small graph: named nodes at fixed (x, y) positions and edges between them, each edge labelled (e.g.
 * the op of a NAS cell). Drawn as dots with their names, and lines with their labels at the middle; a figure of graph
 * series hides its axes, whose values mean nothing.
 *
 * @param label legend text ("" keeps it out of the legend)
 * @param nodes the nodes, referred to by index
 * @param edges the edges, drawn from {@code from} to {@code to}
 */
public record GraphSeries(String label, List<Node> nodes, List<Edge> edges) implements Series {
    /**
     * One node.
     *
     * @param name shown next to the dot
     * @param x horizontal position
     * @param y vertical position
     */
    public record Node(String name, double x, double y) {
        /** Validates the node. */
        public Node {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("a node needs a finite position, got (" + x + ", " + y + ")");
            }
        }
    }

    /**
     * One edge.
     *
     * @param from index of its start node
     * @param to index of its end node
     * @param label shown at its middle, may be empty
     */
    public record Edge(int from, int to, String label) {
        /** Validates the label. */
        public Edge {
            Objects.requireNonNull(label, "label");
        }
    }

    /** Validates the indices and copies the lists. */
    public GraphSeries {
        Objects.requireNonNull(label, "label");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a graph needs at least one node");
        }
        for (Edge e : edges) {
            if (e.from() < 0 || e.from() >= nodes.size() || e.to() < 0 || e.to() >= nodes.size()) {
                throw new IllegalArgumentException("edge " + e.from() + " -> " + e.to() + " names a node outside 0.."
                        + (nodes.size() - 1));
            }
        }
    }

    /** The node positions as {x[], y[]}. */
    public double[][] positions() {
        double[] x = new double[nodes.size()];
        double[] y = new double[nodes.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = nodes.get(i).x();
            y[i] = nodes.get(i).y();
        }
        return new double[][] {x, y};
    }

    @Override
    public int size() {
        return nodes.size() + edges.size();
    }
}
