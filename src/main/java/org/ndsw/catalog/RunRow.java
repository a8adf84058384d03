package org.ndsw.catalog;

/**
 * One row of a query: a run with its sweep and model.
 *
 * @param model the model hash
 * @param error best-epoch top-1 error in %
 * @param flops flops recorded by the sweep
 * @param acts activations of the model on CIFAR-10, computed by ndsw
 * @param net the canonical `net` JSON
 */
public record RunRow(long run, String sweep, int seq, String model, Long seed, String status, Double error,
        Double finalError, Integer epochs, Long flops, Long params, long acts, Double baseLr, Double wd, Integer maxEp,
        String space, String dataset, String family, String net) {}
