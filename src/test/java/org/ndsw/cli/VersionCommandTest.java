package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ndsw --version} names the app, the engines, their libraries, Java and the OS. */
class VersionCommandTest {
    @Test
    void versionListsAppEnginesLibrariesJavaAndOs() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ndsw "), r.out());
        assertTrue(lines.contains("engines: djl, dl4j"), r.out());
        assertTrue(lines.contains("djl 0.36.0"), r.out());
        assertTrue(lines.contains("pytorch 2.7.1"), r.out());
        assertTrue(lines.contains("dl4j 1.0.0-M2.1"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("java ") && l.contains(System.getProperty("java.version"))),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("os " + System.getProperty("os.name"))), r.out());
    }
}
