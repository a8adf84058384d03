package org.ndsw.app.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Streams JSON Lines: one NDS record object per line (blank lines are fine); messages name the line. */
final class JsonLinesReader {
    private JsonLinesReader() {}

    static RecordSet read(SourceSpec spec, ErrorMetric metric, Complexity required) {
        String file = spec.path().toString();
        Columns columns = new Columns();
        String where = null;
        try (JsonParser p = JsonSources.FACTORY.createParser(spec.path().toFile())) {
            NdsRecordParser records = new NdsRecordParser(file, metric, required);
            while (p.nextToken() != null) {
                where = "line " + p.currentTokenLocation().getLineNr();
                records.parse(p, where, columns);
            }
        } catch (IOException e) {
            throw JsonSources.failure(file, e, where);
        }
        return columns.toRecordSet(spec.label(), file);
    }
}
