package org.ndsw.app.ingest;

import java.util.ArrayList;
import java.util.List;

/** Counts differences and keeps the first {@link #EXAMPLES} of them. */
final class Tally {
    static final int EXAMPLES = 5;

    private final List<VerificationReport.Example> examples = new ArrayList<>();
    private int count;

    void add(String where, String detail) {
        if (count++ < EXAMPLES) {
            examples.add(new VerificationReport.Example(where, detail));
        }
    }

    VerificationReport.Mismatches result() {
        return new VerificationReport.Mismatches(count, examples);
    }
}
