package org.ndsw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;

/** The net that `ndsw sample NAME -n 1 --seed S` prints. */
final class SampleRecord {
    private SampleRecord() {}

    static JsonNode first(String space, long seed) {
        CliRun r = CliRun.of("sample", space, "-n", "1", "--seed", Long.toString(seed));
        try {
            return Json.MAPPER.readTree(r.out()).get("net");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
