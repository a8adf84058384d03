package org.ndsw.catalog.nds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ndsw.Quote;

/**
 * Builds Jackson trees from a {@link JsonBytes} lexer: the small values of NDS records (`net`, `optim`, other keys).
 *
 * <p>Integers that fit a long stay integers, other numbers are doubles; nesting is capped. Keeping
 * this on the same lexer avoids a second parser per value, which matters at tens of thousands of records.
 */
final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonBytes lx;
    private final JsonNumbers nums;
    private final int maxDepth;

    JsonTrees(JsonBytes lx, JsonNumbers nums, int maxDepth) {
        this.lx = lx;
        this.nums = nums;
        this.maxDepth = maxDepth;
    }

    /** Reads the next value; `depth` levels are already open around it. */
    JsonNode value(int depth) {
        int c = lx.peek();
        switch (c) {
            case '{' -> {
                return object(depth + 1);
            }
            case '[' -> {
                return array(depth + 1);
            }
            case '"' -> {
                return NODES.textNode(lx.string());
            }
            case 't' -> {
                lx.literal("true");
                return NODES.booleanNode(true);
            }
            case 'f' -> {
                lx.literal("false");
                return NODES.booleanNode(false);
            }
            case 'n' -> {
                lx.literal("null");
                return NODES.nullNode();
            }
            default -> {
                if (c >= '0' && c <= '9' || c == '-' || c == 'N' || c == 'I') {
                    return number();
                }
                throw lx.error("expected a value, got " + JsonBytes.describe(c));
            }
        }
    }

    private ObjectNode object(int depth) {
        checkDepth(depth);
        lx.skip();
        ObjectNode o = NODES.objectNode();
        if (lx.peek() == '}') {
            lx.skip();
            return o;
        }
        do {
            String key = lx.name();
            lx.expect(':', "':' after key " + Quote.of(key));
            if (o.has(key)) {
                throw lx.error("key " + Quote.of(key) + " appears twice in an object");
            }
            o.set(key, value(depth));
        } while (!lx.close('}', "an object"));
        return o;
    }

    private ArrayNode array(int depth) {
        checkDepth(depth);
        lx.skip();
        ArrayNode a = NODES.arrayNode();
        if (lx.peek() == ']') {
            lx.skip();
            return a;
        }
        do {
            a.add(value(depth));
        } while (!lx.close(']', "a list"));
        return a;
    }

    private JsonNode number() {
        double v = nums.number();
        return nums.integralFits ? NODES.numberNode(nums.integralValue) : NODES.numberNode(v);
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw lx.error("nesting deeper than " + maxDepth + " levels");
        }
    }
}
