package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.CellSpace;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.SpaceFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw space`: commands on one design space. */
@Command(name = "space", mixinStandardHelpOptions = true,
        description = "Inspect one design space, or refine it into a child space.",
        subcommands = {SpaceCommand.Info.class, SpaceRefineCommand.class, CommandLine.HelpCommand.class})
final class SpaceCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What an inexact size counts (RegNet spaces). */
    static final String SIZE_NOTE = "an upper bound: the quantized (d, w0, wa, wm, g, b) settings the sampler can draw,"
            + " before it rejects those without the space's number of stages; the exact count is not computed";

    /** The size as listed: grouped digits, prefixed with "<=" when it is an upper bound. */
    static String sizeText(DesignSpace s) {
        return String.format(Locale.ROOT, "%s%,d", s.sizeIsExact() ? "" : "<=", s.size());
    }

    /** The JSON summary of a space: name, family, description, size and, for cell spaces, cells. */
    static ObjectNode summary(DesignSpace s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", s.name());
        o.put("family", s.family());
        o.put("description", s.description());
        o.put("size", s.size());
        if (!s.sizeIsExact()) {
            o.put("size_exact", false);
            o.put("size_note", SIZE_NOTE);
        }
        if (s instanceof CellSpace c) {
            o.put("cells", c.cells());
        }
        return o;
    }

    /** `ndsw space info NAME|FILE`: the definition and exact size of a space. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Show a space's definition and exact size (cell spaces: also distinct cells of one type).")
    static final class Info implements Runnable {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "NAME|FILE", description = "A built-in space name or a design space file.")
        String space;

        @Option(names = "--json", description = "Print JSON: name, family, description, size, cells, definition.")
        boolean json;

        @Override
        public void run() {
            DesignSpace s = BuiltinSpaces.resolve(space);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = summary(s);
                o.set("definition", SpaceFiles.toJson(s));
                out.println(Json.pretty(o));
            } else {
                out.printf(Locale.ROOT, "%s (%s): %s%n", s.name(), s.family(), s.description());
                out.printf(Locale.ROOT, "models: %s%n", sizeText(s));
                if (!s.sizeIsExact()) {
                    out.printf(Locale.ROOT, "  (%s)%n", SIZE_NOTE);
                }
                if (s instanceof CellSpace c) {
                    out.printf(Locale.ROOT, "distinct cells of one type: %,d%n", c.cells());
                }
                out.println();
                out.print(SpaceFiles.toText(s));
            }
            out.flush();
        }
    }
}
