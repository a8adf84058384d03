package org.ndsw.ui.training;

import org.ndsw.NdswException;

/** A bad value in the new-sweep form, naming the field (one of {@link SweepForm}'s keys) it belongs to. */
public final class InvalidField extends NdswException {
    private final String field;

    /** `field` holds a bad value; `message` says what is wrong and what is allowed. */
    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field's key. */
    public String field() {
        return field;
    }
}
