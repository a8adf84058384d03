package org.ndsw.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.RegNetSpace;

/**
 * 1,000 random AnyNets (on 224x224 and 32x32, every stem, basic and bottleneck blocks, group widths, SE, head convs)
 * and 1,000 RegNetX/RegNetY settings drawn by the spaces' seeded samplers agree exactly with docs/bench/pycls_reference.py,
 * which builds each net as torch modules and counts it with forward hooks: flops and acts under the macs convention,
 * flops under the nds convention, params, and for RegNets the generated stages. Needs /usr/bin/python3 with torch
 * (override with -Dndsw.python=PATH); skipped without it.
 */
@Tag("slow")
class PyclsReferenceSlowTest {
    private static final String PYTHON = System.getProperty("ndsw.python", "/usr/bin/python3");
    private static final Path SCRIPT = Path.of("docs/bench/pycls_reference.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NETS = 1_000;

    @TempDir Path dir;

    /** One net to check: ours, its counts under both conventions, and the JSON line for the script. */
    private record Case(ObjectNode line, AnyNet net, int size) {}

    @Test
    void randomAnyNetsAndRegNetsAgreeWithTheTorchReference() throws Exception {
        assumeTorch();
        List<Case> cases = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(19);
        for (int i = 0; i < NETS; i++) {
            cases.add(anyNetCase(i, rng, i % 2 == 0 ? 224 : 32));
        }
        RegNetSpace x = (RegNetSpace) BuiltinSpaces.find("RegNetX").orElseThrow();
        RegNetSpace y = (RegNetSpace) BuiltinSpaces.find("RegNetY").orElseThrow();
        SplittableRandom regRng = new SplittableRandom(20);
        for (int i = 0; i < NETS; i++) {
            RegNetSpace space = i % 2 == 0 ? x : y;
            cases.add(regNetCase(NETS + i, space.drawSetting(regRng), space.seRatio()));
        }
        List<JsonNode> answers = runReference(cases);
        assertEquals(cases.size(), answers.size());
        for (int i = 0; i < cases.size(); i++) {
            check(cases.get(i), answers.get(i));
        }
    }

    private static void check(Case c, JsonNode ref) {
        String what = c.line().toString();
        Complexity macs = AnyNetComplexity.of(c.net(), c.size(), Convention.MACS);
        Complexity nds = AnyNetComplexity.of(c.net(), c.size(), Convention.NDS);
        assertEquals(ref.get("flops").longValue(), macs.flops(), () -> "flops of " + what);
        assertEquals(ref.get("params").longValue(), macs.params(), () -> "params of " + what);
        assertEquals(ref.get("acts").longValue(), macs.acts(), () -> "acts of " + what);
        assertEquals(ref.get("flops_nds").longValue(), nds.flops(), () -> "nds flops of " + what);
        assertEquals(macs.params(), nds.params());
        if (ref.has("widths")) {
            List<Integer> widths = new ArrayList<>();
            List<Integer> depths = new ArrayList<>();
            List<Integer> groupWs = new ArrayList<>();
            for (AnyNet.Stage s : c.net().stages()) {
                widths.add(s.width());
                depths.add(s.depth());
                groupWs.add(s.groupWidth());
            }
            assertEquals(ints(ref.get("widths")), widths, () -> "widths of " + what);
            assertEquals(ints(ref.get("depths")), depths, () -> "depths of " + what);
            assertEquals(ints(ref.get("group_ws")), groupWs, () -> "group widths of " + what);
        }
    }

    private static List<Integer> ints(JsonNode a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(n -> out.add(n.intValue()));
        return out;
    }

    private static Case anyNetCase(int id, SplittableRandom rng, int size) {
        AnyNet.Stem[] stems = AnyNet.Stem.values();
        AnyNet.Stem stem = stems[rng.nextInt(stems.length)];
        AnyNet.Block block = rng.nextBoolean() ? AnyNet.Block.RES_BASIC_BLOCK : AnyNet.Block.RES_BOTTLENECK_BLOCK;
        int stemWidth = 8 * (1 + rng.nextInt(12));
        int n = 1 + rng.nextInt(5);
        double[] botMuls = {0.25, 0.5, 1.0, 2.0};
        List<AnyNet.Stage> stages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int width = 8 * (1 + rng.nextInt(64));
            double b = block.isBottleneck() ? botMuls[rng.nextInt(botMuls.length)] : 1.0;
            int wb = (int) Math.rint(width * b);
            int g = 1 << rng.nextInt(7);
            while (g > 1 && (g > wb || wb % g != 0)) {
                g /= 2;
            }
            stages.add(new AnyNet.Stage(1 + rng.nextInt(4), width, 1 + rng.nextInt(2), b, g));
        }
        int headWidth = rng.nextInt(3) == 0 ? 8 * (1 + rng.nextInt(128)) : 0;
        double se = block.isBottleneck() && rng.nextBoolean() ? 0.25 : 0;
        int classes = size == 32 ? 10 : 1000;
        AnyNet net = new AnyNet(stem, stemWidth, block, stages, headWidth, se, classes);
        ObjectNode line = JSON.createObjectNode().put("id", id).put("im_size", size).put("num_classes", classes);
        ObjectNode a = line.putObject("anynet").put("stem", stem.pyclsName()).put("stem_w", stemWidth)
                .put("block", block.pyclsName()).put("head_w", headWidth).put("se_r", se);
        ArrayNode ds = a.putArray("depths");
        ArrayNode ws = a.putArray("widths");
        ArrayNode ss = a.putArray("strides");
        ArrayNode bs = a.putArray("bot_muls");
        ArrayNode gs = a.putArray("group_ws");
        for (AnyNet.Stage s : stages) {
            ds.add(s.depth());
            ws.add(s.width());
            ss.add(s.stride());
            bs.add(s.botMul());
            gs.add(s.groupWidth());
        }
        return new Case(line, net, size);
    }

    private static Case regNetCase(int id, RegNet r, double se) {
        AnyNet net = new AnyNet(AnyNet.Stem.SIMPLE_STEM_IN, 32, AnyNet.Block.RES_BOTTLENECK_BLOCK, r.stages(2), 0, se,
                1000);
        ObjectNode line = JSON.createObjectNode().put("id", id).put("im_size", 224).put("num_classes", 1000);
        line.putObject("regnet").put("depth", r.depth()).put("w0", r.w0()).put("wa", r.wa()).put("wm", r.wm())
                .put("group_w", r.groupWidth()).put("bot_mul", r.botMul()).put("se_r", se)
                .put("stem", "simple_stem_in").put("stem_w", 32);
        return new Case(line, net, 224);
    }

    private List<JsonNode> runReference(List<Case> cases) throws IOException, InterruptedException {
        Path in = dir.resolve("nets.jsonl");
        StringBuilder b = new StringBuilder();
        cases.forEach(c -> b.append(c.line()).append('\n'));
        Files.writeString(in, b.toString());
        Path out = dir.resolve("counts.jsonl");
        Process p = new ProcessBuilder(PYTHON, SCRIPT.toString()).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectErrorStream(false)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "the reference script did not finish");
        assertEquals(0, p.exitValue(), () -> read(dir.resolve("stderr.txt")));
        List<JsonNode> answers = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    private static void assumeTorch() throws IOException, InterruptedException {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true).start();
            ok = p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "skipped: " + PYTHON + " cannot import torch and numpy (Debian: apt-get install"
                + " python3-torch; or -Dndsw.python=PATH)");
    }
}
