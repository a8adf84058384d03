package org.ndsw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.cli.bench.BenchCommand;
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
            ExportConfigCommand.class,
            TrainCommand.class,
            EnginesCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class,
            CompareCommand.class,
            AnalyzeCommand.class,
            ReportCommand.class,
            FigureCommand.class,
        })
public final class Main implements Runnable {
    /** Exit code for bad input or an impossible request (the message says what). */
    public static final int EXIT_USER_ERROR = 1;
    /**
     * Exit code for an internal error (a bug, or the JVM out of memory or stack): one paragraph on stderr, the stack
     * trace in a log file it names. Every Throwable, Errors included, ends here.
     */
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
        cl.setExecutionStrategy(parsed -> guarded(parsed, cl));
        return cl;
    }

    /** Runs the chosen subcommand; an Error (which picocli lets through) becomes an internal error, exit code 70. */
    private static int guarded(CommandLine.ParseResult parsed, CommandLine root) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (Error e) {
            return internalError(e, root.getErr());
        }
    }

    /** Maps user errors to a one-line message and bugs to one paragraph with the stack trace in a log file. */
    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof NdswException) {
            err.println("ndsw: " + e.getMessage());
            err.flush();
            return EXIT_USER_ERROR;
        }
        return internalError(e, err);
    }

    /** Prints one paragraph for an internal error and writes its stack trace to a log file; returns 70. */
    static int internalError(Throwable t, PrintWriter err) {
        String log = writeLog(t);
        String details = log == null ? "" : " The stack trace is in " + log + ".";
        if (t instanceof OutOfMemoryError) {
            err.println("ndsw: out of memory (" + t + "): the request needs more memory than Java may use here."
                    + " Ask for less (fewer models, a smaller space or file), or allow more, e.g. NDSW_JAVA_OPTS=-Xmx8g"
                    + " with packaging/bin/ndsw." + details);
        } else if (t instanceof StackOverflowError) {
            err.println("ndsw: internal error: the call stack overflowed (" + t.getClass().getName() + "), a bug in"
                    + " ndsw: some input is nested or long beyond what it checks; please report it." + details);
        } else {
            err.println("ndsw: internal error: " + Quote.cut(String.valueOf(t)) + ". This is a bug in ndsw;"
                    + " please report it." + details);
        }
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }

    /** Writes the stack trace to a new file in the temporary folder; null if even that fails. */
    private static String writeLog(Throwable t) {
        try {
            Path log = Files.createTempFile("ndsw-internal-error-", ".log");
            try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8); PrintWriter pw = new PrintWriter(w)) {
                t.printStackTrace(pw);
            }
            return log.toString();
        } catch (IOException | RuntimeException | Error e) {
            return null;
        }
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) {
            code = internalError(t, new PrintWriter(System.err, true));
        }
        System.exit(code);
    }
}
