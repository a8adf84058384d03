package org.ndsw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw spaces`: lists the built-in design spaces with their exact sizes. */
@Command(name = "spaces", mixinStandardHelpOptions = true,
        description = "List the built-in design spaces with their exact sizes.")
final class SpacesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            BuiltinSpaces.listed().forEach(s -> a.add(SpaceCommand.summary(s)));
            out.println(Json.pretty(a));
        } else {
            out.printf(Locale.ROOT, "%-10s %-6s %32s  %s%n", "NAME", "FAMILY", "MODELS", "DESCRIPTION");
            for (DesignSpace s : BuiltinSpaces.listed()) {
                out.printf(Locale.ROOT, "%-10s %-6s %32s  %s%n", s.name(), s.family(), SpaceCommand.sizeText(s),
                        s.description());
            }
        }
        out.flush();
    }
}
