package org.ndsw.cli;

import java.io.PrintWriter;
import org.ndsw.NdswException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ndsw} command line. */
@Command(
        name = "ndsw",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "NDS Workbench: compare neural-network design spaces by their error distributions.",
        subcommands = {
            SpacesCommand.class,
            SpaceCommand.class,
            SampleCommand.class,
            ComplexityCommand.class,
            CatalogCommand.class,
            ImportCommand.class,
            SweepsCommand.class,
            SweepCommand.class,
            ModelsCommand.class,
            ExportCommand.class,
            TrainCommand.class,
            EnginesCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class,
            CompareCommand.class,
            AnalyzeCommand.class,
            FigureCommand.class,
        })
public final class Main implements Runnable {
    /** Exit code for bad input or an impossible request (the message says what). */
    public static final int EXIT_USER_ERROR = 1;
    /** Exit code for an internal error (a bug): the stack trace is printed. */
    public static final int EXIT_INTERNAL_ERROR = 70;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the project's exit-code handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleException);
        return cl;
    }

    /** Maps user errors to a one-line message and bugs to a stack trace. */
    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof NdswException) {
            err.println("ndsw: " + e.getMessage());
            err.flush();
            return EXIT_USER_ERROR;
        }
        err.println("ndsw: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
