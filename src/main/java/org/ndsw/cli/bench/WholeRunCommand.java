package org.ndsw.cli.bench;

import java.io.PrintWriter;
import org.ndsw.bench.wholerun.WholeRunBenchmark;
import org.ndsw.bench.wholerun.WholeRunOptions;
import org.ndsw.bench.wholerun.WholeRunResult;
import org.ndsw.cli.ConsoleProgress;
import org.ndsw.cli.Json;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `ndsw bench train --whole-run`: runs the rounds and prints each round's table as soon as it is measured (to stdout,
 * or to stderr with --json), then the header, the medians and the ratios (or the JSON document).
 */
final class WholeRunCommand {
    private final CommandSpec spec;
    private final boolean json;

    WholeRunCommand(CommandSpec spec, boolean json) {
        this.spec = spec;
        this.json = json;
    }

    void run(WholeRunOptions options) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress bar = new ConsoleProgress(err, System.console() != null, 60);
        PrintWriter rounds = json ? err : out;
        int[] n = {0};
        WholeRunResult r = WholeRunBenchmark.run(options, bar, round -> {
            bar.clear();
            rounds.print(WholeRunReport.round(++n[0], round));
            rounds.flush();
        });
        bar.clear();
        out.println(json ? Json.pretty(WholeRunReport.toJson(r)) : "\n" + WholeRunReport.header(r)
                + WholeRunReport.summary(r).stripTrailing());
        out.flush();
    }
}
