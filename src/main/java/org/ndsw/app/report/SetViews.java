package org.ndsw.app.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.analysis.AnalysisModel;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.analysis.Analyzer;
import org.ndsw.analysis.ParameterRange;
import org.ndsw.analysis.ParameterTable;
import org.ndsw.analysis.SetAnalysis;
import org.ndsw.app.analysis.AnalysisSet;
import org.ndsw.app.analysis.AnalysisSets;
import org.ndsw.app.analysis.RunCurves;
import org.ndsw.catalog.Catalog;

/**
 * One set read and analysed for the views: its models, errors and parameter table (source order), the good ranges and
 * the curves of its best and worst runs.
 *
 * @param source the set as the user named it
 */
public record SetViews(String source, AnalysisSet set, double[] errors, ParameterTable table, SetAnalysis analysis,
                       RunCurves.Extremes curves) {

    /** Reads and analyses the sets; {@code catalog} may be null when no set names a catalogue sweep. */
    public static List<SetViews> load(List<String> sources, Catalog catalog, AnalysisOptions options, int k) {
        List<SetViews> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (String text : sources) {
            AnalysisSet s = AnalysisSets.read(text, catalog);
            if (!labels.add(s.label())) {
                throw new NdswException("two sets are labelled " + Quote.of(s.label()) + ": name them with NAME=PATH");
            }
            if (s.models().isEmpty()) {
                throw new NdswException(s.source() + ": set " + Quote.of(s.label()) + " has no models with an error"
                        + " to analyse (" + s.skipped() + " records without one: missing or NaN)");
            }
            double[] errors = s.models().stream().mapToDouble(AnalysisModel::error).toArray();
            ParameterTable table = ParameterTable.of(s.models());
            SetAnalysis a = Analyzer.analyze(s.label(), errors, table, options);
            out.add(new SetViews(text, s, errors, table, a, RunCurves.read(text, catalog, k)));
        }
        return out;
    }

    /** The parameters that vary in at least one set, in the first set's order then the others'. */
    public static List<String> varying(List<SetViews> sets) {
        List<String> names = new ArrayList<>();
        for (SetViews v : sets) {
            for (ParameterRange p : v.analysis().parameters()) {
                if (!p.constant() && !names.contains(p.name())) {
                    names.add(p.name());
                }
            }
        }
        return names;
    }

    /** Whether this set has the parameter. */
    public boolean has(String parameter) {
        return table.names().contains(parameter);
    }

    /** The default pair of the 2-D map: d and w when the set has them, else its first two varying parameters. */
    public List<String> defaultMap() {
        if (has("d") && has("w")) {
            return List.of("d", "w");
        }
        List<String> v = analysis.parameters().stream().filter(p -> !p.constant()).map(ParameterRange::name).toList();
        return v.size() >= 2 ? v.subList(0, 2) : List.of();
    }
}
