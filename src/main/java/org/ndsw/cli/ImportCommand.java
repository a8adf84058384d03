package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ndsw.app.ingest.Download;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ingest.ImportService;
import org.ndsw.app.ingest.ReportJson;
import org.ndsw.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw import`: imports NDS files, zips and folders, local or at an http(s) URL, into the catalogue. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
    "Import NDS JSON files (a list of records, or {\"top\": [...], \"mid\": [...]}), zip archives of them (the "
    + "released data.zip) and folders of either.",
    "Each file becomes a sweep named after it (ResNet_rng1.json -> "
    + "ResNet_rng1; reruns -> ResNet_reruns/top, ResNet_reruns/mid) in one transaction: a rejected file leaves no "
    + "trace. Importing the same file again changes nothing. Exits 1 if any input or record was rejected.",
    "",
    "A PATH that starts with http:// or https:// is downloaded first (to the download folder; a complete earlier "
    + "download of the same URL is reused) and then imported as that file; its sweeps record the URL as their source. "
    + "The released NDS data: ndsw import " + Download.NDS_DATA_URL,
    "",
    "A pycls sweep.json (written by pycls's sweep_collect; docs/pycls.md) becomes one sweep named after its folder, "
    + "each job a run; its flops and params are checked against its cfg."})
final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "NDS .json files, pycls sweep.json files, .zip archives,"
        + " folders, or http(s) URLs of a .json or .zip file.")
    List<String> inputs;

    @Option(names = "--download-dir", paramLabel = "DIR", description = "Where URLs are downloaded to. Default: the "
        + "folder " + Download.FOLDER + "/ next to the catalogue file.")
    Path downloadDir;

    @Option(names = "--refetch", description = "Download URLs again even if a complete earlier download is there.")
    boolean refetch;

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
        Path dir = downloadDir != null ? downloadDir : Download.defaultDir(catalog.path());
        Download download = new Download(new Download.Options(dir, refetch));
        try (Catalog c = catalog.openOrCreate()) {
            report = new ImportService(c).importInputs(inputs, download,
                    new ImportService.Options(replace, skipInvalid), progress);
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

    /**
     * The JSON report: one object per input with its outcome, message and sweeps (with their verification), and for an
     * input given as a URL the download it came from.
     */
    static ArrayNode json(ImportReport report) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (ImportReport.SourceResult s : report.sources()) {
            ObjectNode o = a.addObject();
            o.put("input", s.input());
            o.put("outcome", s.outcome().name().toLowerCase(java.util.Locale.ROOT));
            o.put("message", s.message());
            o.put("seconds", s.seconds());
            if (s.download() != null) {
                ObjectNode d = o.putObject("download");
                d.put("url", s.download().url());
                d.put("file", s.download().file().toString());
                d.put("bytes", s.download().bytes());
                d.put("seconds", s.download().seconds());
                d.put("reused", s.download().reused());
            }
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
