package org.ndsw.app.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ndsw.NdswException;

/**
 * Streams an NDS JSON file: a list of records, or the reruns form {@code {"top": [records], "mid": [records]}} from
 * which {@code FILE#GROUP} picks one list. A reruns-form file without a group is an error that lists the groups,
 * because its groups are different studies (top and mid models) that should not be mixed silently.
 */
final class NdsJsonReader {
    private NdsJsonReader() {}

    static RecordSet read(SourceSpec spec, ErrorMetric metric, Complexity required) {
        String file = spec.path().toString();
        Columns columns = new Columns();
        RecordCursor cursor = new RecordCursor();
        try (JsonParser p = JsonSources.FACTORY.createParser(spec.path().toFile())) {
            JsonToken first = p.nextToken();
            NdsRecordParser records = new NdsRecordParser(file, metric, required);
            if (first == JsonToken.START_ARRAY) {
                if (spec.group() != null) {
                    throw new NdswException(file + " is a list of records, not the reruns form: remove '#"
                            + spec.group() + "'");
                }
                readList(p, records, columns, cursor);
            } else if (first == JsonToken.START_OBJECT) {
                readGroup(p, spec, records, columns, cursor);
            } else {
                throw new NdswException(file + ": expected a JSON list of records or {\"top\": [...], \"mid\": [...]},"
                        + " found " + NdsRecordParser.describe(first));
            }
            if (p.nextToken() != null) {
                throw new NdswException(file + ": unexpected content after the records at line "
                        + p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            throw JsonSources.failure(file, e, cursor.describe());
        }
        return columns.toRecordSet(spec.label(), spec.group() == null ? file : file + "#" + spec.group());
    }

    private static void readList(JsonParser p, NdsRecordParser records, Columns columns, RecordCursor cursor)
            throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            records.parse(p, cursor.next(), columns);
        }
    }

    private static void readGroup(JsonParser p, SourceSpec spec, NdsRecordParser records, Columns columns,
                                  RecordCursor cursor) throws IOException {
        String file = spec.path().toString();
        List<String> groups = new ArrayList<>();
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            groups.add(name);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new NdswException(file + ": group '" + name + "' must be a list of records, got "
                        + NdsRecordParser.describe(p.currentToken()));
            }
            if (name.equals(spec.group())) {
                cursor.enter(name);
                readList(p, records, columns, cursor);
                found = true;
            } else {
                JsonSources.skip(p);
            }
        }
        if (spec.group() == null) {
            throw new NdswException(file + " holds groups " + groups + " (the reruns form): choose one, e.g. "
                    + file + "#" + (groups.isEmpty() ? "top" : groups.get(0)));
        }
        if (!found) {
            throw new NdswException(file + " has no group '" + spec.group() + "'; its groups are " + groups);
        }
    }

    /** Tracks which record is being read, for messages. */
    private static final class RecordCursor {
        private String group;
        private int index = -1;

        void enter(String name) {
            group = name;
            index = -1;
        }

        String next() {
            index++;
            return describe();
        }

        String describe() {
            if (index < 0) {
                return null;
            }
            return "record index " + index + (group == null ? "" : " of group '" + group + "'");
        }
    }
}
