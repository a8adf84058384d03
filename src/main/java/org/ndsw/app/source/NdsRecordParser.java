package org.ndsw.app.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.Locale;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.catalog.nds.NdsLimits;

/**
 * Reads the three numbers a comparison needs from one NDS record object and skips everything else (nets, per-epoch
 * and per-iteration curves, timings) without building it. The numbers must lie in their {@link Domains} domain; NaN
 * and null mean missing.
 */
final class NdsRecordParser {
    private final String file;
    private final ErrorMetric metric;
    private final Complexity required;

    /**
     * @param file the file name used in messages
     * @param metric which error to read
     * @param required a complexity every record must have (null for none)
     */
    NdsRecordParser(String file, ErrorMetric metric, Complexity required) {
        this.file = file;
        this.metric = metric;
        this.required = required;
    }

    /** Parses the record starting at the current START_OBJECT token into {@code out}; {@code where} names it. */
    void parse(JsonParser p, String where, Columns out) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new NdswException(file + ": " + where + " is not a JSON object but " + describe(p.currentToken()));
        }
        double error = Double.NaN;
        boolean hasError = false;
        double params = Double.NaN;
        double flops = Double.NaN;
        String name = null;
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                name = p.currentName();
                p.nextToken();
                if (name.equals(metric.field())) {
                    error = metric == ErrorMetric.BEST ? number(p, where, name) : lastOf(p, where, name);
                    hasError = p.currentToken() != JsonToken.VALUE_NULL;
                } else if (name.equals("params")) {
                    params = number(p, where, name);
                } else if (name.equals("flops")) {
                    flops = number(p, where, name);
                } else {
                    JsonSources.skip(p);
                }
                name = null;
            }
        } catch (StreamConstraintsException e) {
            throw new NdswException(file + ": " + NdsLimits.describe(e) + JsonSources.at(p.currentLocation()) + ", in "
                    + where + inField(e, name, p), e);
        }
        if (!hasError) {
            throw new NdswException(file + ": " + where + " has no '" + metric.field() + "'"
                    + (metric == ErrorMetric.FINAL ? " curve" : "") + " (needed for --error "
                    + metric.name().toLowerCase(Locale.ROOT) + ")");
        }
        checkRequired(where, params, flops);
        String at = file + ": " + where + ": field '";
        out.add(Domains.error(error, at + metric.field() + "'"), Domains.count(params, at + "params'"),
                Domains.count(flops, at + "flops'"));
    }

    /**
     * ", field 'NAME'" for the field whose value broke a limit. Jackson reads a scalar value together with its key,
     * so the key is then the parser's current name; a key that is itself too long has no name to give.
     */
    private static String inField(StreamConstraintsException e, String name, JsonParser p) {
        String field = name != null ? name : NdsLimits.isKeyLimit(e) ? null : p.getParsingContext().getCurrentName();
        return field == null ? "" : ", field '" + Quote.cut(field) + "'";
    }

    private void checkRequired(String where, double params, double flops) {
        if (required == null) {
            return;
        }
        double c = required == Complexity.PARAMS ? params : flops;
        if (Double.isNaN(c)) {
            throw new NdswException(file + ": " + where + " has no '" + required.field() + "' (needed to normalize by "
                    + required.field() + ")");
        }
    }

    /** A number, NaN (Python's bare NaN token) or null (read as NaN); anything else is an error naming the field. */
    private double number(JsonParser p, String where, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        throw new NdswException(file + ": " + where + ": field '" + field + "' must be a number, got " + describe(t));
    }

    /** The last number of an array field (a per-epoch curve); an empty curve counts as missing. */
    private double lastOf(JsonParser p, String where, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new NdswException(file + ": " + where + ": field '" + field + "' must be a list of numbers, got "
                    + describe(p.currentToken()));
        }
        double last = Double.NaN;
        int count = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            last = number(p, where, field);
            count++;
        }
        if (count == 0) {
            throw new NdswException(file + ": " + where + ": field '" + field + "' is an empty list");
        }
        return last;
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "a list";
            case VALUE_STRING: return "a string";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }
}
