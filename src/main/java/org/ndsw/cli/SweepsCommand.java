package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw sweeps`: lists the sweeps of the catalogue. */
@Command(name = "sweeps", mixinStandardHelpOptions = true, description = {"List the sweeps of the catalogue.",
    "--json prints [{\"name\", \"space\", \"dataset\", \"source\", \"models\", \"runs\", ...}] (fields may be added, "
    + "never renamed)."})
final class SweepsCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public void run() {
        List<SweepSummary> sweeps;
        try (Catalog c = catalog.open()) {
            sweeps = c.sweeps();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            sweeps.forEach(s -> a.add(json(s)));
            out.println(Json.pretty(a));
        } else {
            out.printf(Locale.ROOT, "%-24s %-10s %-8s %8s %8s  %s%n", "NAME", "SPACE", "DATASET", "MODELS", "RUNS", "SOURCE");
            for (SweepSummary s : sweeps) {
                out.printf(Locale.ROOT, "%-24s %-10s %-8s %,8d %,8d  %s%n", s.name(), s.space(), s.dataset(), s.models(),
                        s.runs(), "sampled".equals(s.sourceKind()) ? "sampled (ndsw sweep status " + s.name() + ")"
                                : s.source());
            }
        }
        out.flush();
    }

    /** The JSON contract of one sweep. */
    static ObjectNode json(SweepSummary s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", s.name());
        o.put("space", s.space());
        o.put("dataset", s.dataset());
        o.put("source", s.source());
        o.put("models", s.models());
        o.put("runs", s.runs());
        o.put("source_kind", s.sourceKind());
        o.put("source_sha256", s.sourceSha256());
        o.put("created", s.created());
        return o;
    }
}
