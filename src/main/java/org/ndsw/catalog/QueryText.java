package org.ndsw.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * Parses the text forms of filters and sort keys used by `--where` and `--sort`.
 *
 * <pre>
 *   where := cond ("and" cond)*
 *   cond  := FIELD op VALUE | FIELD "in" "(" VALUE ("," VALUE)* ")" | FIELD "has" VALUE
 *   op    := = | != | &lt; | &lt;= | &gt; | &gt;=
 *   FIELD := a column label (error, params, space, ...) | net.PATH (net.ds[2], net.genotype.normal[0][0])
 *   sort  := ["-"]FIELD ("," ["-"]FIELD)*        ("-" = descending)
 * </pre>
 * Numbers take k, M and B (or G) suffixes: params&lt;0.856M. Text values may be quoted with ' or ".
 */
public final class QueryText {
    private final String text;
    private final List<Token> tokens;
    private int pos;

    private QueryText(String text) {
        this.text = text;
        this.tokens = new Lexer(text).tokens();
    }

    /** Parses a `--where` expression. */
    public static List<Condition> where(String text) {
        return new QueryText(text).conditions();
    }

    /** Parses a `--sort` list. */
    public static List<SortKey> sort(String text) {
        List<SortKey> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            boolean desc = p.startsWith("-");
            String name = desc ? p.substring(1).trim() : p;
            if (name.isEmpty()) {
                throw new NdswException("--sort " + Quote.of(text) + ": empty sort key; write e.g. error,-params");
            }
            keys.add(new SortKey(field(name), desc));
        }
        return keys;
    }

    /** The field of a label: a column or net.PATH. */
    public static QueryField field(String name) {
        if (name.startsWith("net.")) {
            return new NetField(name.substring(4));
        }
        return Column.byLabel(name.toLowerCase(Locale.ROOT)).orElseThrow(() -> new NdswException("unknown field \""
                + name + "\"; fields are " + Arrays.stream(Column.values()).map(Column::label)
                .collect(Collectors.joining(", ")) + " and net.PATH (e.g. net.ds[2])"));
    }

    private List<Condition> conditions() {
        List<Condition> out = new ArrayList<>();
        do {
            out.add(condition());
        } while (acceptWord("and"));
        if (pos < tokens.size()) {
            throw error("expected \"and\" or the end", tokens.get(pos));
        }
        return out;
    }

    private Condition condition() {
        Token f = expect(Token.Type.WORD, "a field name");
        QueryField field;
        try {
            field = field(f.text());
        } catch (NdswException e) {
            throw new NdswException("--where " + Quote.of(text) + ": " + e.getMessage());
        }
        Token op = next("an operator (=, !=, <, <=, >, >=, in, has)");
        try {
            if (op.type() == Token.Type.OP) {
                return new Condition(field, operator(op.text()), List.of(value(field, next("a value"))));
            }
            if (op.isWord("in")) {
                return new Condition(field, Condition.Op.IN, list(field));
            }
            if (op.isWord("has")) {
                return new Condition(field, Condition.Op.HAS, List.of(value(field, next("a value"))));
            }
        } catch (NdswException e) {
            throw e.getMessage().startsWith("--where") ? e : new NdswException("--where " + Quote.of(text) + ": " + e.getMessage());
        }
        throw error("expected an operator (=, !=, <, <=, >, >=, in, has)", op);
    }

    private List<Object> list(QueryField field) {
        expectSymbol("(");
        List<Object> values = new ArrayList<>();
        do {
            values.add(value(field, next("a value")));
        } while (acceptSymbol(","));
        expectSymbol(")");
        return values;
    }

    private Object value(QueryField field, Token t) {
        if (t.type() != Token.Type.WORD && t.type() != Token.Type.QUOTED) {
            throw error("expected a value", t);
        }
        return switch (field.kind()) {
            case NUMBER -> number(t.text()).orElseThrow(() -> error(field.label() + " takes a number such as 8,"
                    + " 855770, 0.856M or 0.129B", t));
            case JSON -> t.type() == Token.Type.QUOTED ? t.text() : json(t.text());
            case HASH -> hash(t);
            default -> t.text();
        };
    }

    private Object hash(Token t) {
        if (!t.text().matches("[0-9a-f]{6,64}")) {
            throw error("model takes a hash or a prefix of at least 6 lower-case hex digits", t);
        }
        return t.text();
    }

    private static Object json(String s) {
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        return number(s).orElse(s);
    }

    /** Parses 8, -1.5, 1e-5, 855770, 0.856M, 0.129B, 20k; integral values become Long, others Double. */
    static Optional<Object> number(String s) {
        BigDecimal scale = BigDecimal.ONE;
        String n = s;
        char last = s.isEmpty() ? ' ' : Character.toUpperCase(s.charAt(s.length() - 1));
        if (last == 'K' || last == 'M' || last == 'B' || last == 'G') {
            scale = BigDecimal.TEN.pow(last == 'K' ? 3 : last == 'M' ? 6 : 9);
            n = s.substring(0, s.length() - 1);
        }
        BigDecimal v;
        try {
            v = new BigDecimal(n).multiply(scale);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(v.longValueExact());
        } catch (ArithmeticException e) {
            return Optional.of(v.doubleValue());
        }
    }

    private static Condition.Op operator(String s) {
        return switch (s) {
            case "=", "==" -> Condition.Op.EQ;
            case "!=", "<>" -> Condition.Op.NE;
            case "<" -> Condition.Op.LT;
            case "<=" -> Condition.Op.LE;
            case ">" -> Condition.Op.GT;
            default -> Condition.Op.GE;
        };
    }

    private Token next(String what) {
        if (pos >= tokens.size()) {
            throw new NdswException("--where " + Quote.of(text) + ": expected " + what + " at the end");
        }
        return tokens.get(pos++);
    }

    private Token expect(Token.Type type, String what) {
        Token t = next(what);
        if (t.type() != type) {
            throw error("expected " + what, t);
        }
        return t;
    }

    private void expectSymbol(String s) {
        Token t = next("\"" + s + "\"");
        if (!(t.type() == Token.Type.SYMBOL && t.text().equals(s))) {
            throw error("expected \"" + s + "\"", t);
        }
    }

    private boolean acceptSymbol(String s) {
        if (pos < tokens.size() && tokens.get(pos).type() == Token.Type.SYMBOL && tokens.get(pos).text().equals(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String w) {
        if (pos < tokens.size() && tokens.get(pos).isWord(w)) {
            pos++;
            return true;
        }
        return false;
    }

    private NdswException error(String what, Token t) {
        return new NdswException("--where " + Quote.of(text) + ": " + what + " at position " + (t.start() + 1) + ", got \""
                + t.text() + "\"");
    }

    /** A token of a `--where` expression, with its 0-based start in the text. */
    record Token(Type type, String text, int start) {
        enum Type { WORD, QUOTED, OP, SYMBOL }

        boolean isWord(String w) {
            return type == Type.WORD && text.equalsIgnoreCase(w);
        }
    }

    /** Splits an expression into words, quoted strings, comparison operators and ( , ). */
    private static final class Lexer {
        private static final String SPECIAL = "=!<>(),'\"";
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    return out;
                }
                out.add(token());
            }
        }

        private Token token() {
            int start = i;
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new NdswException("--where " + Quote.of(s) + ": unclosed quote at position " + (start + 1));
                }
                i = end + 1;
                return new Token(Token.Type.QUOTED, s.substring(start + 1, end), start);
            }
            if (c == '(' || c == ')' || c == ',') {
                i++;
                return new Token(Token.Type.SYMBOL, String.valueOf(c), start);
            }
            if (c == '=' || c == '!' || c == '<' || c == '>') {
                i++;
                if (i < s.length() && (s.charAt(i) == '=' || c == '<' && s.charAt(i) == '>')) {
                    i++;
                }
                String op = s.substring(start, i);
                if (op.equals("!")) {
                    throw new NdswException("--where " + Quote.of(s) + ": \"!\" must be followed by \"=\" at position " + (start + 1));
                }
                return new Token(Token.Type.OP, op, start);
            }
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && SPECIAL.indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return new Token(Token.Type.WORD, s.substring(start, i), start);
        }
    }
}
