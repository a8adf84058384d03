package org.ndsw.space;

/**
 * One concrete network of a design space, in the NDS record form of `net` (docs/reference/nds-json.md#the-net-field).
 *
 * <p>Specs are immutable values; {@link SpecJson} turns them into canonical JSON and a content hash that identify the
 * model everywhere (catalogue, sweeps, figures).
 */
public sealed interface ModelSpec permits StageSpec, CellSpec {
    /** The family of the spec: "stage" for stage-wise networks, "cell" for NAS cell networks. */
    String family();
}
