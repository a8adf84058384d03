package org.ndsw.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine a run used.
 *
 * @param name engine name, e.g. "djl"
 * @param versions engine and backend versions
 * @param device "cpu" or "gpu"
 * @param threads compute threads
 * @param description where the model ran, as the engine describes it
 */
public record EngineInfo(String name, Map<String, String> versions, String device, int threads, String description) {
    /** Copies the versions. */
    public EngineInfo {
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }
}
