package org.ndsw.train.djl;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.train.ParameterLayout;

/** Maps DJL's parameters to the engine-neutral {@link ParameterLayout} names. */
final class DjlParameters {
    private DjlParameters() {}

    /** Every parameter of the block's children under its layout name, in layout order. */
    static Map<String, Parameter> byLayoutName(GraphBlock block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : ParameterLayout.of(block.graph())) {
            Block child = block.block(e.node().id());
            String djlName = djlName(e);
            Parameter p = child.getParameters().get(djlName);
            if (p == null) {
                throw new IllegalStateException("DJL block of " + e.node().name() + " has no parameter " + djlName);
            }
            out.put(e.name(), p);
        }
        return out;
    }

    /** DJL's name for a layout tensor: conv/fc weight and bias keep theirs; BN uses gamma, beta, runningMean/Var. */
    private static String djlName(ParameterLayout.Entry e) {
        boolean bn = e.node().layer() instanceof org.ndsw.net.Layer.BatchNorm;
        return switch (e.suffix()) {
            case ParameterLayout.WEIGHT -> bn ? "gamma" : "weight";
            case ParameterLayout.BIAS -> bn ? "beta" : "bias";
            case ParameterLayout.RUNNING_MEAN -> "runningMean";
            case ParameterLayout.RUNNING_VAR -> "runningVar";
            default -> throw new NdswException("unknown tensor suffix " + e.suffix());
        };
    }
}
