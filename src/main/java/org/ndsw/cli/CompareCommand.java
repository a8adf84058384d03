package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ndsw.NdswException;
import org.ndsw.app.compare.CompareFigure;
import org.ndsw.app.compare.CompareFigures;
import org.ndsw.app.compare.CompareJson;
import org.ndsw.app.compare.CompareOptions;
import org.ndsw.app.compare.CompareResult;
import org.ndsw.app.compare.CompareService;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.catalog.CatalogService;
import org.ndsw.app.compare.CatalogSets;
import org.ndsw.app.source.RecordSet;
import org.ndsw.app.source.SourceReader;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.catalog.Catalog;
import org.ndsw.figure.FigureWriter;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ndsw compare}: error EDFs, KS tests and random search for sets of trained models. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare design spaces by their error distributions (paper §3; docs/reference/analysis.md): EDFs, plain or "
                + "normalized for complexity, summary numbers, EDF area and the KS test for every pair.",
        footer = {"%nSOURCE is [NAME=]PATH[#GROUP]: an NDS JSON file (a list of records, or the reruns form with #top "
                + "or #mid), JSON Lines of NDS records (.jsonl), or a CSV with an 'error' column and optional 'params' "
                + "and 'flops' columns (raw counts). Windows (--range) are in M params / B flops, bounds strict."})
public final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE",
            description = "Sets of models to compare: [NAME=]FILE (NDS JSON, .jsonl, .csv; FILE#top|mid for reruns)"
                    + " or [NAME=]catalog:SWEEP (a sweep of the catalogue).")
    List<String> sources;

    @picocli.CommandLine.Mixin CatalogOption catalog;

    @Option(names = "--normalize", paramLabel = "none|params|flops", defaultValue = "none",
            description = "Normalize the EDFs for complexity (eq. 3-4). Default: ${DEFAULT-VALUE}.")
    String normalize;

    @Option(names = "--bins", paramLabel = "K", defaultValue = "" + CompareOptions.DEFAULT_BINS,
            description = "Complexity bins k when normalizing. Default: ${DEFAULT-VALUE}.")
    int bins;

    @Option(names = "--bins-policy", paramLabel = "strict|merge", defaultValue = "strict",
            description = "An empty bin is an error (strict) or gives its mass to the nearest bin (merge).")
    String binsPolicy;

    @Option(names = "--range", paramLabel = "LO,HI",
            description = "Complexity window in M params / B flops. Default: c_min = the largest of the sets' "
                    + "smallest complexities, c_max = 0.856 M params / 0.129 B flops (the paper's CIFAR value).")
    String range;

    @Option(names = "--error", paramLabel = "best|final", defaultValue = "best",
            description = "best: min_test_top1; final: last of test_ep_top1. Default: ${DEFAULT-VALUE}.")
    String error;

    @Option(names = "--area-eps", paramLabel = "E", defaultValue = "" + CompareOptions.DEFAULT_AREA_EPS,
            description = "ε (in %% error) of the EDF area 1 - Σ w_i min(1, e_i/ε). Default: ${DEFAULT-VALUE}.")
    double areaEps;

    @Option(names = "--random-search", paramLabel = "P",
            description = "Random-search curves for m = 2^0 .. 2^P models per trial.")
    Integer randomSearch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of random search.")
    long seed;

    @Option(names = "--plot", paramLabel = "[KIND:]FILE",
            description = "Write a figure (.png or .svg); KIND is edf (default), scatter, complexity or "
                    + "random-search. Repeatable.")
    List<String> plots = new ArrayList<>();

    @Option(names = "--plot-size", paramLabel = "column|large|screen", defaultValue = "large",
            description = "Figure size: column (3.25 in), large (4.5 in), screen. Default: ${DEFAULT-VALUE}.")
    String plotSize;

    @Option(names = "--json", description = "Print the result as JSON (the documented contract).")
    boolean json;

    @Override
    public Integer call() {
        List<PlotRequest> requests = plots.stream().map(PlotRequest::parse).toList();
        CompareOptions options = options();
        List<RecordSet> sets = new ArrayList<>();
        CatalogService catalogService = null;
        try (Catalog opened = sources.stream().anyMatch(CatalogSets::isCatalogSource) ? catalog.open() : null) {
            if (opened != null) {
                catalogService = new CatalogService(opened);
            }
            for (String s : sources) {
                sets.add(CatalogSets.isCatalogSource(s) ? CatalogSets.read(catalogService, s, options.error())
                        : SourceReader.read(SourceSpec.parse(s), options.error(), options.normalize()));
            }
        }
        CompareResult result = new CompareService().compareSets(sets, options);
        for (PlotRequest p : requests) {
            FigureWriter.write(CompareFigures.of(p.kind(), result), p.path(), CliOptions.figureSize(plotSize));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            CompareJson.write(result, out);
            out.println();
        } else {
            CompareTables.print(result, out);
        }
        out.flush();
        return 0;
    }

    private CompareOptions options() {
        Complexity by = switch (CliOptions.choice("--normalize", normalize, "none", "params", "flops")) {
            case "params" -> Complexity.PARAMS;
            case "flops" -> Complexity.FLOPS;
            default -> null;
        };
        ErrorMetric metric = CliOptions.choice("--error", error, "best", "final").equals("best")
                ? ErrorMetric.BEST : ErrorMetric.FINAL;
        BinPolicy policy = CliOptions.choice("--bins-policy", binsPolicy, "strict", "merge").equals("strict")
                ? BinPolicy.STRICT : BinPolicy.MERGE;
        ComplexityWindow window = range == null ? null : CliOptions.range(range);
        return new CompareOptions(metric, by, bins, window, policy, areaEps, randomSearch == null ? -1 : randomSearch,
                seed);
    }

    /** A figure request: {@code [KIND:]FILE}; text before ':' is a kind only if it names one. */
    record PlotRequest(CompareFigure kind, Path path) {
        static PlotRequest parse(String text) {
            int colon = text.indexOf(':');
            CompareFigure kind = CompareFigure.EDF;
            String file = text;
            if (colon > 0 && CompareFigure.isKey(text.substring(0, colon))) {
                kind = CompareFigure.byKey(text.substring(0, colon));
                file = text.substring(colon + 1);
            }
            Path path = Path.of(file);
            if (!FigureWriter.supports(path)) {
                throw new NdswException("--plot " + text + ": the file name must end in .png or .svg");
            }
            return new PlotRequest(kind, path);
        }
    }
}
