package org.ndsw.catalog.nds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * Reads an NDS file record by record from a stream, so memory stays bounded by one record.
 *
 * <p>Accepts both shapes of docs/reference/nds-json.md#files: a JSON list of records, or an object of groups, each a list of records
 * (`*_reruns.json` = {"top": [...], "mid": [...]}). Python's bare NaN and Infinity are accepted. A syntax error
 * (truncated file, bytes that are not UTF-8 JSON, a value past {@link NdsLimits}) stops the file with an
 * NdswException naming the file, byte, line, record and field; a well-formed record with wrong content comes back with
 * {@link NdsRecord#problem} set. Curves are read into arrays directly; other values into small Jackson trees.
 */
public final class NdsReader implements AutoCloseable {
    /** Deepest nesting accepted (see {@link NdsJson#MAX_DEPTH}). */
    public static final int MAX_DEPTH = NdsJson.MAX_DEPTH;

    private enum State { START, GROUPS, LIST, END, DONE }

    private final JsonBytes lx;
    private final JsonNumbers nums;
    private final JsonTrees trees;
    private final String file;
    private final Numbers numbers = new Numbers();
    private final List<String> groups = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private State state = State.START;
    private boolean grouped;
    private boolean first;
    private String group;
    private int index;
    private int parsing = -1;
    private String field;

    /** Starts reading `in` (the caller closes it); `file` names the source in messages. */
    public NdsReader(InputStream in, String file) {
        this.lx = new JsonBytes(in);
        this.nums = new JsonNumbers(lx);
        this.trees = new JsonTrees(lx, nums, MAX_DEPTH);
        this.file = file;
    }

    /** The next record, or null after the last one. */
    public NdsRecord next() {
        try {
            return advance();
        } catch (JsonBytes.SyntaxError e) {
            throw syntax(e.getMessage(), e.offset, e.line, e.column, e);
        } catch (UncheckedIOException e) {
            throw new NdswException(file + ": cannot read: " + e.getCause().getMessage(), e);
        }
    }

    /** The groups met so far, in file order ("" for a list file). */
    public List<String> groups() {
        return List.copyOf(groups);
    }

    /** True if the file is an object of groups rather than a list. */
    public boolean grouped() {
        return grouped;
    }

    /** Nothing to release: the caller owns the stream. */
    @Override
    public void close() {
        // The stream is the caller's; it reads the rest for the checksum after the last record.
    }

    private NdsRecord advance() {
        while (true) {
            switch (state) {
                case START -> start();
                case GROUPS -> nextGroup();
                case LIST -> {
                    int c = lx.peek();
                    if (c == ']') {
                        lx.skip();
                        state = grouped ? State.GROUPS : State.END;
                    } else {
                        if (!first) {
                            lx.expect(',', "',' or ']' after a record");
                        }
                        first = false;
                        return record();
                    }
                }
                case END -> {
                    int c = lx.peek();
                    if (c >= 0) {
                        throw lx.error("unexpected " + JsonBytes.describe(c) + " after the end of the top-level value");
                    }
                    state = State.DONE;
                }
                default -> {
                    return null;
                }
            }
        }
    }

    private void start() {
        lx.skipBom();
        int c = lx.peek();
        if (c == '[') {
            groups.add("");
            state = State.LIST;
        } else if (c == '{') {
            grouped = true;
            state = State.GROUPS;
        } else if (c == 0xFE || c == 0xFF || c == 0) {
            throw lx.error("the file looks like UTF-16 or UTF-32 text (it starts with " + JsonBytes.describe(c)
                    + "); NDS files are UTF-8 JSON: save it as UTF-8 and import it again");
        } else {
            throw lx.error("expected a JSON list of records or an object of groups such as {\"top\": [...],"
                    + " \"mid\": [...]}, got " + (c < 0 ? "an empty file" : JsonBytes.describe(c)));
        }
        lx.skip();
        first = true;
    }

    private void nextGroup() {
        int c = lx.peek();
        if (c == '}') {
            lx.skip();
            state = State.END;
            return;
        }
        if (!groups.isEmpty()) {
            lx.expect(',', "',' or '}' after a group");
        }
        group = lx.name();
        lx.expect(':', "':' after the group name");
        if (lx.peek() != '[') {
            throw lx.error("group " + Quote.of(group) + " must be a list of records, got " + JsonBytes.describe(lx.peek()));
        }
        if (groups.contains(group)) {
            throw lx.error("group " + Quote.of(group) + " appears twice (its records would clash with the first one's)");
        }
        lx.skip();
        groups.add(group);
        index = 0;
        first = true;
        state = State.LIST;
    }

    private NdsRecord record() {
        parsing = index++;
        lx.peek();
        RecordBuilder b = new RecordBuilder(group, parsing, lx.offset());
        int depth = grouped ? 2 : 1;
        if (lx.peek() != '{') {
            JsonNode v = tree(depth);
            b.problem("must be a JSON object, got " + kind(v));
        } else {
            lx.skip();
            fields(b, depth + 1);
        }
        parsing = -1;
        field = null;
        return b.build();
    }

    private void fields(RecordBuilder b, int depth) {
        keys.clear();
        if (lx.peek() == '}') {
            lx.skip();
            return;
        }
        while (true) {
            String key = lx.name();
            lx.expect(':', "':' after key " + Quote.of(key));
            if (!keys.add(key)) {
                b.problem("key " + Quote.of(key) + " appears twice");
            }
            field = key;
            field(b, key, depth);
            field = null;
            if (lx.close('}', "the record")) {
                return;
            }
        }
    }

    private void field(RecordBuilder b, String key, int depth) {
        switch (key) {
            case "net" -> b.net = object(b, key, depth, false);
            case "optim" -> b.optim = (ObjectNode) object(b, key, depth, true);
            case "min_test_top1" -> b.error = errorValue(b, depth);
            case "flops" -> b.flops = count(b, key, false, depth);
            case "params" -> b.params = count(b, key, false, depth);
            case "rng_seed" -> b.seed = count(b, key, true, depth);
            case "test_ep_top1" -> b.testEpTop1 = curve(b, key, true, depth);
            case "train_ep_top1" -> b.trainEpTop1 = curve(b, key, false, depth);
            case "train_ep_loss" -> b.trainEpLoss = curve(b, key, false, depth);
            case "train_it_loss" -> b.trainItLoss = curve(b, key, false, depth);
            case "train_it_top1" -> b.trainItTop1 = curve(b, key, false, depth);
            default -> b.extra.set(key, tree(depth));
        }
    }

    private JsonNode object(RecordBuilder b, String key, int depth, boolean nullable) {
        JsonNode v = tree(depth);
        if (v.isObject()) {
            return v;
        }
        if (!(nullable && v.isNull())) {
            b.problem(key + " must be a JSON object, got " + kind(v));
        }
        return null;
    }

    private Double errorValue(RecordBuilder b, int depth) {
        if (!isNumberStart(lx.peek())) {
            JsonNode v = tree(depth);
            b.problem(v.isNull() ? "has no error: min_test_top1 is null"
                    : "min_test_top1 must be a number (best-epoch top-1 error in %), got " + kind(v));
            return null;
        }
        double v = nums.number();
        if (!Domains.ERROR.contains(v)) {
            b.problem(Domains.ERROR.refusal(v, "min_test_top1"));
            return null;
        }
        return v;
    }

    private Long count(RecordBuilder b, String key, boolean nullable, int depth) {
        if (!isNumberStart(lx.peek())) {
            JsonNode v = tree(depth);
            if (!(nullable && v.isNull())) {
                b.problem(key + " must be a non-negative integer, got " + kind(v));
            }
            return null;
        }
        double v = nums.number();
        if (!nums.integralFits || nums.integralValue < 0 && !nullable) {
            b.problem(key + " must be a non-negative integer, got " + v);
            return null;
        }
        return nums.integralValue;
    }

    /**
     * Reads a list of numbers. `test_ep_top1` must be one (the final error and epochs come from it); a list of
     * another shape under any other key (nulls, nested lists) is kept whole in `extra` instead, so nothing is lost.
     */
    private double[] curve(RecordBuilder b, String key, boolean strict, int depth) {
        int c = lx.peek();
        if (c != '[') {
            JsonNode v = tree(depth);
            if (v.isNull()) {
                return null;
            }
            if (strict) {
                b.problem(key + " must be a list of numbers, got " + kind(v));
            } else {
                b.extra.set(key, v);
            }
            return null;
        }
        lx.skip();
        numbers.clear();
        if (nums.numbers(numbers)) {
            return numbers.toArray();
        }
        ArrayNode rest = rest(depth + 1);
        if (strict) {
            b.problem(key + "[" + numbers.size() + "] must be a number, got " + kind(rest.get(numbers.size())));
        } else {
            b.extra.set(key, rest);
        }
        return null;
    }

    /** The numbers read so far and the remaining elements, as a tree; the lexer stands on the first odd one. */
    private ArrayNode rest(int depth) {
        ArrayNode a = NdsJson.MAPPER.createArrayNode();
        for (int i = 0; i < numbers.size(); i++) {
            a.add(numbers.get(i));
        }
        while (true) {
            a.add(tree(depth));
            if (lx.close(']', "a list")) {
                return a;
            }
        }
    }

    private static boolean isNumberStart(int c) {
        return c >= '0' && c <= '9' || c == '-' || c == 'N' || c == 'I';
    }

    private JsonNode tree(int depth) {
        return trees.value(depth);
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private NdswException syntax(String what, long offset, long line, long column, Throwable cause) {
        String where = " at byte " + offset + (line > 0 ? " (line " + line + ", column " + column + ")" : "");
        String record = parsing >= 0 ? ", in record " + parsing + inGroup() + inField()
                : state == State.LIST && index > 0 ? ", after record " + (index - 1) + inGroup() : "";
        String prefix = what.startsWith("unexpected end of input") || what.startsWith("expected") ? "not valid JSON: " : "";
        return new NdswException(file + ": " + prefix + what + where + record, cause);
    }

    private String inField() {
        return field == null ? "" : ", field " + Quote.of(field);
    }

    private String inGroup() {
        return grouped && group != null ? " of group " + Quote.of(group) : "";
    }

    /** Collects one record's fields. */
    private static final class RecordBuilder {
        final String group;
        final int index;
        final long offset;
        final ObjectNode extra = NdsJson.MAPPER.createObjectNode();
        JsonNode net;
        ObjectNode optim;
        Double error;
        Long flops;
        Long params;
        Long seed;
        double[] testEpTop1;
        double[] trainEpTop1;
        double[] trainEpLoss;
        double[] trainItLoss;
        double[] trainItTop1;
        String problem;

        RecordBuilder(String group, int index, long offset) {
            this.group = group;
            this.index = index;
            this.offset = offset;
        }

        void problem(String p) {
            if (problem == null) {
                problem = p;
            }
        }

        NdsRecord build() {
            if (problem == null) {
                missing();
            }
            return new NdsRecord(group, index, offset, net, error, flops, params, seed, optim,
                    new NdsRecord.Curves(testEpTop1, trainEpTop1, trainEpLoss, trainItLoss, trainItTop1), extra, problem);
        }

        private void missing() {
            if (error == null) {
                problem("has no error: the key min_test_top1 (best-epoch top-1 error in %) is missing");
            } else if (net == null) {
                problem("the key net is missing");
            } else if (flops == null) {
                problem("the key flops is missing");
            } else if (params == null) {
                problem("the key params is missing");
            }
        }
    }
}
