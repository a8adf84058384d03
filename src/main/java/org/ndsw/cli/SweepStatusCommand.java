package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.app.sweep.SweepStatus;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw sweep status NAME [--json]`: the state of every run, read while the sweep runs. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the sweep's runs: status, epochs done, best error, attempts, failure.",
            "--json prints {\"name\", \"total\", \"done\", \"running\", \"failed\", \"pending\", \"device\", \"runs\":",
            "[{\"model\", \"seed\", \"status\", \"epochs_done\", \"best_error\", \"lr\", \"wd\"}]} (fields may be added,",
            "never renamed). LR and WD are what each run trains with: sampled per model when the sweep samples them."})
final class SweepStatusCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;
    @Parameters(paramLabel = "NAME", description = "The sweep.") String name;
    @Option(names = "--json", description = "Print the JSON contract.") boolean json;

    @Override
    public void run() {
        SweepStatus s = new SweepService(catalog.path()).status(name);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(json(s)));
        } else {
            out.printf(Locale.ROOT, "sweep %s (%s): %d runs, %d done, %d running, %d failed, %d pending%s%n",
                    s.name(), s.device().cliName(), s.total(), s.count(RunStatus.DONE), s.count(RunStatus.RUNNING),
                    s.count(RunStatus.FAILED), s.count(RunStatus.QUEUED), s.stopRequested() ? " (stop requested)" : "");
            out.printf(Locale.ROOT, "%5s %-12s %5s %-8s %7s %8s %9s %9s %8s  %s%n", "SEQ", "MODEL", "SEED", "STATUS",
                    "EPOCHS", "BEST", "LR", "WD", "ATTEMPTS", "FAILURE");
            for (SweepRun r : s.runs()) {
                out.printf(Locale.ROOT, "%5d %-12s %5s %-8s %7s %8s %9s %9s %8d  %s%n", r.seq(),
                        r.model().substring(0, 12), r.seed(), label(r.status()), r.epochs() + "/" + r.maxEpochs(),
                        r.error() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.error()), optim(r.baseLr()),
                        optim(r.wd()), r.attempts(), r.failure() == null ? "" : r.failure());
            }
        }
        out.flush();
    }

    /** The contract of `status --json`. */
    static ObjectNode json(SweepStatus s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", s.name());
        o.put("total", s.total());
        o.put("done", s.count(RunStatus.DONE));
        o.put("running", s.count(RunStatus.RUNNING));
        o.put("failed", s.count(RunStatus.FAILED));
        o.put("pending", s.count(RunStatus.QUEUED));
        o.put("stop_requested", s.stopRequested());
        o.put("device", s.device().cliName());
        ArrayNode runs = o.putArray("runs");
        for (SweepRun r : s.runs()) {
            ObjectNode j = runs.addObject();
            j.put("model", r.model());
            j.put("seed", r.seed());
            j.put("status", label(r.status()));
            j.put("epochs_done", r.epochs());
            if (r.error() == null) {
                j.putNull("best_error");
            } else {
                j.put("best_error", r.error());
            }
            j.put("seq", r.seq());
            j.put("max_epochs", r.maxEpochs());
            j.put("attempts", r.attempts());
            j.put("failure", r.failure());
            j.put("lr", r.baseLr());
            j.put("wd", r.wd());
        }
        return o;
    }

    /** An lr or wd to 4 significant digits, "-" when unknown. */
    static String optim(Double v) {
        return v == null ? "-" : org.ndsw.app.analysis.AnalysisFigures.number(v);
    }

    /** Status names of the sweep commands: the catalogue's "queued" is shown as "pending". */
    static String label(RunStatus s) {
        return s == RunStatus.QUEUED ? "pending" : s.label();
    }
}
