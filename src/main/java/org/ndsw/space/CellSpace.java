package org.ndsw.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A NAS cell design space (paper Table 3): an op set, a node count, an output rule, and width and depth choices.
 *
 * <p>Sampling draws the normal cell, then the reduction cell, then the width, then the depth. Within a cell, node i
 * draws (op, input) for its first edge and then its second; every op is uniform over the op set and every input
 * uniform over {0, ..., i+1}.
 */
public record CellSpace(String name, String description, List<CellOp> ops, int nodes, OutputRule output,
        int[] widths, int[] depths) implements DesignSpace {

    /** Copies the lists so the space stays immutable. */
    public CellSpace {
        ops = List.copyOf(ops);
        widths = widths.clone();
        depths = depths.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public int[] depths() {
        return depths.clone();
    }

    @Override
    public String family() {
        return "cell";
    }

    /** Number of distinct cells of one type: Π_{j<k} o²(j+2)² = o^{2k}·((k+1)!)² (Table 3). */
    public BigInteger cells() {
        BigInteger n = BigInteger.ONE;
        BigInteger o = BigInteger.valueOf(ops.size());
        for (int j = 0; j < nodes; j++) {
            BigInteger choices = o.multiply(BigInteger.valueOf(j + 2L));
            n = n.multiply(choices).multiply(choices);
        }
        return n;
    }

    /** All models: a normal and a reduction cell, a width and a depth. */
    @Override
    public BigInteger size() {
        BigInteger c = cells();
        return c.multiply(c).multiply(BigInteger.valueOf((long) widths.length * depths.length));
    }

    @Override
    public CellSpec sample(SplittableRandom rng) {
        List<Genotype.Edge> normal = sampleCell(rng);
        List<Genotype.Edge> reduce = sampleCell(rng);
        int w = DesignSpace.pick(rng, widths);
        int d = DesignSpace.pick(rng, depths);
        Genotype g = new Genotype(normal, concat(normal), reduce, concat(reduce));
        return new CellSpec(g, w, d, false, 0.0);
    }

    private List<Genotype.Edge> sampleCell(SplittableRandom rng) {
        List<Genotype.Edge> edges = new ArrayList<>(2 * nodes);
        for (int i = 0; i < nodes; i++) {
            for (int e = 0; e < 2; e++) {
                CellOp op = ops.get(rng.nextInt(ops.size()));
                edges.add(new Genotype.Edge(op, rng.nextInt(i + 2)));
            }
        }
        return edges;
    }

    /** The cell's output states under this space's rule. */
    List<Integer> concat(List<Genotype.Edge> edges) {
        boolean[] used = new boolean[nodes + 2];
        for (Genotype.Edge e : edges) {
            used[e.input()] = true;
        }
        List<Integer> out = new ArrayList<>(nodes);
        for (int s = 2; s < nodes + 2; s++) {
            if (output == OutputRule.ALL || !used[s]) {
                out.add(s);
            }
        }
        return out;
    }
}
