package org.ndsw.ui.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.ndsw.catalog.nds.NdsJson;

/** Indents stored JSON text for reading. */
final class Json {
    private Json() {}

    /** The JSON text indented, or the text as it is if it does not parse. */
    static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            return NdsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(NdsJson.parse(json));
        } catch (JsonProcessingException | RuntimeException e) {
            return json;
        }
    }
}
