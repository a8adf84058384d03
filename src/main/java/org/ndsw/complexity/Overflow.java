package org.ndsw.complexity;

import org.ndsw.NdswException;

/** Turns a complexity count that does not fit in a 64-bit integer into an error the user can act on. */
final class Overflow {
    private Overflow() {}

    /** The error for a network whose flops, params or acts exceed Long.MAX_VALUE. */
    static NdswException refuse(ArithmeticException e) {
        return new NdswException("the network is too large: its flops, params or acts do not fit in a 64-bit count"
                + " (over 9.2e18); complexity is exact or refused, never wrapped around", e);
    }
}
