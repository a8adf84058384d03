package org.ndsw.app.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.analysis.AnalysisModel;
import org.ndsw.app.compare.CatalogSets;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.app.source.SourceReader;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ErrorKind;
import org.ndsw.catalog.ModelError;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.catalog.nds.NdsReader;
import org.ndsw.catalog.nds.NdsRecord;
import org.ndsw.space.SpecJson;
import org.ndsw.Quote;

/**
 * Reads a set named as {@code ndsw compare} names it, with each model's net: {@code [NAME=]FILE[#GROUP]} (NDS JSON,
 * JSON Lines of NDS records, or a CSV of errors and complexities, which has no nets) or {@code [NAME=]catalog:SWEEP}.
 * The error is {@code min_test_top1}, the paper's.
 */
public final class AnalysisSets {
    private AnalysisSets() {}

    /** True if the text names a catalogue sweep (which needs an open catalogue). */
    public static boolean needsCatalog(String text) {
        return CatalogSets.isCatalogSource(text);
    }

    /** Reads one set; {@code catalog} may be null when the text names a file. */
    public static AnalysisSet read(String text, Catalog catalog) {
        if (CatalogSets.isCatalogSource(text)) {
            return readSweep(text, catalog);
        }
        SourceSpec spec = SourceSpec.parse(text);
        if (!Files.isRegularFile(spec.path())) {
            throw new NdswException("cannot read source " + spec.path() + ": no such file");
        }
        String name = spec.path().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return readNds(spec);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return readLines(spec);
        }
        RecordSet r = SourceReader.read(spec, ErrorMetric.BEST, null);
        List<AnalysisModel> models = new ArrayList<>(r.size());
        double[] e = r.error();
        double[] p = r.params();
        double[] f = r.flops();
        for (int i = 0; i < e.length; i++) {
            models.add(new AnalysisModel(e[i], null, p[i], f[i], Double.NaN, Double.NaN));
        }
        return new AnalysisSet(r.label(), r.source(), models, r.skipped());
    }

    private static AnalysisSet readNds(SourceSpec spec) {
        String file = spec.path().toString();
        List<AnalysisModel> models = new ArrayList<>();
        int skipped = 0;
        try (InputStream in = Files.newInputStream(spec.path()); NdsReader reader = new NdsReader(in, file)) {
            for (NdsRecord r = reader.next(); r != null; r = reader.next()) {
                if (spec.group() != null && !spec.group().equals(r.group())) {
                    continue;
                }
                if (r.problem() != null && !readable(r)) {
                    throw new NdswException(file + ": " + r.where() + ": " + r.problem());
                }
                AnalysisModel m = ModelRecords.of(file + ": " + r.where(), r.error(), r.net(), r.params(), r.flops(),
                        r.optim());
                skipped += m == null ? 1 : 0;
                if (m != null) {
                    models.add(m);
                }
            }
            checkGroup(spec, reader);
        } catch (IOException e) {
            throw new NdswException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new AnalysisSet(spec.label(), spec.group() == null ? file : file + "#" + spec.group(), models,
                skipped);
    }

    /**
     * True if a record that cannot be imported still serves the analysis: one without an error or with a NaN error
     * (skipped, as a diverged run) or one missing a key the analysis does without. Any other problem, such as an
     * error outside [0, 100] or a negative count, refuses the file as `ndsw import` refuses it.
     */
    private static boolean readable(NdsRecord r) {
        String p = r.problem();
        return p.startsWith("has no error") || p.startsWith("the key ") || p.startsWith("min_test_top1 ")
                && p.endsWith("got NaN");
    }

    private static void checkGroup(SourceSpec spec, NdsReader reader) {
        String file = spec.path().toString();
        if (reader.grouped() && spec.group() == null) {
            throw new NdswException(file + " holds groups " + reader.groups() + " (the reruns form): choose one, e.g. "
                    + file + "#" + (reader.groups().isEmpty() ? "top" : reader.groups().get(0)));
        }
        if (!reader.grouped() && spec.group() != null) {
            throw new NdswException(file + " is a list of records, not the reruns form: remove '#" + spec.group()
                    + "'");
        }
        if (spec.group() != null && !reader.groups().contains(spec.group())) {
            throw new NdswException(file + " has no group '" + spec.group() + "'; its groups are " + reader.groups());
        }
    }

    private static AnalysisSet readLines(SourceSpec spec) {
        String file = spec.path().toString();
        if (spec.group() != null) {
            throw new NdswException(file + ": '#" + spec.group() + "' selects a group of an NDS reruns file;"
                    + " this file has no groups");
        }
        List<AnalysisModel> models = new ArrayList<>();
        int skipped = 0;
        int line = 0;
        try (BufferedReader in = Files.newBufferedReader(spec.path(), StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                AnalysisModel m = lineModel(file + ": line " + line, text);
                skipped += m == null ? 1 : 0;
                if (m != null) {
                    models.add(m);
                }
            }
        } catch (IOException e) {
            throw new NdswException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new AnalysisSet(spec.label(), file, models, skipped);
    }

    private static AnalysisModel lineModel(String where, String text) {
        JsonNode r;
        try {
            r = NdsJson.parse(text);
        } catch (NdswException e) {
            throw new NdswException(where + ": " + e.getMessage(), e);
        }
        if (!r.isObject()) {
            throw new NdswException(where + " is not a JSON object: " + ModelRecords.shorten(text));
        }
        JsonNode e = r.get("min_test_top1");
        if (e != null && !e.isNull() && !e.isNumber()) {
            throw new NdswException(where + ": field 'min_test_top1' must be a number, got "
                    + ModelRecords.shorten(e.toString()));
        }
        return ModelRecords.of(where, e == null || e.isNull() ? null : e.doubleValue(), r.get("net"),
                count(where, r, "params"), count(where, r, "flops"), r.get("optim"));
    }

    private static Long count(String where, JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new NdswException(where + ": field '" + field + "' must be a number, got "
                    + ModelRecords.shorten(v.toString()));
        }
        double c = Domains.count(v.doubleValue(), where + ": field '" + field + "'");
        return Double.isNaN(c) ? null : (long) c;
    }

    /** A catalogue sweep: one model per net, its error the mean over its finished runs (as compare reads it). */
    private static AnalysisSet readSweep(String text, Catalog catalog) {
        int eq = text.indexOf('=');
        boolean named = eq > 0 && !text.startsWith(CatalogSets.PREFIX);
        String sweep = (named ? text.substring(eq + 1) : text).substring(CatalogSets.PREFIX.length());
        if (catalog.sweep(sweep).isEmpty()) {
            throw new NdswException("catalogue " + catalog.file() + " has no sweep named " + Quote.of(sweep)
                    + " (list them with `ndsw sweeps`)");
        }
        Map<String, JsonNode[]> firstRun = new HashMap<>();
        catalog.forEachStoredRun(sweep, run -> {
            JsonNode net = NdsJson.parse(run.net());
            String hash = SpecJson.hash(SpecJson.parseNet(net));
            JsonNode optim = run.data().optim() == null ? null : NdsJson.parse(run.data().optim());
            firstRun.putIfAbsent(hash, new JsonNode[] {net, optim});
        });
        List<AnalysisModel> models = new ArrayList<>();
        for (ModelError m : catalog.errors(sweep, ErrorKind.BEST)) {
            JsonNode[] run = firstRun.get(m.hash());
            models.add(ModelRecords.of("catalogue sweep " + sweep + ", model " + m.hash(), m.error(),
                    run == null ? null : run[0], m.params(), m.flops(), run == null ? null : run[1]));
        }
        return new AnalysisSet(named ? text.substring(0, eq) : sweep, CatalogSets.PREFIX + sweep, models, 0);
    }
}
