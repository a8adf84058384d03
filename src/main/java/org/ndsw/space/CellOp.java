package org.ndsw.space;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/** The operations a NAS cell node may apply to one of its inputs, named as in the NDS records (docs/reference/blocks-and-ops.md#ops). */
public enum CellOp {
    NONE("none"),
    SKIP_CONNECT("skip_connect"),
    AVG_POOL_3X3("avg_pool_3x3"),
    MAX_POOL_3X3("max_pool_3x3"),
    MAX_POOL_5X5("max_pool_5x5"),
    MAX_POOL_7X7("max_pool_7x7"),
    CONV_1X1("conv_1x1"),
    CONV_3X3("conv_3x3"),
    CONV_3X1_1X3("conv_3x1_1x3"),
    CONV_7X1_1X7("conv_7x1_1x7"),
    SEP_CONV_3X3("sep_conv_3x3"),
    SEP_CONV_5X5("sep_conv_5x5"),
    SEP_CONV_7X7("sep_conv_7x7"),
    DIL_CONV_3X3("dil_conv_3x3"),
    DIL_CONV_5X5("dil_conv_5x5"),
    DIL_SEP_CONV_3X3("dil_sep_conv_3x3");

    private final String recordName;

    CellOp(String recordName) {
        this.recordName = recordName;
    }

    /** The op name used in genotypes. */
    public String recordName() {
        return recordName;
    }

    /** Kernel size of the op's spatial filter or window (1 for skip and none). */
    public int kernel() {
        return switch (this) {
            case NONE, SKIP_CONNECT, CONV_1X1 -> 1;
            case AVG_POOL_3X3, MAX_POOL_3X3, CONV_3X3, CONV_3X1_1X3, SEP_CONV_3X3, DIL_CONV_3X3, DIL_SEP_CONV_3X3 -> 3;
            case MAX_POOL_5X5, SEP_CONV_5X5, DIL_CONV_5X5 -> 5;
            case MAX_POOL_7X7, CONV_7X1_1X7, SEP_CONV_7X7 -> 7;
        };
    }

    /** Looks an op up by its record name; `field` names the field for the error message. */
    public static CellOp fromRecordName(String name, String field) {
        for (CellOp op : values()) {
            if (op.recordName.equals(name)) {
                return op;
            }
        }
        throw new NdswException(field + " must be one of " + names() + ", got " + Quote.of(name));
    }

    private static String names() {
        return Arrays.stream(values()).map(CellOp::recordName).collect(Collectors.joining(", ", "[", "]"));
    }
}
