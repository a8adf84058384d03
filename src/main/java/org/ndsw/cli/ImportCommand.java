package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ndsw.app.ImportReport;
import org.ndsw.app.ImportService;
import org.ndsw.app.ReportJson;
import org.ndsw.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw import`: imports NDS files, zips and folders into the catalogue. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
    "Import NDS JSON files (a list of records, or {\"top\": [...], \"mid\": [...]}), zip archives of them (the "
    + "downloaded data.zip) and folders of either. Each file becomes a sweep named after it (ResNet_rng1.json -> "
    + "ResNet_rng1; reruns -> ResNet_reruns/top, ResNet_reruns/mid) in one transaction: a rejected file leaves no "
    + "trace. Importing the same file again changes nothing. Exits 1 if any input or record was rejected."})
final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "NDS .json files, .zip archives or folders.")
    List<Path> paths;

    @Option(names = "--replace", description = "Replace sweeps imported earlier from a different file of the same name.")
    boolean replace;

    @Option(names = "--skip-invalid", description = {"Leave out records with invalid content (reported) instead of "
        + "rejecting their file; syntax errors still reject the file."})
    boolean skipInvalid;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConsoleProgress progress = ConsoleProgress.on(spec.commandLine().getErr());
        ImportReport report;
        try (Catalog c = catalog.openOrCreate()) {
            report = new ImportService(c).importPaths(paths, new ImportService.Options(replace, skipInvalid), progress);
        }
        progress.clear();
        if (json) {
            spec.commandLine().getOut().println(Json.pretty(json(report)));
            spec.commandLine().getOut().flush();
        } else {
            ImportText.print(report, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return report.anyRejected() ? Main.EXIT_USER_ERROR : 0;
    }

    /** The JSON report: one object per input with its outcome, message and sweeps (with their verification). */
    static ArrayNode json(ImportReport report) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (ImportReport.SourceResult s : report.sources()) {
            ObjectNode o = a.addObject();
            o.put("input", s.input());
            o.put("outcome", s.outcome().name().toLowerCase(java.util.Locale.ROOT));
            o.put("message", s.message());
            o.put("seconds", s.seconds());
            ArrayNode sweeps = o.putArray("sweeps");
            for (ImportReport.SweepResult w : s.sweeps()) {
                ObjectNode so = sweeps.addObject();
                so.put("name", w.name());
                so.put("space", w.space());
                so.put("dataset", w.dataset());
                so.put("runs", w.runs());
                so.put("models", w.models());
                so.set("verification", ReportJson.verification(w.verification()));
            }
        }
        return a;
    }
}
