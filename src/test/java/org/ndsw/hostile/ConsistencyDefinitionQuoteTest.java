package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.app.sweep.DefinitionJson;

/** A sweep definition with a huge bad value is refused with a short message that still names the field. */
class ConsistencyDefinitionQuoteTest {
    @Test
    void aHugeBadValueIsQuotedShort() {
        String huge = "x".repeat(10_000_000);
        NdswException e = assertThrows(NdswException.class,
                () -> DefinitionJson.parse("{\"format\": \"" + huge + "\"}", "sweep.json"));
        assertTrue(e.getMessage().length() < 500, () -> e.getMessage().length() + " characters");
        assertTrue(e.getMessage().startsWith("sweep.json: field \"format\""), e.getMessage().substring(0, 100));
        assertTrue(e.getMessage().contains("characters)"), "the full length is noted");
    }
}
