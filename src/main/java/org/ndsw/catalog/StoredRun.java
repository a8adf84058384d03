package org.ndsw.catalog;

/**
 * A run read back for export: the run's own fields, its model's canonical net and its data.
 *
 * @param net the canonical `net` JSON of the model
 */
public record StoredRun(String sweep, int seq, Long seed, RunStatus status, Double error, Double finalError,
        Integer epochs, Long flops, Long params, String net, RunData data) {}
