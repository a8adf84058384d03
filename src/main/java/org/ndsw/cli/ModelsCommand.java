package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.app.catalog.CatalogService;
import org.ndsw.app.catalog.Csv;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.Condition;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.QueryResult;
import org.ndsw.catalog.QueryText;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SortKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw models`: queries the runs of sweeps with filters, order and paging. */
@Command(name = "models", mixinStandardHelpOptions = true, description = {
    "List the runs of sweeps (all sweeps if none is named), one row per run, filtered, sorted and paged.",
    "",
    "--where takes FIELD OP VALUE conditions joined by \"and\" (OP: = != < <= > >= in has), e.g.",
    "  --where \"error<8 and params<=0.856M\"",
    "  --where \"net.ds[2]=4\"",
    "  --where \"normal_ops has sep_conv_3x3\"",
    "",
    "Fields: sweep space dataset status error final_error flops params acts cifar_flops cifar_params seed epochs "
    + "base_lr wd max_ep family block_type model normal_ops reduce_ops engine host seq run, and net.PATH. Errors are "
    + "top-1 errors in %%. --sort takes fields, \"-\" for descending: --sort error,-params."})
final class ModelsCommand implements Runnable {
    /** Rows shown by the table when --limit is not given. */
    static final int TABLE_LIMIT = 50;

    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Parameters(paramLabel = "SWEEP", arity = "0..*", description = "Sweeps to query (default: all).")
    List<String> sweeps = new ArrayList<>();

    @Option(names = "--where", paramLabel = "EXPR", description = "A filter; several --where are all applied.")
    List<String> where = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "KEYS", description = "Sort keys, e.g. error,-params. Default: record order.")
    String sort;

    @Option(names = "--limit", paramLabel = "N", description = "Rows to print; 0 for all. Default: "
            + TABLE_LIMIT + " for the table, all for --csv and --json.")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Rows to skip first.")
    int offset;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    /** The output formats. */
    static final class Format {
        @Option(names = "--csv", description = "Print CSV (the columns of `ndsw export --format csv`).")
        boolean csv;

        @Option(names = "--json", description = "Print a JSON array of runs.")
        boolean json;
    }

    @Override
    public void run() {
        List<Condition> conditions = new ArrayList<>();
        where.forEach(w -> conditions.addAll(QueryText.where(w)));
        List<SortKey> keys = sort == null ? List.of() : QueryText.sort(sort);
        boolean table = !format.csv && !format.json;
        int n = limit != null ? limit : table ? TABLE_LIMIT : 0;
        QueryResult result;
        try (Catalog c = catalog.open()) {
            result = new CatalogService(c).models(new ModelQuery(sweeps, conditions, keys, n, offset));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            result.rows().forEach(r -> a.add(json(r)));
            out.println(Json.pretty(a));
        } else if (format.csv) {
            csv(result, out);
        } else {
            table(result, out);
        }
        out.flush();
        if (result.total() > result.rows().size()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "%,d of %,d matching runs shown (rows %,d to %,d); use --limit"
                    + " and --offset for more%n", result.rows().size(), result.total(), offset + 1, offset + result.rows().size());
            spec.commandLine().getErr().flush();
        }
    }

    private static void csv(QueryResult result, PrintWriter out) {
        try {
            Csv.header(out);
            for (RunRow r : result.rows()) {
                Csv.row(out, r);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void table(QueryResult result, PrintWriter out) {
        out.printf(Locale.ROOT, "%-20s %6s %-12s %6s %8s %8s %12s %14s  %s%n", "SWEEP", "SEQ", "MODEL", "SEED", "ERROR",
                "FINAL", "PARAMS", "FLOPS", "NET");
        for (RunRow r : result.rows()) {
            out.printf(Locale.ROOT, "%-20s %6d %-12s %6s %8s %8s %,12d %,14d  %s%n", r.sweep(), r.seq(),
                    r.model().substring(0, 12), r.seed() == null ? "" : r.seed(), pct(r.error()), pct(r.finalError()),
                    r.params(), r.flops(), r.net());
        }
    }

    private static String pct(Double e) {
        return e == null ? "" : String.format(Locale.ROOT, "%.2f", e);
    }

    /** The JSON of one row. */
    static ObjectNode json(RunRow r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("sweep", r.sweep());
        o.put("seq", r.seq());
        o.put("model", r.model());
        o.put("seed", r.seed());
        o.put("status", r.status());
        o.put("error", r.error());
        o.put("final_error", r.finalError());
        o.put("epochs", r.epochs());
        o.put("flops", r.flops());
        o.put("params", r.params());
        o.put("acts", r.acts());
        o.put("base_lr", r.baseLr());
        o.put("wd", r.wd());
        o.put("max_ep", r.maxEp());
        o.put("space", r.space());
        o.put("dataset", r.dataset());
        o.put("family", r.family());
        try {
            o.set("net", Json.MAPPER.readTree(r.net()));
        } catch (IOException e) {
            throw new IllegalStateException("stored nets are canonical JSON", e);
        }
        return o;
    }
}
