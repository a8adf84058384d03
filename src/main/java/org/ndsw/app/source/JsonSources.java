package org.ndsw.app.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.ndsw.NdswException;
import org.ndsw.catalog.nds.NdsLimits;

/** The JSON factory shared by the readers and the mapping of parser failures to user messages. */
final class JsonSources {
    /**
     * Python's json module writes bare NaN / Infinity tokens (docs/reference/nds-json.md): accept them. Strings, keys,
     * numbers and nesting are capped by {@link NdsLimits}, as `ndsw import` and `ndsw export` cap them.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(NdsLimits.constraints())
            .build();

    private JsonSources() {}

    /** Wraps a read failure into a message naming the file, the position and (when known) the record. */
    static NdswException failure(String file, IOException e, String record) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return new NdswException("cannot read source " + file + ": no such file", e);
        }
        if (e instanceof StreamConstraintsException sce) {
            return new NdswException(file + ": " + NdsLimits.describe(sce) + at(sce.getLocation())
                    + (record == null ? "" : ", in " + record), e);
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

    /** " at line L, column C", or nothing when the position is unknown. */
    static String at(JsonLocation where) {
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /**
     * Skips the value at the current token, reading every string in it so that one past {@link NdsLimits} is refused
     * as `ndsw import` refuses it (Jackson's skipChildren would pass over it unchecked).
     */
    static void skip(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            p.getText();
            return;
        }
        if (t == null || !t.isStructStart()) {
            return;
        }
        for (int depth = 1; depth > 0; ) {
            t = p.nextToken();
            if (t == null) {
                return;
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            } else if (t == JsonToken.VALUE_STRING) {
                p.getText();
            }
        }
    }
}
