package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.space.SpaceFiles;
import org.ndsw.space.StageSpace;

/** {@code ndsw space refine}: the child's file, its exact size, sampling it, overwriting and bad input. */
class SpaceRefineCommandTest {
    private static final int[] DEPTHS = {1, 2, 3};
    private static final int[] WIDTHS = {16, 32, 48, 64};

    @TempDir Path dir;

    /** A small parent: three stages of depths {1, 2, 3} and widths {16, 32, 48, 64}, 12^3 = 1,728 models. */
    private Path parent() throws Exception {
        String stage = "{\"stride\": %d, \"depth\": [1, 2, 3], \"width\": [16, 32, 48, 64]}";
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, "{\"format\": \"ndsw-space/1\", \"name\": \"tiny\", \"description\": \"test\","
                + " \"family\": \"stage\", \"block_type\": \"res_basic_block\", \"stem\": {\"width\": 16, \"stride\": 1},"
                + " \"stages\": [" + String.format(stage, 1) + ", " + String.format(stage, 2) + ", "
                + String.format(stage, 2) + "]}");
        return file;
    }

    private static String[] refineTiny(Path parent, Path out) {
        return new String[] {"space", "refine", parent.toString(), "--name", "tiny-child", "--out", out.toString(),
            "--values", "width=16,32,64", "--range", "depth[2,3]=2:", "--non-decreasing-widths",
            "--non-decreasing-depths"};
    }

    /** The child's constraints, checked on a sampled or enumerated net (ds and ws with the stem first). */
    private static boolean inside(int[] ds, int[] ws) {
        for (int i = 1; i <= 3; i++) {
            if (ws[i] == 48 || i >= 2 && ds[i] < 2 || i >= 2 && (ws[i] < ws[i - 1] || ds[i] < ds[i - 1])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theChildRecordsItsParentAndConstraintsAndItsSizeIsTheBruteForceCount() throws Exception {
        Path out = dir.resolve("child.json");
        CliRun r = CliRun.of(refineTiny(parent(), out));
        assertEquals(0, r.exit(), r.err());
        long count = 0;
        for (int d1 : DEPTHS) {
            for (int d2 : DEPTHS) {
                for (int d3 : DEPTHS) {
                    for (int w1 : WIDTHS) {
                        for (int w2 : WIDTHS) {
                            for (int w3 : WIDTHS) {
                                count += inside(new int[] {1, d1, d2, d3}, new int[] {16, w1, w2, w3}) ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(70, count, "7 depth triples (1|2|3, then 2-2, 2-3, 3-3) times C(5, 3) = 10 width multisets");
        assertEquals("wrote " + out + ": tiny-child, " + count + " models (parent tiny: 1,728)",
                r.out().lines().findFirst().orElseThrow());
        JsonNode file = Json.MAPPER.readTree(out.toFile());
        assertEquals("ndsw-space/2", file.get("format").asText());
        assertEquals("tiny", file.get("parent").asText());
        assertEquals(2, file.get("constraints").get("values").size());
        assertEquals(2, file.get("constraints").get("relations").size());
        StageSpace child = (StageSpace) SpaceFiles.read(out);
        assertEquals(BigInteger.valueOf(count), child.size());
    }

    @Test
    void samplingTheChildGivesOnlyNetsInsideTheConstraints() throws Exception {
        Path out = dir.resolve("child.json");
        assertEquals(0, CliRun.of(refineTiny(parent(), out)).exit());
        CliRun s = CliRun.of("sample", out.toString(), "-n", "1500", "--seed", "5");
        assertEquals(0, s.exit(), s.err());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : s.out().split("\n")) {
            JsonNode net = Json.MAPPER.readTree(line).get("net");
            int[] ds = new int[4];
            int[] ws = new int[4];
            for (int i = 0; i < 4; i++) {
                ds[i] = net.get("ds").get(i).asInt();
                ws[i] = net.get("ws").get(i).asInt();
            }
            assertTrue(inside(ds, ws), line);
            seen.add(net.toString());
        }
        assertEquals(70, seen.size(), "1,500 uniform draws from 70 nets reach every one of them");
    }

    @Test
    void anExistingFileIsRefusedUnlessReplaceIsGiven() throws Exception {
        Path out = dir.resolve("child.json");
        Files.writeString(out, "mine");
        CliRun r = CliRun.of(refineTiny(parent(), out));
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains(out + ": a file of that name exists") && r.err().contains("--replace"), r.err());
        assertEquals("mine", Files.readString(out));
        String[] args = refineTiny(parent(), out);
        String[] replace = java.util.Arrays.copyOf(args, args.length + 1);
        replace[args.length] = "--replace";
        CliRun again = CliRun.of(replace);
        assertEquals(0, again.exit(), again.err());
        assertEquals("tiny", SpaceFiles.read(out) instanceof StageSpace s ? s.parent() : null);
    }

    @Test
    void theDefaultFolderIsTheGuisSpaceFolderAndABuiltInParentWorksByName() {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            CliRun r = CliRun.of("space", "refine", "ResNet", "--name", "ResNet-narrow", "--range", "net.ds[1]=1:4");
            assertEquals(0, r.exit(), r.err());
            Path file = dir.resolve(".ndsw/spaces/ResNet-narrow.json");
            assertTrue(r.out().startsWith("wrote " + file + ": ResNet-narrow, 559,872 models (parent ResNet:"
                    + " 1,259,712)"), r.out());
            // Independently: stage 1 keeps depths 1, 2, 3, 4 of the nine; the other stages stay free (9 x 12 each).
            assertEquals(BigInteger.valueOf(4L * 12 * 108 * 108), SpaceFiles.read(file).size());
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void theGoodRangeOfAnAnalysedSetBecomesARangeRule() throws Exception {
        String set = Path.of("sample-data/study/ResNet.json").toString();
        JsonNode analysis = Json.MAPPER.readTree(CliRun.of("analyze", set, "--json").out());
        JsonNode good = null;
        for (JsonNode p : analysis.get("sets").get(0).get("parameters")) {
            if (p.get("name").asText().equals("net.ws[2]")) {
                good = p.get("good");
            }
        }
        Path out = dir.resolve("good.json");
        CliRun r = CliRun.of("space", "refine", "ResNet", "--name", "ResNet-good", "--out", out.toString(),
                "--from-analysis", set, "--param", "net.ws[2]");
        assertEquals(0, r.exit(), r.err());
        JsonNode rule = Json.MAPPER.readTree(out.toFile()).get("constraints").get("values").get(0);
        assertEquals("width", rule.get("param").asText());
        assertEquals(2, rule.get("stages").get(0).asInt());
        assertEquals((int) Math.ceil(good.get(0).asDouble()), rule.get("min").asInt());
        assertEquals((int) Math.floor(good.get(2).asDouble()), rule.get("max").asInt());
    }

    @Test
    void badInputNamesTheOptionAndTheValue() throws Exception {
        Path p = parent();
        String out = dir.resolve("x.json").toString();
        assertBad(new String[] {"--range", "depth=3"}, p, out, "--range \"depth=3\": the range must be LO:HI");
        assertBad(new String[] {"--range", "size=1:3"}, p, out, "--range \"size=1:3\": PARAM must be one of");
        assertBad(new String[] {"--range", "flops=1:3"}, p, out, "\"flops\" is derived");
        assertBad(new String[] {"--range", "depth=1.5:3"}, p, out, "the values of depth are whole numbers");
        assertBad(new String[] {"--range", "depth=3:1"}, p, out, "LO is above HI");
        assertBad(new String[] {"--range", "depth[4]=1:3"}, p, out, "--range \"depth[4]=1:3\": a depth rule names"
                + " stage 4, but \"tiny\" has stages 1 to 3");
        assertBad(new String[] {"--values", "width=100"}, p, out, "--values \"width=100\": constraints leave stage 1"
                + " no width");
        assertBad(new String[] {"--values", "net.bot_muls[1]=0.3"}, p, out, "is no ratio 1/b of a whole b");
        assertBad(new String[] {"--range", "net.ws[0]=1:3"}, p, out, "net.ws[0] is the stem");
        assertBad(new String[] {"--param", "net.ds[1]"}, p, out, "--from-analysis and --param go together");
        CliRun cell = CliRun.of("space", "refine", "DARTS", "--name", "d", "--out", out);
        assertTrue(cell.err().contains("is a cell space"), cell.err());
        assertFalse(Files.exists(Path.of(out)), "nothing written on bad input");
    }

    private static void assertBad(String[] options, Path parent, String out, String expected) {
        String[] all = new String[7 + options.length];
        System.arraycopy(new String[] {"space", "refine", parent.toString(), "--name", "c", "--out", out}, 0, all, 0,
                7);
        System.arraycopy(options, 0, all, 7, options.length);
        CliRun r = CliRun.of(all);
        assertNotEquals(0, r.exit(), String.join(" ", all));
        assertTrue(r.err().contains(expected), r.err());
    }
}
