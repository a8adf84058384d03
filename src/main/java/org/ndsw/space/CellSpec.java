package org.ndsw.space;

import org.ndsw.Domains;
import org.ndsw.NdswException;

/**
 * A NAS cell network in the DARTS skeleton (docs/reference/blocks-and-ops.md#cell-networks): a genotype, the initial width C and the number of cells.
 *
 * <p>`aux` and `dropProb` are training options kept from the record form: `aux` adds DARTS' auxiliary head after the
 * second reduction cell, `dropProb` is the base drop-path probability (DARTS drop_path_prob, scaled linearly over the
 * epochs by the training loop). Neither changes the inference network, so complexity never counts an auxiliary head
 * (the convention of the DARTS papers).
 */
public record CellSpec(Genotype genotype, int width, int depth, boolean aux, double dropProb) implements ModelSpec {

    /**
     * Validates the width (even for FactorizedReduce), depth and drop probability against their {@link Domains}.
     */
    public CellSpec {
        Domains.WIDTH.check(width, "net.width");
        if (width % 2 != 0) {
            throw new NdswException("net.width must be a positive even integer (FactorizedReduce halves it), got " + width);
        }
        Domains.CELL_DEPTH.check(depth, "net.depth");
        Domains.DROP_PROB.check(dropProb, "net.drop_prob");
    }

    /** The same network trained with or without the auxiliary head and with this base drop-path probability. */
    public CellSpec withTraining(boolean withAux, double dropPathProb) {
        return new CellSpec(genotype, width, depth, withAux, dropPathProb);
    }

    /** True if cell `i` (0-based) is a reduction cell: cells floor(d/3) and floor(2d/3). */
    public boolean isReduction(int i) {
        return i == depth / 3 || i == 2 * depth / 3;
    }

    @Override
    public String family() {
        return "cell";
    }
}
