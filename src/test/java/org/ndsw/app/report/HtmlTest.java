package org.ndsw.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEveryMarkupCharacter() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;",
                Html.escape("<script>alert(\"x\")</script> & 'q'"));
        assertEquals("plain ε", Html.escape("plain ε"));
    }

    @Test
    void elementsAndTablesEscapeTheirText() {
        Html h = new Html();
        h.element("h2", "a<b").open("div", "row\"x").close("div")
                .table(List.of("<th>"), List.of(List.of("</td><img src=http://x>")));
        String s = h.toString();
        assertEquals("<h2>a&lt;b</h2>\n<div class=\"row&quot;x\"></div>\n<table><thead><tr><th>&lt;th&gt;</th>\n"
                + "</tr>\n</thead>\n<tbody><tr><td>&lt;/td&gt;&lt;img src=http://x&gt;</td>\n</tr>\n</tbody>\n"
                + "</table>\n", s);
        assertFalse(s.contains("<img"));
    }

    @Test
    void inlineSvgDropsTheDeclarationAndPrefixesIds() {
        String svg = "<?xml version=\"1.0\"?>\n<svg><defs><clipPath id=\"c0\"/></defs>"
                + "<g clip-path=\"url(#c0)\"><use href=\"#c0\"/></g></svg>\n";
        assertEquals("<svg><defs><clipPath id=\"f2-c0\"/></defs><g clip-path=\"url(#f2-c0)\"><use href=\"#f2-c0\"/>"
                + "</g></svg>", InlineSvg.prefixIds(svg, "f2-"));
    }
}
