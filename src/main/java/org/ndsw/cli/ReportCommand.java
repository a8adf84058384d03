package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.app.analysis.AnalysisSets;
import org.ndsw.app.report.ReportOptions;
import org.ndsw.app.report.ReportService;
import org.ndsw.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ndsw report}: one self-contained HTML page comparing and analysing sets of trained models. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write one self-contained HTML report (inline SVG, no network): the error EDFs, plain and"
                + " normalized by params, with the KS table and random search; every parameter's good range and its"
                + " views; the best models with their nets; the curves of the best and worst runs."},
        footer = {"%nSET is what `ndsw compare` and `ndsw analyze` take. See docs/analysis.md."})
public final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SET", description = "Sets of trained models.")
    List<String> sources;

    @Mixin CatalogOption catalog;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The report file.")
    Path out;

    @Option(names = "--fraction", paramLabel = "F", defaultValue = "" + AnalysisOptions.DEFAULT_FRACTION,
            description = "Share of the models in one bootstrap sample. Default: ${DEFAULT-VALUE}.")
    double fraction;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "" + AnalysisOptions.DEFAULT_ALPHA,
            description = "The good range holds 1 - A of the best model's law. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Best models listed per set.")
    int top;

    @Option(names = "--curves", paramLabel = "K", defaultValue = "3",
            description = "Curves of the K best and K worst runs (1 to 8). Default: ${DEFAULT-VALUE}.")
    int curves;

    @Option(names = "--random-search", paramLabel = "P", defaultValue = "-1",
            description = "Random search up to m = 2^P. Default: the largest P every set allows, at most 8.")
    int randomSearch;

    @Override
    public Integer call() {
        AnalysisOptions analysis = new AnalysisOptions(fraction, alpha, 0, 0);
        ReportOptions options = new ReportOptions(analysis, curves, top, randomSearch,
                ReportOptions.DEFAULTS.size());
        try (Catalog opened = sources.stream().anyMatch(AnalysisSets::needsCatalog) ? catalog.open() : null) {
            new ReportService().write(sources, opened, options, out);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + out);
        stdout.flush();
        return 0;
    }
}
