package org.ndsw.catalog;

/**
 * A sweep with its counts, as listed by `ndsw sweeps`.
 *
 * @param models distinct models with at least one run in the sweep
 * @param runs runs in the sweep
 * @param created ISO-8601 UTC time the sweep was written
 */
public record SweepSummary(long id, String name, String space, String dataset, String sourceKind, String source,
        String sourceName, String sourceSha256, String sourceGroup, String recipe, String verification,
        String provenance, String created, long models, long runs) {}
