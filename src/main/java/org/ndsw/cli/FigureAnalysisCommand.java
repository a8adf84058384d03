package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ndsw.NdswException;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.app.analysis.AnalysisSets;
import org.ndsw.app.report.SetViews;
import org.ndsw.app.report.ViewFigures;
import org.ndsw.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ndsw figure analysis}: the analysis views of some sets as PNG and SVG files. */
@Command(name = "analysis", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the analysis views of each set as PNG and SVG: error against each parameter with its"
                + " good range shaded and the best value marked, a 2-D map of two parameters coloured by error rank,"
                + " and the test and train curves of the k best and k worst runs.",
            "With --trends, also the trends of each parameter across the sets (best value and good range per set);"
                + " with --models K, drawings of the K best models of each set.",
            "Files: param-NAME-SET, map-X-Y-SET, curves-best-SET, curves-worst-SET, trends-NAME, model-SET-RANK"
                + " (-normal and -reduce for cell nets) (.png and .svg)."},
        footer = {"%nSET is what `ndsw analyze` takes. See docs/analysis.md."})
public final class FigureAnalysisCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SET", description = "Sets of trained models.")
    List<String> sources;

    @Mixin CatalogOption catalog;

    @Option(names = "--param", paramLabel = "NAME",
            description = "A parameter to plot (repeat for several). Default: every parameter that varies.")
    List<String> params;

    @Option(names = "--map", paramLabel = "X,Y",
            description = "The two parameters of the rank map. Default: d,w when the sets have them.")
    String map;

    @Option(names = "--curves", paramLabel = "K", defaultValue = "3",
            description = "Curves of the K best and K worst runs (NDS JSON and catalogue sets). Default: 3.")
    int curves;

    @Option(names = "--trends", description = "Also draw each parameter's trends across the sets.")
    boolean trends;

    @Option(names = "--models", paramLabel = "K", defaultValue = "0",
            description = "Also draw the K best models of each set. Default: 0.")
    int models;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--size", defaultValue = "large", paramLabel = "column|large|screen",
            description = "Figure size. Default: ${DEFAULT-VALUE}.")
    String size;

    @Override
    public Integer call() {
        List<SetViews> sets;
        try (Catalog opened = sources.stream().anyMatch(AnalysisSets::needsCatalog) ? catalog.open() : null) {
            sets = SetViews.load(sources, opened, AnalysisOptions.DEFAULTS, curves);
        }
        List<ViewFigures.Named> figures = new ArrayList<>();
        for (String p : params == null ? SetViews.varying(sets) : params) {
            List<ViewFigures.Named> f = ViewFigures.parameter(sets, p);
            if (f.isEmpty()) {
                throw new NdswException("no set has the parameter " + org.ndsw.Quote.of(p)
                        + " (list them with `ndsw analyze`)");
            }
            figures.addAll(f);
            if (trends) {
                figures.addAll(ViewFigures.trends(sets, p));
            }
        }
        List<String> pair = mapPair(sets);
        if (!pair.isEmpty()) {
            figures.addAll(ViewFigures.map(sets, pair.get(0), pair.get(1)));
        }
        figures.addAll(ViewFigures.curves(sets));
        if (models < 0 || models > 100) {
            throw new NdswException("--models must be between 0 and 100, got " + models);
        }
        figures.addAll(ViewFigures.bestModels(sets, models));
        List<Path> written = ViewFigures.write(figures, out, CliOptions.figureSize(size));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + figures.size() + " figures (" + written.size() + " files) to " + out);
        stdout.flush();
        return 0;
    }

    private List<String> mapPair(List<SetViews> sets) {
        if (map == null) {
            return sets.get(0).defaultMap();
        }
        String[] parts = map.split(",", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new NdswException("--map needs two parameter names X,Y, got " + org.ndsw.Quote.of(map));
        }
        return List.of(parts[0].strip(), parts[1].strip());
    }
}
