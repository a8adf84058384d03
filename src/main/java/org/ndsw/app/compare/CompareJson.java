package org.ndsw.app.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ndsw.stats.RandomSearch;

/**
 * Writes a comparison as the JSON contract of {@code ndsw compare --json} (docs/figures.md). Contract fields:
 * {@code sets[].label, n, min, mean, median, area, edf}, {@code pairs[].a, b, ks_d, ks_p} and
 * {@code random_search.<label>[].m, mean, std}; they are never renamed. The other fields are additions.
 */
public final class CompareJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CompareJson() {}

    /** Writes the result as pretty-printed JSON. */
    public static void write(CompareResult r, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            // Objects one field per line, arrays inline: an EDF of 25k models stays one line per set.
            g.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            header(g, r);
            g.writeArrayFieldStart("sets");
            for (SetResult s : r.sets()) {
                set(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("pairs");
            for (PairResult p : r.pairs()) {
                pair(g, p);
            }
            g.writeEndArray();
            randomSearch(g, r.randomSearch());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(JsonGenerator g, CompareResult r) throws IOException {
        CompareOptions o = r.options();
        g.writeStringField("error", o.error().name().toLowerCase(Locale.ROOT));
        g.writeStringField("normalize", o.normalize() == null ? "none" : o.normalize().field());
        if (r.window() != null) {
            g.writeObjectFieldStart("window");
            g.writeNumberField("lo", r.window().lo());
            g.writeNumberField("hi", r.window().hi());
            g.writeStringField("unit", o.normalize().unit());
            g.writeNumberField("bins", o.bins());
            g.writeStringField("bin_policy", o.binPolicy().name().toLowerCase(Locale.ROOT));
            g.writeEndObject();
        }
        g.writeNumberField("area_eps", o.areaEps());
    }

    private static void set(JsonGenerator g, SetResult s) throws IOException {
        g.writeStartObject();
        g.writeStringField("label", s.label());
        g.writeNumberField("n", s.n());
        g.writeNumberField("min", s.min());
        g.writeNumberField("mean", s.mean());
        g.writeNumberField("median", s.median());
        g.writeNumberField("area", s.area());
        g.writeNumberField("dkw_epsilon_95", s.dkwEpsilon());
        g.writeStringField("source", s.source());
        g.writeNumberField("n_read", s.total());
        g.writeNumberField("n_skipped_nan", s.skipped());
        if (s.binCounts() != null) {
            g.writeArrayFieldStart("bin_counts");
            for (int c : s.binCounts()) {
                g.writeNumber(c);
            }
            g.writeEndArray();
        }
        double[] errors = s.edf().errors();
        double[] cum = s.cumulative();
        g.writeArrayFieldStart("edf");
        for (int i = 0; i < errors.length; i++) {
            g.writeStartArray();
            g.writeNumber(errors[i]);
            g.writeNumber(cum[i]);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void pair(JsonGenerator g, PairResult p) throws IOException {
        g.writeStartObject();
        g.writeStringField("a", p.a());
        g.writeStringField("b", p.b());
        g.writeNumberField("ks_d", p.ks().d());
        g.writeNumberField("ks_p", p.ks().p());
        g.writeStringField("ks_method", p.ks().method());
        if (!Double.isNaN(p.normalizedD())) {
            g.writeNumberField("ks_d_normalized", p.normalizedD());
        }
        g.writeEndObject();
    }

    private static void randomSearch(JsonGenerator g, Map<String, List<RandomSearch.Point>> curves) throws IOException {
        g.writeObjectFieldStart("random_search");
        for (Map.Entry<String, List<RandomSearch.Point>> e : curves.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (RandomSearch.Point p : e.getValue()) {
                g.writeStartObject();
                g.writeNumberField("m", p.m());
                g.writeNumberField("mean", p.mean());
                g.writeNumberField("std", p.std());
                g.writeNumberField("trials", p.trials());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
