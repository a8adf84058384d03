package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.ndsw.app.catalog.ExportService;
import org.ndsw.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw export`: writes a sweep as NDS JSON or CSV. */
@Command(name = "export", mixinStandardHelpOptions = true, description = {
    "Write a sweep as NDS JSON (re-imports to the same content; a reruns file's name, e.g. ResNet_reruns, writes "
    + "its groups as {\"top\": [...], \"mid\": [...]}) or as CSV of its runs for spreadsheets and pandas."})
final class ExportCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Parameters(paramLabel = "SWEEP", description = "The sweep to export.")
    String sweep;

    @Option(names = "--format", required = true, paramLabel = "nds|csv", description = "Output format.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (replaced if present).")
    Path out;

    @Override
    public void run() {
        ExportService.Format f = ExportService.Format.parse(format);
        ExportService.Result r;
        try (Catalog c = catalog.open()) {
            r = new ExportService(c).export(sweep, f, out);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %,d runs of %s to %s%s%n", r.runs(), String.join(", ", r.sweeps()), r.file(),
                r.skipped() > 0 ? String.format(Locale.ROOT, " (%,d unfinished runs without an error left out)", r.skipped())
                        : "");
        o.flush();
    }
}
