package org.ndsw.app.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.ndsw.NdswException;

/** The JSON factory shared by the readers and the mapping of parser failures to user messages. */
final class JsonSources {
    /** Python's json module writes bare NaN / Infinity tokens (docs/reference/nds-json.md): accept them. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonSources() {}

    /** Wraps a read failure into a message naming the file, the position and (when known) the record. */
    static NdswException failure(String file, IOException e, String record) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return new NdswException("cannot read source " + file + ": no such file", e);
        }
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation at = jpe.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String in = record == null ? "" : " (in " + record + ")";
            return new NdswException(file + ": malformed or truncated JSON" + where + in + ": "
                    + jpe.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        return new NdswException("cannot read source " + file + ": " + e.getMessage(), e);
    }
}
