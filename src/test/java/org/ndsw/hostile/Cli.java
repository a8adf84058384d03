package org.ndsw.hostile;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.ndsw.cli.Main;
import picocli.CommandLine;

/** Runs the real command line in-process, as `ndsw` does, and captures its output and exit code. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        return run(Main.commandLine(), args);
    }

    static Cli run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** Runs with `stdin` as standard input. */
    static Cli withStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** The start of stderr, for assertion messages. */
    String errHead() {
        return err.length() <= 400 ? err : err.substring(0, 400) + "...";
    }

    /** A refusal: exit code 1 and a single line on stderr. */
    boolean refused() {
        return exit == Main.EXIT_USER_ERROR && err.startsWith("ndsw: ") && err.strip().lines().count() == 1;
    }
}
