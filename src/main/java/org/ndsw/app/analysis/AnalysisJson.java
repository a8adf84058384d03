package org.ndsw.app.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.analysis.ParameterRange;
import org.ndsw.analysis.SetAnalysis;

/**
 * Writes analyses as the JSON contract of {@code ndsw analyze --json} (docs/analysis.md): {@code sets[].name, n,
 * parameters[].name, good, values}, never renamed. The other fields are additions.
 */
public final class AnalysisJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private AnalysisJson() {}

    /** Writes the analyses of the sets, with the options they share, as pretty-printed JSON. */
    public static void write(List<SetAnalysis> sets, List<AnalysisSet> sources, AnalysisOptions options, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("method", options.monteCarlo() ? "monte-carlo" : "exact");
            g.writeNumberField("fraction", options.fraction());
            g.writeNumberField("alpha", options.alpha());
            if (options.monteCarlo()) {
                g.writeNumberField("bootstrap", options.bootstrap());
                g.writeNumberField("seed", options.seed());
            }
            g.writeArrayFieldStart("sets");
            for (int i = 0; i < sets.size(); i++) {
                set(g, sets.get(i), sources.get(i));
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(JsonGenerator g, SetAnalysis a, AnalysisSet source) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        g.writeStringField("source", source.source());
        g.writeNumberField("n", a.n());
        g.writeNumberField("skipped", source.skipped());
        g.writeNumberField("sample_size", a.sampleSize());
        g.writeArrayFieldStart("parameters");
        for (ParameterRange p : a.parameters()) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            numbers(g, "good", p.good());
            numbers(g, "values", p.values());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("omitted");
        for (String name : a.omitted()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Integral values as integers (net.ds[1] is 4, not 4.0), others as the shortest double. */
    private static void numbers(JsonGenerator g, String field, double[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double v : values) {
            if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
                g.writeNumber((long) v);
            } else {
                g.writeNumber(v);
            }
        }
        g.writeEndArray();
    }
}
