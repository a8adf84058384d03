package org.ndsw.catalog.nds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * The JSON dialect of NDS files: Python's output, so bare NaN and Infinity are read and written as such (never as
 * strings), duplicate keys are errors, and nesting, strings, keys and numbers are capped by {@link NdsLimits}.
 */
public final class NdsJson {
    /** Deepest nesting accepted (see {@link NdsLimits#MAX_DEPTH}). */
    public static final int MAX_DEPTH = NdsLimits.MAX_DEPTH;

    /** The mapper of the dialect. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(NdsLimits.constraints())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private NdsJson() {}

    /** Compact text of a tree in the dialect: keys in tree order, NaN and infinities as bare tokens. */
    public static String text(JsonNode node) {
        StringBuilder sb = new StringBuilder(64);
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> f : n.properties()) {
                sb.append(first ? "" : ",");
                first = false;
                quote(f.getKey(), sb);
                sb.append(':');
                write(f.getValue(), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                write(n.get(i), sb);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            quote(n.textValue(), sb);
        } else if (n.isFloatingPointNumber()) {
            sb.append(number(n.doubleValue()));
        } else {
            sb.append(n.asText());
        }
    }

    /** A double as NDS files write it: Python's bare NaN, Infinity and -Infinity, else Java's shortest form. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(v);
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }

    /**
     * Parses text of the dialect. A value past {@link NdsLimits} is refused in the words `ndsw import` uses, naming
     * the key it stands under when there is one.
     */
    public static JsonNode parse(String text) {
        try (JsonParser p = MAPPER.createParser(text)) {
            try {
                JsonNode tree = MAPPER.readTree(p);
                return tree == null ? MAPPER.missingNode() : tree;
            } catch (StreamConstraintsException e) {
                String key = NdsLimits.isKeyLimit(e) ? null : p.getParsingContext().getCurrentName();
                throw new NdswException(NdsLimits.describe(e) + (key == null ? "" : ", field " + Quote.of(key)), e);
            }
        } catch (JsonProcessingException e) {
            throw new NdswException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
