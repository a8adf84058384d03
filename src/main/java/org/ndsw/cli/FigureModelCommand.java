package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ndsw.app.report.ViewFigures;
import org.ndsw.app.train.ModelSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ndsw figure model}: a drawing of one model as PNG and SVG. */
@Command(name = "model", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw one model as PNG and SVG: a stage-wise net as the width of every block against its depth"
                + " (one step per stage); a cell net as its normal and reduction cells, each edge labelled with its op.",
            "Files: NAME.png/.svg, or NAME-normal and NAME-reduce for a cell net."},
        footer = {"%nMODEL is a file holding a net or an NDS record (what `ndsw sample` prints), or the net as JSON"
                + " text. See docs/figures.md."})
public final class FigureModelCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "MODEL|NETJSON", description = "A file with a net or record, or the net as JSON text.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--name", defaultValue = "model", paramLabel = "NAME",
            description = "File name stem and title. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--size", defaultValue = "large", paramLabel = "column|large|screen",
            description = "Figure size. Default: ${DEFAULT-VALUE}.")
    String size;

    @Override
    public Integer call() {
        String text = model.strip();
        ModelSource source = text.startsWith("{") ? ModelSource.ofJson(text, "MODEL")
                : ModelSource.ofFile(Path.of(model));
        List<ViewFigures.Named> figures = ViewFigures.model(ViewFigures.safeName(name), name, source.spec());
        List<Path> written = ViewFigures.write(figures, out, CliOptions.figureSize(size));
        PrintWriter stdout = spec.commandLine().getOut();
        written.forEach(p -> stdout.println("wrote " + p));
        stdout.flush();
        return 0;
    }
}
