package org.ndsw.catalog;

import java.util.List;
import org.ndsw.NdswException;

/**
 * One filter of a query: a field, an operator and its values (one, or several for `in`).
 *
 * <p>Values are Double or Long for numbers, Boolean for JSON true/false, String otherwise.
 */
public record Condition(QueryField field, Op op, List<Object> values) {

    /** The operators of `--where`. */
    public enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), HAS("has");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }
    }

    /** Checks the operator fits the field and the number of values fits the operator. */
    public Condition {
        values = List.copyOf(values);
        boolean setField = field.kind() == QueryField.Kind.OPS;
        if (op == Op.HAS && !(setField || field.kind() == QueryField.Kind.JSON)) {
            throw new NdswException("\"has\" applies to normal_ops, reduce_ops and net arrays, not to " + field.label());
        }
        if (setField && op != Op.HAS) {
            throw new NdswException(field.label() + " is a set of ops: write " + field.label() + " has OP");
        }
        if (op == Op.IN ? values.isEmpty() : values.size() != 1) {
            throw new NdswException(field.label() + " " + op.symbol() + " needs " + (op == Op.IN ? "at least one value"
                    : "exactly one value") + ", got " + values.size());
        }
    }
}
