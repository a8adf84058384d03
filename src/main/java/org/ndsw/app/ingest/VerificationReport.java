package org.ndsw.app.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import checked in one sweep and what it found; mismatches are reported, never hidden or corrected.
 *
 * @param records records read in the sweep (imported plus skipped)
 * @param complexityRule how complexity was checked, or why it was not (ImageNet files)
 * @param complexityChecked records whose complexity was recomputed from `net`
 * @param flops recorded flops differing from ours; for NAS cells these are information, not errors
 * @param flopsInformational true for NAS cells, whose stored flops follow a counting rule that is not public
 * @param params recorded params differing from ours
 * @param bestEpoch records whose `min_test_top1` differs from the minimum of their `test_ep_top1`
 * @param skipped records left out by --skip-invalid, with examples of why
 * @param values the distinct values seen per hyperparameter (at most {@link ValueSets#CAP} each)
 * @param truncatedValues keys that had more distinct values than were kept
 */
public record VerificationReport(int records, String complexityRule, int complexityChecked, Mismatches flops,
        boolean flopsInformational, Mismatches params, int bestEpochChecked, Mismatches bestEpoch, Mismatches skipped,
        Map<String, List<Object>> values, List<String> truncatedValues) {

    /** A count of differences with the first few examples. */
    public record Mismatches(int count, List<Example> examples) {
        /** Copies the examples. */
        public Mismatches {
            examples = List.copyOf(examples);
        }
    }

    /**
     * One example: where, and what differs.
     *
     * @param where the record, e.g. "record 500 (byte 1234567)"
     * @param detail e.g. "recorded 128471690, computed 128471691"
     */
    public record Example(String where, String detail) {}

    /** Copies the collections, keeping the order of the keys. */
    public VerificationReport {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        truncatedValues = List.copyOf(truncatedValues);
    }
}
