package org.ndsw.catalog;

import org.ndsw.Domains;
import org.ndsw.NdswException;

/**
 * One training of a model in a sweep, as written to the catalogue.
 *
 * @param seq position in the sweep (the record index in an imported file), unique per sweep
 * @param error top-1 error of the best epoch in % (NDS `min_test_top1`); null if the run has none yet
 * @param finalError top-1 error after the last epoch in % (last of `test_ep_top1`)
 * @param flops flops as recorded by the source (ImageNet files: ImageNet counts)
 * @param params params as recorded by the source
 * @param provenance JSON object: app, engine, Java and OS versions of the run when ndsw trained it
 */
public record RunEntry(int seq, Long seed, RunStatus status, Double error, Double finalError, Integer epochs,
        Long flops, Long params, Double baseLr, Double wd, Integer maxEp, String engine, String host, String started,
        String finished, Double trainSeconds, String provenance, RunData data) {

    /** Validates the error unit: a top-1 error in % lies in [0, 100]. */
    public RunEntry {
        checkPercent("error", error);
        checkPercent("final_error", finalError);
        if (status == null) {
            throw new NdswException("a run needs a status");
        }
        data = data == null ? RunData.EMPTY : data;
    }

    private static void checkPercent(String field, Double v) {
        if (v != null) {
            Domains.ERROR.check(v, field);
        }
    }
}
