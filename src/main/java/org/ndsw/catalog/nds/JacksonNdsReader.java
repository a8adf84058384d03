package org.ndsw.catalog.nds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the records of an NDS list file with Jackson's streaming parser (fast double parsing on), into the same
 * {@link NdsRecord}s as {@link NdsReader} for valid records: the other side of `ndsw bench json`, doing the same work
 * per record (curves into arrays, other values into small trees, integers that fit a long as longs). It reads list
 * files only and does not yet give NdsReader's messages for bad records (decision 0013).
 */
public final class JacksonNdsReader implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser p;
    private final Numbers numbers = new Numbers();
    private final Set<String> keys = new HashSet<>();
    private int index;
    private boolean started;

    /** Starts reading `in` (the caller closes it). */
    public JacksonNdsReader(InputStream in) {
        try {
            this.p = NdsJson.MAPPER.getFactory().createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next record of a list file, or null after the last one. */
    public NdsRecord next() {
        try {
            if (!started) {
                started = true;
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalStateException("expected a JSON list of records");
                }
            }
            JsonToken t = p.nextToken();
            return t == JsonToken.END_ARRAY || t == null ? null : record(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NdsRecord record(JsonToken t) throws IOException {
        long offset = p.currentTokenLocation().getByteOffset();
        int i = index++;
        if (t != JsonToken.START_OBJECT) {
            tree(t);
            return new NdsRecord(null, i, offset, null, null, null, null, null, null, curves(null, null, null, null,
                    null), NODES.objectNode(), "must be a JSON object");
        }
        keys.clear();
        ObjectNode extra = NODES.objectNode();
        JsonNode net = null;
        ObjectNode optim = null;
        Double error = null;
        Long flops = null;
        Long params = null;
        Long seed = null;
        double[][] c = new double[5][];
        String problem = null;
        for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (!keys.add(key) && problem == null) {
                problem = "key \"" + key + "\" appears twice";
            }
            switch (key) {
                case "net" -> net = tree(v);
                case "optim" -> optim = tree(v) instanceof ObjectNode o ? o : null;
                case "min_test_top1" -> error = v.isNumeric() ? p.getDoubleValue() : nothing(v);
                case "flops" -> flops = count(v);
                case "params" -> params = count(v);
                case "rng_seed" -> seed = count(v);
                case "test_ep_top1" -> c[0] = curve(v);
                case "train_ep_top1" -> c[1] = curve(v);
                case "train_ep_loss" -> c[2] = curve(v);
                case "train_it_loss" -> c[3] = curve(v);
                case "train_it_top1" -> c[4] = curve(v);
                default -> extra.set(key, tree(v));
            }
        }
        return new NdsRecord(null, i, offset, net, error, flops, params, seed, optim,
                curves(c[0], c[1], c[2], c[3], c[4]), extra, problem);
    }

    private static NdsRecord.Curves curves(double[] a, double[] b, double[] c, double[] d, double[] e) {
        return new NdsRecord.Curves(a, b, c, d, e);
    }

    private <T> T nothing(JsonToken v) throws IOException {
        tree(v);
        return null;
    }

    private Long count(JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return nothing(v);
    }

    private double[] curve(JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return nothing(v);
        }
        numbers.clear();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (!t.isNumeric()) {
                tree(t);
                continue;
            }
            numbers.add(p.getDoubleValue());
        }
        return numbers.toArray();
    }

    private JsonNode tree(JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String key = p.currentName();
                    o.set(key, tree(p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(tree(e));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? NODES.numberNode(p.getDoubleValue())
                        : NODES.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    @Override
    public void close() {
        try {
            p.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
