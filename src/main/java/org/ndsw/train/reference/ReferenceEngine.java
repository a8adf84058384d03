package org.ndsw.train.reference;

import java.util.Map;
import org.ndsw.net.Graph;
import org.ndsw.train.Device;
import org.ndsw.train.DeviceUnavailableException;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.TrainingEngine;

/**
 * The reference engine: plain Java in double precision, on the CPU, single-threaded.
 *
 * <p>Too slow to train with, so it is not registered with {@link java.util.ServiceLoader}; self-tests and tests build
 * it directly to check the other engines' outputs, gradients and SGD steps.
 */
public final class ReferenceEngine implements TrainingEngine {
    /** The engine's name in results. */
    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> versions() {
        return Map.of(NAME, "1");
    }

    /** Builds the model of a graph on the CPU; the thread count is ignored. */
    @Override
    public ReferenceModel build(Graph graph, EngineOptions options) {
        if (options.device() == Device.GPU) {
            throw new DeviceUnavailableException("--device gpu: the reference engine runs on the CPU only; use --device"
                    + " cpu");
        }
        return new ReferenceModel(graph);
    }
}
