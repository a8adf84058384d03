package org.ndsw.catalog;

/**
 * What a worker needs to train one run: the run, its model, the sweep's definition and where to keep checkpoints.
 *
 * @param net the canonical `net` JSON of the model
 * @param definition the sweep's source: for sampled sweeps the definition JSON
 * @param owner the claim token held on the run, or null
 */
public record RunTicket(long runId, String sweep, int seq, Long seed, String net, String space, String definition,
        String checkpointDir, RunStatus status, String owner) {}
