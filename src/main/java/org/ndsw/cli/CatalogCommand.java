package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.CatalogInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw catalog`: create and describe the catalogue file. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Create or describe the catalogue file.",
        subcommands = {CatalogCommand.Init.class, CatalogCommand.Info.class, CommandLine.HelpCommand.class})
final class CatalogCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** `ndsw catalog init`: creates (or migrates) the catalogue. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the catalogue file (and its folder), or bring an existing one to the current schema.")
    static final class Init implements Runnable {
        @Spec CommandSpec spec;
        @Mixin CatalogOption catalog;

        @Override
        public void run() {
            boolean existed = java.nio.file.Files.exists(catalog.path());
            try (Catalog c = catalog.openOrCreate()) {
                CatalogInfo i = c.info();
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "%s catalogue %s (schema version %d)%n", existed ? "opened" : "created", i.file(),
                        i.schemaVersion());
                out.flush();
            }
        }
    }

    /** `ndsw catalog info`: file, versions and counts. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show the catalogue's file, versions and counts.")
    static final class Info implements Runnable {
        @Spec CommandSpec spec;
        @Mixin CatalogOption catalog;

        @Option(names = "--json", description = "Print JSON: file, schema_version, sqlite_version, journal_mode, bytes,"
                + " sweeps, models, runs.")
        boolean json;

        @Override
        public void run() {
            try (Catalog c = catalog.open()) {
                CatalogInfo i = c.info();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectNode o = Json.MAPPER.createObjectNode();
                    o.put("file", i.file().toString());
                    o.put("schema_version", i.schemaVersion());
                    o.put("sqlite_version", i.sqliteVersion());
                    o.put("journal_mode", i.journalMode());
                    o.put("bytes", i.bytes());
                    o.put("sweeps", i.sweeps());
                    o.put("models", i.models());
                    o.put("runs", i.runs());
                    out.println(Json.pretty(o));
                } else {
                    out.printf(Locale.ROOT, "file:    %s (%,d bytes)%n", i.file(), i.bytes());
                    out.printf(Locale.ROOT, "schema:  version %d, SQLite %s, journal %s%n", i.schemaVersion(),
                            i.sqliteVersion(), i.journalMode());
                    out.printf(Locale.ROOT, "content: %,d sweeps, %,d models, %,d runs%n", i.sweeps(), i.models(), i.runs());
                }
                out.flush();
            }
        }
    }
}
