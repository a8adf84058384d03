package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.app.catalog.PyclsExport;
import org.ndsw.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw export-config`: writes ready-to-train pycls YAML configs of a sweep's runs or of a model. */
@Command(name = "export-config", mixinStandardHelpOptions = true, description = {
    "Write ready-to-train pycls YAML configs (docs/pycls.md): one per run of a sweep (SWEEP-NNNN.yaml), or one for a"
    + " model named by its hash or a prefix of at least 6 hex digits (as ndsw models shows it). Each has MODEL,"
    + " ANYNET (or REGNET for runs imported from pycls), TRAIN and TEST sizes and OPTIM from the run's recipe."})
final class ExportConfigCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Parameters(paramLabel = "MODEL|SWEEP", description = "A sweep name, or a model hash or hash prefix.")
    String target;

    @Option(names = "--format", required = true, paramLabel = "pycls", description = "Config format: pycls.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the YAML files.")
    Path out;

    @Override
    public void run() {
        if (!"pycls".equals(format)) {
            throw new NdswException("--format must be pycls, got " + Quote.of(format));
        }
        PyclsExport.Result r;
        try (Catalog c = catalog.open()) {
            r = new PyclsExport(c).export(target, out);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + r.files().size() + " pycls configs of " + r.what() + " to " + out);
        o.flush();
    }
}
