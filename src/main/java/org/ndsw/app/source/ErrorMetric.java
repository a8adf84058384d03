package org.ndsw.app.source;

/** Which error of a record to compare (docs/reference/nds-json.md#records). */
public enum ErrorMetric {
    /** {@code min_test_top1}: top-1 error (%) of the best epoch, the error every figure of the paper uses. */
    BEST("min_test_top1"),
    /** The last entry of {@code test_ep_top1}: top-1 error (%) after the final epoch. */
    FINAL("test_ep_top1");

    private final String field;

    ErrorMetric(String field) {
        this.field = field;
    }

    /** The record field the error is read from. */
    public String field() {
        return field;
    }
}
