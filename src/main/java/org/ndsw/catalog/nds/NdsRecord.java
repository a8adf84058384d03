package org.ndsw.catalog.nds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ndsw.Quote;

/**
 * One record of an NDS file (docs/reference/nds-json.md#records), read field by field; {@link #problem} says why it cannot be imported.
 *
 * <p>Curves are lists of numbers (bare NaN included). Keys the reader does not model, and curves of another shape
 * (nested lists, nulls), are kept in {@link #extra} as they are, for a lossless export.
 *
 * @param group the group of a grouped file ("top" or "mid" of a reruns file), null for a list file
 * @param index 0-based position of the record in its group
 * @param offset byte offset of the record's opening brace in the file (-1 if unknown)
 * @param error `min_test_top1`: best-epoch top-1 error in %
 * @param problem the first reason the record cannot be imported, or null if it can
 */
public record NdsRecord(String group, int index, long offset, JsonNode net, Double error, Long flops, Long params,
        Long seed, ObjectNode optim, Curves curves, ObjectNode extra, String problem) {

    /** The per-epoch and per-iteration lists of a record (null when absent). */
    public record Curves(double[] testEpTop1, double[] trainEpTop1, double[] trainEpLoss, double[] trainItLoss,
            double[] trainItTop1) {}

    /** The number of epochs recorded in `test_ep_top1`, or null without it. */
    public Integer epochs() {
        return curves.testEpTop1() == null ? null : curves.testEpTop1().length;
    }

    /** The last entry of `test_ep_top1` (the final-epoch error in %); null without one. */
    public Double lastTestError() {
        double[] c = curves.testEpTop1();
        return c == null || c.length == 0 ? null : c[c.length - 1];
    }

    /** The minimum of `test_ep_top1`; NaN if an entry is NaN; null without entries. */
    public Double minTestError() {
        double[] c = curves.testEpTop1();
        if (c == null || c.length == 0) {
            return null;
        }
        double m = Double.POSITIVE_INFINITY;
        for (double v : c) {
            m = Double.isNaN(v) || Double.isNaN(m) ? Double.NaN : Math.min(m, v);
        }
        return m;
    }

    /** Where the record is, for messages: "record 500 (byte 1234567)" or "record 3 of group \"top\" (byte 99)". */
    public String where() {
        return "record " + index + (group == null ? "" : " of group " + Quote.of(group))
                + (offset >= 0 ? " (byte " + offset + ")" : "");
    }
}
