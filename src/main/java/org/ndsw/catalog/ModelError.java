package org.ndsw.catalog;

/**
 * One model's error in a sweep, as the statistics use it: the mean over the model's finished runs in the sweep.
 *
 * @param hash the model identity (SHA-256 of its canonical net)
 * @param error top-1 error in %, never accuracy
 * @param params params as recorded by the sweep (the first run of the model in record order)
 * @param flops flops as recorded by the sweep (likewise)
 * @param runs how many runs were averaged
 */
public record ModelError(String hash, double error, long params, long flops, int runs) {}
