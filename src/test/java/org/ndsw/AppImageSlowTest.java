package org.ndsw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Builds the Linux app image from the packaged jar (packaging/build-image.sh --no-maven) and runs its smoke test: the
 * CLI launcher, an import and compare on the bundled sample study, and the workbench window under Xvfb. Runs in the
 * `slow` profile after `mvn package` (about 30 s of jlink + jpackage, 10 s of smoke test).
 */
@Tag("slow")
class AppImageSlowTest {
    static final Path TARGET = Path.of("target");

    @Test
    void appImageBuildsAndBothLaunchersStart() throws Exception {
        assumeTrue(Files.isRegularFile(TARGET.resolve("ndsw.jar")) && Files.isDirectory(TARGET.resolve("lib")),
                "target/ndsw.jar and target/lib come from `mvn package`; run it before the slow suite");
        Run build = run(List.of("packaging/build-image.sh", "--no-maven"), "image-build.log");
        assertEquals(0, build.exit(), build.output());
        assertTrue(Files.isExecutable(TARGET.resolve("image/ndsw/bin/ndsw")), build.output());

        Run smoke = run(List.of("packaging/smoke-test.sh", "target/image/ndsw"), "image-smoke.log");
        assertEquals(0, smoke.exit(), smoke.output());
        assertTrue(smoke.output().contains("ok   ndsw --version"), smoke.output());
        assertTrue(smoke.output().contains("ok   ndsw import + compare"), smoke.output());
        assertTrue(smoke.output().contains("ok   ndsw-workbench showed its window"), smoke.output());
    }

    /** The exit code and combined output of a packaging script. */
    record Run(int exit, String output) {}

    private static Run run(List<String> command, String log) throws Exception {
        Path out = TARGET.resolve(log);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (Files.isRegularFile(javaHome.resolve("jmods/java.base.jmod"))) {
            pb.environment().put("JAVA_HOME", javaHome.toString()); // link the JDK that runs the tests
        }
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            return new Run(-1, command + " timed out after 5 min:\n" + Files.readString(out));
        }
        return new Run(p.exitValue(), Files.readString(out));
    }
}
