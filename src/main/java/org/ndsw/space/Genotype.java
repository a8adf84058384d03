package org.ndsw.space;

import java.util.List;
import org.ndsw.Domains;
import org.ndsw.NdswException;

/**
 * The normal and reduction cells of a NAS network (docs/reference/spaces.md#cell-spaces).
 *
 * <p>A cell with k nodes lists 2k edges; node i sums edges 2i and 2i+1, each applying an op to state `input`, where
 * states are [s0, s1, node0, node1, ...]. The concat lists name the states the cell outputs.
 */
public record Genotype(List<Edge> normal, List<Integer> normalConcat, List<Edge> reduce, List<Integer> reduceConcat) {

    /** One input of a node: an op applied to state `input`. */
    public record Edge(CellOp op, int input) {}

    /** Validates both cells: an even number of edges, inputs of node i in [0, i+1], concat of intermediate nodes. */
    public Genotype {
        normal = List.copyOf(normal);
        reduce = List.copyOf(reduce);
        normalConcat = List.copyOf(normalConcat);
        reduceConcat = List.copyOf(reduceConcat);
        validateCell("normal", normal, normalConcat);
        validateCell("reduce", reduce, reduceConcat);
        if (normal.size() != reduce.size()) {
            throw new NdswException("net.genotype.reduce must have as many edges as net.genotype.normal ("
                    + normal.size() + "), got " + reduce.size());
        }
    }

    /** The number of intermediate nodes of each cell. */
    public int nodes() {
        return normal.size() / 2;
    }

    private static void validateCell(String name, List<Edge> edges, List<Integer> concat) {
        String field = "net.genotype." + name;
        if (edges.isEmpty() || edges.size() % 2 != 0) {
            throw new NdswException(field + " must list two edges per node (an even, non-zero count), got " + edges.size());
        }
        Domains.CELL_NODES.check(edges.size() / 2, field + " (" + edges.size() + " edges, two per node) node count");
        for (int e = 0; e < edges.size(); e++) {
            int node = e / 2;
            int input = edges.get(e).input();
            if (input < 0 || input > node + 1) {
                throw new NdswException(field + "[" + e + "] input of node " + node + " must be in [0, " + (node + 1)
                        + "], got " + input);
            }
        }
        if (concat.isEmpty()) {
            throw new NdswException(field + "_concat must not be empty");
        }
        if (concat.size() > edges.size() / 2) {
            throw new NdswException(field + "_concat must list at most one state per node (" + edges.size() / 2
                    + "), got " + concat.size());
        }
        int maxState = edges.size() / 2 + 1;
        for (int i = 0; i < concat.size(); i++) {
            int s = concat.get(i);
            if (s < 2 || s > maxState) {
                throw new NdswException(field + "_concat[" + i + "] must be an intermediate node in [2, " + maxState
                        + "], got " + s);
            }
        }
    }
}
