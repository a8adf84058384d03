package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ndsw.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every Throwable leaving a command, Errors included, ends in the documented exit code 70 with one paragraph on
 * stderr and the stack trace in a log file; a net path of a thousand segments is refused before it can overflow.
 */
class ExitCodeTest {
    @TempDir Path dir;

    /** A command that throws what it is given, to reach the handler as a real failure would. */
    @Command(name = "throw")
    static final class Thrower implements Runnable {
        private final Throwable t;

        Thrower(Throwable t) {
            this.t = t;
        }

        @Override
        public void run() {
            if (t instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) t;
        }
    }

    private static Cli throwing(Throwable t) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("throw", new Thrower(t));
        return Cli.run(cl, "throw");
    }

    private static void assertOneParagraphWithLog(Cli r, String expected) throws IOException {
        assertEquals(Main.EXIT_INTERNAL_ERROR, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(expected), r.err());
        Matcher m = Pattern.compile("The stack trace is in (\\S+)\\.$").matcher(r.err().strip());
        assertTrue(m.find(), r.err());
        Path log = Path.of(m.group(1));
        assertTrue(Files.readString(log).contains("at org.ndsw.hostile.ExitCodeTest."), m.group(1));
        Files.delete(log);
    }

    @Test
    void aStackOverflowExitsSeventyWithOneParagraph() throws IOException {
        assertOneParagraphWithLog(throwing(new StackOverflowError()), "ndsw: internal error: the call stack overflowed");
    }

    @Test
    void anOutOfMemoryErrorExitsSeventyAndSaysWhatToDo() throws IOException {
        Cli r = throwing(new OutOfMemoryError("Java heap space"));
        assertOneParagraphWithLog(r, "ndsw: out of memory (java.lang.OutOfMemoryError: Java heap space)");
        assertTrue(r.err().contains("-Xmx"), r.err());
    }

    @Test
    void aBugExitsSeventyWithoutAStackTraceOnStderr() throws IOException {
        assertOneParagraphWithLog(throwing(new IllegalStateException("boom")),
                "ndsw: internal error: java.lang.IllegalStateException: boom. This is a bug in ndsw");
    }

    @Test
    void aThousandSegmentNetPathIsRefusedNotOverflowed() {
        String db = dir.resolve("c.db").toString();
        assertEquals(0, Cli.run("catalog", "init", "--catalog", db).exit());
        String path = "net." + String.join(".", Collections.nCopies(1_000, "a[1]")) + "=1";
        Cli r = Cli.run("models", "--catalog", db, "--where", path);
        assertTrue(r.refused(), r.exit() + " " + r.errHead());
        assertTrue(r.err().contains("is too long for a field path (at most 100 characters"), r.err());
        assertTrue(r.err().length() < 1_000, "message of " + r.err().length() + " characters");
    }

    @Test
    void aNormalNetPathStillWorks() {
        String db = dir.resolve("c.db").toString();
        assertEquals(0, Cli.run("catalog", "init", "--catalog", db).exit());
        Cli r = Cli.run("models", "--catalog", db, "--where", "net.genotype.normal_concat[3]=1");
        assertEquals(0, r.exit(), r.err());
    }
}
