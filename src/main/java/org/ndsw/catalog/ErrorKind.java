package org.ndsw.catalog;

/** Which error of a run to use: the best epoch's (the paper's choice) or the last epoch's. Both in % top-1 error. */
public enum ErrorKind {
    /** `min_test_top1`: top-1 error of the best epoch, the error every figure of the paper uses. */
    BEST("r.error"),
    /** The last entry of `test_ep_top1`: top-1 error after the last epoch. */
    FINAL("r.final_error");

    private final String column;

    ErrorKind(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
