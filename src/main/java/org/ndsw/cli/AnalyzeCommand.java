package org.ndsw.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.analysis.Analyzer;
import org.ndsw.analysis.SetAnalysis;
import org.ndsw.app.analysis.AnalysisJson;
import org.ndsw.app.analysis.AnalysisSet;
import org.ndsw.app.analysis.AnalysisSets;
import org.ndsw.app.analysis.AnalysisTables;
import org.ndsw.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ndsw analyze}: every parameter of each set and the range where its best models lie. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List every parameter of each set with its distinct values and the range where its best models"
                + " lie.",
            "Parameters: net fields as the catalogue names them, total depth d, largest width w, params, flops, acts,"
                + " cell op counts, lr, wd. The good range: the alpha/2, 0.5 and 1 - alpha/2 quantiles of the best of"
                + " m = max(1, floor(f n)) models drawn with replacement, computed exactly, or by pycls's Monte-Carlo"
                + " bootstrap with --bootstrap."},
        footer = {"%nSET is what `ndsw compare` takes: [NAME=]FILE (NDS JSON, FILE#top|mid for reruns, .jsonl, .csv)"
                + " or [NAME=]catalog:SWEEP. The error is min_test_top1. See docs/analysis.md."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SET", description = "Sets of trained models to analyse.")
    List<String> sources;

    @Mixin CatalogOption catalog;

    @Option(names = "--fraction", paramLabel = "F", defaultValue = "" + AnalysisOptions.DEFAULT_FRACTION,
            description = "Share of the models in one bootstrap sample, in (0, 1]. Default: ${DEFAULT-VALUE}.")
    double fraction;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "" + AnalysisOptions.DEFAULT_ALPHA,
            description = "The good range holds 1 - A of the best model's law. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "0",
            description = "Use pycls's Monte-Carlo bootstrap with B resamples (pycls: 2500), at most 1,000,000."
                    + " Default: 0, exact.")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of --bootstrap.")
    long seed;

    @Option(names = "--json", description = "Print the result as JSON (the documented contract).")
    boolean json;

    @Override
    public Integer call() {
        AnalysisOptions options = new AnalysisOptions(fraction, alpha, bootstrap, seed);
        List<AnalysisSet> sets = new ArrayList<>();
        try (Catalog opened = sources.stream().anyMatch(AnalysisSets::needsCatalog) ? catalog.open() : null) {
            for (String s : sources) {
                sets.add(AnalysisSets.read(s, opened));
            }
        }
        Set<String> labels = new HashSet<>();
        for (AnalysisSet s : sets) {
            if (!labels.add(s.label())) {
                throw new NdswException("two sets are labelled " + Quote.of(s.label()) + ": name them with NAME=PATH");
            }
            if (s.models().isEmpty()) {
                throw new NdswException(s.source() + ": set " + Quote.of(s.label()) + " has no models with an error to"
                        + " analyse (" + s.skipped() + " records without one: missing or NaN)");
            }
        }
        List<SetAnalysis> results = sets.stream()
                .map(s -> Analyzer.analyze(s.label(), s.models(), options)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            AnalysisJson.write(results, sets, options, out);
            out.println();
        } else {
            AnalysisTables.print(results, sets, options, out);
        }
        out.flush();
        return 0;
    }
}
