package org.ndsw.catalog;

/**
 * A sweep to create: a set of runs from one source (an imported file or our own sampling).
 *
 * @param sourceKind "nds-import" for imported NDS files, "sampled" for sweeps ndsw sampled itself
 * @param source the file as given (zip entries as `archive.zip!entry`) or the sampling parameters as JSON
 * @param sourceName the file name that, with the checksum, identifies an import (e.g. "ResNet_reruns.json")
 * @param sourceGroup the group of a grouped file ("top" or "mid" of a reruns file), else null
 * @param recipe JSON object: the training recipe (optimizer values seen)
 * @param verification JSON object: what the import checked and found
 * @param provenance JSON object: app, Java and OS versions that created the sweep
 */
public record NewSweep(String name, String space, String dataset, String sourceKind, String source, String sourceName,
        String sourceSha256, String sourceGroup, String recipe, String verification, String provenance) {}
