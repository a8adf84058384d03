package org.ndsw.train.dl4j;

import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Channels from..to (inclusive) of a feature map: one group's input of a grouped convolution.
 *
 * <p>DL4J's SubsetVertex computes the right values but reports 0 channels as its output type for CNN input, which
 * breaks shape inference of the conv that follows (docs/reference/toolchain-notes.md#dl4j-pitfalls, 3); this subclass reports the true type.
 */
final class ChannelSubsetVertex extends SubsetVertex {
    private static final long serialVersionUID = 1L;

    private final int first;
    private final int last;

    ChannelSubsetVertex(@JsonProperty("from") int from, @JsonProperty("to") int to) {
        super(from, to);
        first = from;
        last = to;
    }

    @Override
    public ChannelSubsetVertex clone() {
        return new ChannelSubsetVertex(first, last);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        if (vertexInputs[0] instanceof InputType.InputTypeConvolutional c) {
            return InputType.convolutional(c.getHeight(), c.getWidth(), last - first + 1, c.getFormat());
        }
        return super.getOutputType(layerIndex, vertexInputs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelSubsetVertex s && s.first == first && s.last == last;
    }

    @Override
    public int hashCode() {
        return 31 * first + last;
    }
}
