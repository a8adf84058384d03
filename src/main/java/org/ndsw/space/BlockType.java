package org.ndsw.space;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/** The residual/plain block of a stage-wise network, named as in the NDS records (docs/reference/blocks-and-ops.md#blocks). */
public enum BlockType {
    /** Vanilla: two 3x3 conv-BN-ReLU, no shortcut. */
    DOUBLE_PLAIN("double_plain_block"),
    /** ResNet basic block: two 3x3 convs with a shortcut. */
    RES_BASIC("res_basic_block"),
    /** Bottleneck block with groups (ResNeXt): 1x1, grouped 3x3, 1x1 with a shortcut. */
    RES_BOTTLENECK("res_bottleneck_block");

    private final String recordName;

    BlockType(String recordName) {
        this.recordName = recordName;
    }

    /** The name used in the `block_type` field of NDS records. */
    public String recordName() {
        return recordName;
    }

    /** True if the block has a bottleneck ratio and groups (`bot_muls`, `num_gs`). */
    public boolean isBottleneck() {
        return this == RES_BOTTLENECK;
    }

    /** Looks a block type up by its record name; `field` names the field for the error message. */
    public static BlockType fromRecordName(String name, String field) {
        for (BlockType t : values()) {
            if (t.recordName.equals(name)) {
                return t;
            }
        }
        throw new NdswException(field + " must be one of " + names() + ", got " + Quote.of(name));
    }

    private static String names() {
        return Arrays.stream(values()).map(BlockType::recordName).collect(Collectors.joining(", ", "[", "]"));
    }
}
