package org.ndsw.train;

import java.util.Map;
import org.ndsw.net.Graph;

/**
 * A deep-learning engine that trains networks built from the engine-neutral graph.
 *
 * <p>Implementations live in their own packages (org.ndsw.train.djl, ...), are found with {@link java.util.ServiceLoader}
 * through {@link TrainingEngines}, and load their native code only when {@link #build} is first called.
 */
public interface TrainingEngine {
    /** The short name used on the command line and in results, e.g. "djl". */
    String name();

    /** Versions of the engine and its backend, e.g. {"djl": "0.36.0", "pytorch": "2.7.1"}. */
    Map<String, String> versions();

    /** Builds the model of a graph on a device; its weights are set with {@link EngineModel#loadWeights}. */
    EngineModel build(Graph graph, EngineOptions options);

    /**
     * The configurations this engine can run in with these options, preferred first (e.g. activation layouts); the
     * self-test ({@code org.ndsw.train.selftest}) trains with the first one whose numbers are right on this machine.
     */
    default java.util.List<TrainingEngine> configurations(EngineOptions options) {
        return java.util.List.of(this);
    }

    /**
     * Loads the native code {@link #build} will need for these options, so that {@link Preload} can do it while the
     * data is read. Does nothing by default; must be safe to call from any thread, once or not at all.
     */
    default void preload(EngineOptions options) {}

    /** A short name of this configuration for messages, e.g. "channels-last"; empty if the engine has one. */
    default String configuration() {
        return "";
    }
}
