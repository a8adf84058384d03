package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.space.SpaceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Extreme and malformed design space files are refused at once, naming the file, the field and the value, instead of
 * hanging, crashing or being stored.
 */
class DesignSpaceDomainsTest {
    private static final Duration FAST = Duration.ofSeconds(10);

    @TempDir Path dir;

    static String cell(String nodes, String widths, String depths) {
        return "{\"format\":\"ndsw-space/1\",\"name\":\"X\",\"family\":\"cell\",\"ops\":[\"conv_3x3\",\"skip_connect\"],"
                + "\"nodes\":" + nodes + ",\"output\":\"all\",\"width\":" + widths + ",\"depth\":" + depths + "}";
    }

    static String stage(String stem, String stages) {
        return "{\"format\":\"ndsw-space/1\",\"name\":\"S\",\"family\":\"stage\",\"block_type\":\"res_basic_block\","
                + "\"stem\":" + stem + ",\"stages\":" + stages + "}";
    }

    static String oneStage(String depth, String width) {
        return stage("{\"width\":16,\"stride\":1}", "[{\"stride\":1,\"depth\":" + depth + ",\"width\":" + width + "}]");
    }

    private Path file(String text) throws IOException {
        Path f = dir.resolve("space.json");
        Files.writeString(f, text);
        return f;
    }

    private Cli refuse(String text, String... args) throws IOException {
        Path f = file(text);
        String[] full = new String[args.length + 1];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = f.toString();
        Cli r = assertTimeoutPreemptively(FAST, () -> Cli.run(full));
        assertTrue(r.refused(), r.exit() + " " + r.err());
        assertTrue(r.err().startsWith("ndsw: " + f + ": "), r.err());
        return r;
    }

    @Test
    void aMillionCellNodesIsRefusedInSpaceInfo() throws IOException {
        Cli r = refuse(cell("1000000", "[16]", "[8]"), "space", "info");
        assertTrue(r.err().contains("nodes must be an integer in [1, 32]"), r.err());
        assertTrue(r.err().contains("got 1000000"), r.err());
    }

    @Test
    void aBillionCellsIsRefusedBeforeSampling() throws IOException {
        Path f = file(cell("4", "[16]", "[1000000000]"));
        Cli r = assertTimeoutPreemptively(FAST, () -> Cli.run("sample", f.toString(), "-n", "1", "--seed", "0"));
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("depth[0] must be an integer in [1, 1,000]"), r.err());
    }

    @Test
    void aCellWidthOfTwoToThe30IsRefusedNotDividedByZero() throws IOException {
        Path f = file(cell("4", "[1073741824]", "[8]"));
        Cli r = assertTimeoutPreemptively(FAST, () -> Cli.run("sample", f.toString(), "-n", "1", "--seed", "0"));
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("width[0] must be an integer in [1, 16,384]"), r.err());
    }

    @Test
    void aStageWidthOfIntMaxIsRefusedBeforeASweepStoresIt() throws IOException {
        Cli r = refuse(oneStage("[1]", "[2147483647]"), "space", "info");
        assertTrue(r.err().contains("stages[0].width[0] must be an integer in [1, 16,384]"), r.err());
        String db = dir.resolve("c.db").toString();
        r = Cli.run("sweep", "create", "wide", "--space", dir.resolve("space.json").toString(), "-n", "2", "--seed",
                "1", "--data", dir.toString(), "--catalog", db);
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("stages[0].width[0] must be an integer in [1, 16,384]"), r.err());
        assertTrue(!Cli.run("sweeps", "--catalog", db).out().contains("wide"));
    }

    @Test
    void deepNestingIsAnErrorNotANullPointerException() throws IOException {
        Cli r = refuse("[".repeat(100_000), "space", "info");
        assertTrue(r.err().contains("not valid JSON"), r.err());
        assertTrue(r.err().length() < 500, r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "[0];                   stages[0].depth[0] must be an integer in [1, 1,024]",
        "[1025];                stages[0].depth[0] must be an integer in [1, 1,024]",
        "[-1];                  stages[0].depth[0] must be an integer in [1, 1,024]",
        "[99999999999999999999]; stages[0].depth[0] must be an integer in [1, 1,024]",
        "[1.5];                 stages[0].depth[0] must be an integer in [1, 1,024], got 1.5",
        "[1e3];                 stages[0].depth[0] must be an integer in [1, 1,024], got 1000.0",
        "[\"4\"];               stages[0].depth[0] must be an integer in [1, 1,024], got \"4\"",
        "[null];                stages[0].depth[0] must be an integer in [1, 1,024], got null",
        "[];                    stages[0].depth must be a non-empty list",
        "[4,4];                 stages[0].depth[1] repeats the value 4",
    })
    void badDepthsAreRefused(String depth, String message) throws IOException {
        Cli r = refuse(oneStage(depth, "[16]"), "space", "info");
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void tooManyStagesAndChoicesAreRefused() throws IOException {
        String st = "{\"stride\":1,\"depth\":[1],\"width\":[16]}";
        Cli r = refuse(stage("{\"width\":16,\"stride\":1}", "[" + String.join(",", java.util.Collections.nCopies(33, st))
                + "]"), "space", "info");
        assertTrue(r.err().contains("the number of stages must be an integer in [1, 32]"), r.err());
        StringBuilder widths = new StringBuilder("[");
        for (int w = 1; w <= 4_097; w++) {
            widths.append(w == 1 ? "" : ",").append(w);
        }
        r = refuse(oneStage("[1]", widths + "]"), "space", "info");
        assertTrue(r.err().contains("the number of entries of stages[0].width must be an integer in [1, 4,096]"),
                r.err());
    }

    @Test
    void strideAndStemAreBounded() throws IOException {
        Cli r = refuse(stage("{\"width\":16,\"stride\":2147483647}", "[{\"stride\":1,\"depth\":[1],\"width\":[16]}]"),
                "space", "info");
        assertTrue(r.err().contains("stem.stride must be an integer in [1, 8]"), r.err());
        r = refuse(stage("{\"width\":0,\"stride\":1}", "[{\"stride\":1,\"depth\":[1],\"width\":[16]}]"),
                "space", "info");
        assertTrue(r.err().contains("stem.width must be an integer in [1, 16,384]"), r.err());
    }

    @Test
    void aHugeNameIsRefusedAndQuotedShort() throws IOException {
        String name = "n".repeat(500_000);
        Cli r = refuse(oneStage("[1]", "[16]").replace("\"name\":\"S\"", "\"name\":\"" + name + "\""), "space", "info");
        assertTrue(r.err().contains("name must have 1 to 100 characters"), r.err());
        assertTrue(r.err().length() < 600, "message of " + r.err().length() + " characters");
    }

    @Test
    void aHugeUnknownValueIsQuotedShort() throws IOException {
        String bad = "x".repeat(900_000);
        Cli r = refuse(oneStage("[1]", "[16]").replace("\"family\":\"stage\"", "\"family\":\"" + bad + "\""),
                "space", "info");
        assertTrue(r.err().contains("family must be \"stage\" or \"cell\""), r.err());
        assertTrue(r.err().length() < 600, "message of " + r.err().length() + " characters");
    }

    @Test
    void aFileOverOneMegabyteIsRefusedWithoutReadingIt() throws IOException {
        Cli r = refuse(oneStage("[1]", "[16]") + " ".repeat(1 << 20), "space", "info");
        assertTrue(r.err().contains("a design space file must have at most 1048576 bytes"), r.err());
    }

    @Test
    void emptyFilesAndNonObjectsAreRefused() throws IOException {
        Cli r = refuse("", "space", "info");
        assertTrue(r.err().contains("empty file"), r.err());
        r = refuse("42", "space", "info");
        assertTrue(r.err().contains("must hold a JSON object"), r.err());
    }

    @Test
    void bytesThatAreNotUtf8AreNamedAsSuch() throws IOException {
        Path f = dir.resolve("latin1.json");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'});
        Cli r = Cli.run("space", "info", f.toString());
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains(f + ": a design space file must be UTF-8 text"), r.err());
    }

    @Test
    void aHugeSpaceNameOnTheCommandLineIsQuotedShort() {
        Cli r = Cli.run("space", "info", "Res" + "x".repeat(1_000_000));
        assertTrue(r.refused(), r.errHead());
        assertTrue(r.err().contains("is neither a built-in space"), r.errHead());
        assertTrue(r.err().length() < 700, "message of " + r.err().length() + " characters");
    }

    @Test
    void theBuiltinSpacesAllLieInsideTheDomains() {
        assertEquals(10, org.ndsw.space.BuiltinSpaces.all().size());
    }

    @Test
    void parseNamesTheSource() {
        NdswException e = assertThrows(NdswException.class,
                () -> SpaceFiles.parse(cell("33", "[16]", "[8]"), "mine.json"));
        assertTrue(e.getMessage().startsWith("mine.json: nodes must be an integer in [1, 32]"), e.getMessage());
    }

    @Test
    void quoteCutsLongValues() {
        String q = Quote.of("a".repeat(10_000_000));
        assertTrue(q.length() < Quote.MAX + 40, q.length() + "");
        assertTrue(q.endsWith("\"... (10000000 characters)"), q.substring(q.length() - 40));
        assertEquals("\"short\"", Quote.of("short"));
    }
}
