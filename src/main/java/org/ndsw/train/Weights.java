package org.ndsw.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named tensors of a model: trainable parameters and BN running statistics, or an optimizer's state.
 *
 * <p>Names are graph node names plus a PyTorch-style suffix: {@code s1.b1.f.a.weight}, {@code s1.b1.f.a_bn.weight}
 * (gamma), {@code .bias} (beta), {@code .running_mean}, {@code .running_var}, {@code head.fc.weight},
 * {@code head.fc.bias}. Order is the graph's.
 */
public record Weights(Map<String, Tensor> tensors) {
    /** Copies the map, keeping its order. */
    public Weights {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** The tensor of this name, or null. */
    public Tensor get(String name) {
        return tensors.get(name);
    }
}
