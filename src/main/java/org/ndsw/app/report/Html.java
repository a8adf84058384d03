package org.ndsw.app.report;

import java.util.List;

/**
 * A small HTML writer: every text it is given is escaped, only {@link #raw} inserts markup as it is (for the inline SVG
 * the figure model writes).
 */
public final class Html {
    private final StringBuilder out = new StringBuilder();

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Opens an element with an optional class attribute (null for none). */
    public Html open(String tag, String cssClass) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(escape(cssClass)).append('"');
        }
        out.append('>');
        return this;
    }

    /** Closes an element. */
    public Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** An element holding escaped text. */
    public Html element(String tag, String text) {
        return open(tag, null).text(text).close(tag);
    }

    /** Escaped text. */
    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup inserted as it is: only for markup this program generated (inline SVG). */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A table with a header row; every cell is escaped text. */
    public Html table(List<String> header, List<List<String>> rows) {
        open("table", null).open("thead", null).open("tr", null);
        header.forEach(h -> element("th", h));
        close("tr").close("thead").open("tbody", null);
        for (List<String> row : rows) {
            open("tr", null);
            row.forEach(c -> element("td", c));
            close("tr");
        }
        return close("tbody").close("table");
    }

    /** The markup written so far. */
    @Override
    public String toString() {
        return out.toString();
    }
}
