package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.ndsw.NdswException;
import org.ndsw.app.paper.PaperFigureService;
import org.ndsw.app.paper.PaperReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ndsw figure}: publication figures; {@code figure paper} reproduces the paper's figures from NDS data. */
@Command(name = "figure", mixinStandardHelpOptions = true, subcommands = {FigureAnalysisCommand.class, FigureModelCommand.class},
        description = "Render publication figures (PNG and SVG).")
public final class FigureCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Renders Figs. 2, 3, 5, 6, 7, 9, 10, 11 and report.md. */
    @Command(name = "paper", mixinStandardHelpOptions = true,
            description = {"Reproduce the paper's Figures 2, 3, 5, 6, 7, 9, 10 and 11 from a folder of NDS JSON files "
                    + "(Vanilla.json, ResNet.json, ResNeXt-A.json, ResNeXt-B.json, NASNet.json, Amoeba.json, PNAS.json, "
                    + "ENAS.json, DARTS.json) with the notebooks' windows and bin counts, as PNG and SVG, and write "
                    + "report.md with the numbers behind them.", "Figures whose files are missing are skipped and reported."})
    int paper(
            @Option(names = "--nds-dir", required = true, paramLabel = "DIR", description = "Folder of NDS JSON files.")
            Path ndsDir,
            @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.") Path out,
            @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
                    description = "Seed of every sampled experiment. Default: ${DEFAULT-VALUE}.") long seed,
            @Option(names = "--size", defaultValue = "large", paramLabel = "column|large|screen",
                    description = "Figure size. Default: ${DEFAULT-VALUE}.") String size) {
        PrintWriter stdout = spec.commandLine().getOut();
        PaperReport report = new PaperFigureService().render(ndsDir, out, seed, CliOptions.figureSize(size),
                line -> {
                    stdout.println(line);
                    stdout.flush();
                });
        report.notes().forEach(n -> stdout.println("note: " + n));
        stdout.println("wrote " + report.written().size() + " figure panels (PNG + SVG) and " + report.report());
        stdout.flush();
        if (report.written().isEmpty()) {
            throw new NdswException("no figure could be made from " + ndsDir + ": see " + report.report());
        }
        return 0;
    }
}
