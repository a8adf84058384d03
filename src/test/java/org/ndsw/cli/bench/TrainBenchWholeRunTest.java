package org.ndsw.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.bench.TrainBenchmark;
import org.ndsw.bench.wholerun.CpuInfo;
import org.ndsw.bench.wholerun.SideRun;
import org.ndsw.bench.wholerun.WholeRunOptions;
import org.ndsw.bench.wholerun.WholeRunResult;
import org.ndsw.cli.CliRun;
import org.ndsw.cli.Json;
import org.ndsw.cli.Main;
import org.ndsw.train.TinyCifar;
import org.ndsw.train.data.ImageSet;
import org.ndsw.train.data.Subsets;

/**
 * `ndsw bench train --whole-run`: option checks, the report's arithmetic and layout, the reference's port of our
 * subsets, and a real but tiny run on generated JPEG folders. The last two need /usr/bin/python3 with torch (Debian's
 * python3-torch) and are skipped without it.
 */
class TrainBenchWholeRunTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("bench/train_pytorch.py");
    private static final String NO_TORCH = "needs /usr/bin/python3 with torch (apt-get install python3-torch);"
            + " the PyTorch side of the whole run is skipped";

    @TempDir Path tmp;

    @Test
    void wholeRunNeedsData() {
        CliRun r = CliRun.of("bench", "train", "--whole-run");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("--whole-run needs --data DIR"), r.err());
    }

    @Test
    void stepOptionsAreRefusedInAWholeRun() {
        CliRun r = CliRun.of("bench", "train", "--whole-run", "--data", tmp.toString(), "--steps", "3");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("--steps is for the step benchmark, not --whole-run"), r.err());
    }

    @Test
    void wholeRunOptionsNeedWholeRun() {
        CliRun r = CliRun.of("bench", "train", "--epochs", "3");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("--epochs needs --whole-run"), r.err());
    }

    @Test
    void badValuesNameTheOption() {
        assertError("--epochs must be at least 1, got 0", "--data", tmp.toString(), "--epochs", "0");
        assertError("--rounds must be at least 1, got 0", "--data", tmp.toString(), "--rounds", "0");
        assertError("--train-subset and --test-subset must be 0 (all) or positive, got -5 and 1000", "--data",
                tmp.toString(), "--train-subset", "-5");
        assertError("no/such/dir: no such directory", "--data", "no/such/dir");
        assertError("--whole-run trains one net, got --nets [0, 1]", "--data", tmp.toString(), "--nets", "0,1");
        assertError("--nets must be between 0 and 2, got 7", "--data", tmp.toString(), "--nets", "7");
        assertError("no/such.py: no such file", "--data", tmp.toString(), "--script", "no/such.py");
        assertError("--peer must differ from --engine, got djl twice", "--data", tmp.toString(), "--peer", "djl");
    }

    @Test
    void aFailingTrainRunIsReportedWithItsMessage() {
        Path data = TinyCifar.pngFolders(tmp.resolve("data"), 20, 10);
        CliRun r = CliRun.of("bench", "train", "--whole-run", "--data", data.toString(), "--engine", "nosuch",
                "--train-subset", "0", "--test-subset", "0", "--rounds", "1");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().contains("ndsw train --engine nosuch failed (exit code 1): "), r.err());
        assertTrue(r.err().contains("nosuch"), r.err());
    }

    @Test
    void cpuInfoGivesModelFamilyAndAvx512() {
        String text = "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel name\t: AMD EPYC\n"
                + "flags\t\t: fpu sse avx2 avx512f avx512dq\n\nprocessor\t: 1\nmodel name\t: other\n";
        CpuInfo cpu = CpuInfo.parse(text, 2);
        assertEquals(new CpuInfo("AMD EPYC", 26, true, true, 2), cpu);
        assertEquals("AMD EPYC (family 26), 2 processors, AVX-512 yes", cpu.describe());
        assertFalse(CpuInfo.parse("flags : avx2 avx512_bf16\n", 1).avx512());
        assertEquals(new CpuInfo("unknown", -1, false, false, 1), CpuInfo.parse("", 1));
    }

    @Test
    void reportGivesRoundsMediansAndRatios() {
        WholeRunOptions o = new WholeRunOptions("ResNet-20", TrainBenchmark.DEFAULT_NETS.get(0).spec(), tmp, 256, 100,
                0, 2, 128, 2, 3, List.of("djl"), PYTHON, SCRIPT, false, null);
        // Three rounds, alternating: djl 20/24/22 s of wall time, PyTorch 16/18/17 s.
        List<List<SideRun>> rounds = List.of(
                List.of(run("djl", 1, 20, 4, 14), run("pytorch", 2, 16, 1, 14.5)),
                List.of(run("djl", 2, 24, 5, 16), run("pytorch", 1, 18, 1, 16)),
                List.of(run("djl", 1, 22, 4, 15), run("pytorch", 2, 17, 1, 15)));
        WholeRunResult r = new WholeRunResult(o, new CpuInfo("AMD EPYC", 26, true, true, 2), rounds);
        assertEquals(22.0, r.median("djl", SideRun::wallSeconds));
        assertEquals(512 / 15.0 / (512 / 15.0), r.ratio("djl", SideRun::trainImagesPerSecond), 1e-12);
        assertEquals(17.0 / 22.0, r.ratio("djl", SideRun::wholeImagesPerSecond), 1e-12);

        String round2 = WholeRunReport.round(2, rounds.get(1));
        assertTrue(round2.startsWith("round 2\nside           wall s  start s  train s   eval s  other s   exit s"
                + "    CPU s  train img/s  whole img/s  test err\n1. pytorch       18.0      1.0     16.0     0.40"
                + "     0.10     0.50     30.0         32.0         28.4    60.00%\n2. djl"), round2);
        String summary = WholeRunReport.summary(r);
        assertTrue(summary.contains("\ndjl              22.0      4.0     15.0     0.40     0.10     2.50"), summary);
        assertTrue(summary.contains("djl/pytorch: train img/s 1.00x, whole-run img/s 0.77x, wall time 1.29x,"
                + " CPU time 1.00x"), summary);
        String header = WholeRunReport.header(r);
        assertTrue(header.contains("cpu: AMD EPYC (family 26), 2 processors, AVX-512 yes"), header);
        assertTrue(header.contains("djl: ndsw train --engine djl on cpu (2 threads)"), header);
        assertTrue(header.contains("256 training images per epoch, 100 test images (subset seed 0), 2 epochs, batch"
                + " 128, 2 threads, 3 rounds"), header);

        JsonNode j = WholeRunReport.toJson(r);
        assertEquals(2, j.get("sides").size());
        assertEquals(17.0 / 22.0, j.get("sides").get(0).get("ratio_to_pytorch").get("whole_img_per_s").asDouble(),
                1e-12);
        assertEquals(22.0, j.get("sides").get(0).get("medians").get("wall_seconds").asDouble());
        assertEquals(1, j.get("round_runs").get(1).get(1).get("position").asInt());
        assertTrue(j.get("cpu").get("avx512").asBoolean());
    }

    @Test
    void referenceTakesTheSameSubsetsAsNdsw() throws Exception {
        assumeTrue(torchAvailable(), NO_TORCH);
        Path split = tmp.resolve("data/train");
        ImageSet uneven = TinyCifar.images(53, 3);
        TinyCifar.writeSplit(split, uneven, "jpg");
        for (long seed : new long[] {0, 7, -3}) {
            List<String> ours = javaSubset(split, 17, seed);
            Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), "--data", tmp.resolve("data")
                    .toString(), "--print-subset", "train", "--train-subset", "17", "--subset-seed",
                    Long.toString(seed)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .toList();
            assertEquals(0, p.waitFor());
            assertEquals(ours, theirs, "seed " + seed);
        }
    }

    @Test
    void tinyWholeRunAlternatesAndReportsBothSides() throws Exception {
        assumeTrue(torchAvailable(), NO_TORCH);
        Path data = tmp.resolve("data");
        TinyCifar.writeSplit(data.resolve("train"), TinyCifar.images(40, 1), "jpg");
        TinyCifar.writeSplit(data.resolve("test"), TinyCifar.images(20, 99), "jpg");
        CliRun r = CliRun.of("bench", "train", "--whole-run", "--data", data.toString(), "--train-subset", "32",
                "--test-subset", "10", "--epochs", "1", "--batch", "8", "--threads", "1", "--rounds", "2",
                "--keep", tmp.resolve("keep").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("round 2\n"), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals("whole-run", j.get("mode").asText());
        assertEquals(32, j.get("train_images_per_epoch").asInt());
        assertEquals(10, j.get("test_images").asInt());
        assertEquals(272_474, j.get("params").asLong());
        assertEquals("djl", j.get("sides").get(0).get("side").asText());
        assertEquals("cpu (1 thread, channels-last)", j.get("sides").get(0).get("device").asText());
        assertEquals("cpu (1 thread)", j.get("sides").get(1).get("device").asText());
        JsonNode rounds = j.get("round_runs");
        assertEquals(List.of(1, 2), positions(rounds.get(0)));
        assertEquals(List.of(2, 1), positions(rounds.get(1)));
        for (JsonNode round : rounds) {
            for (JsonNode side : round) {
                double wall = side.get("wall_seconds").asDouble();
                assertTrue(side.get("train_seconds").asDouble() > 0 && side.get("train_seconds").asDouble() < wall);
                assertEquals(32 / wall, side.get("whole_img_per_s").asDouble(), 1e-9);
                assertTrue(side.get("startup_seconds").asDouble() > 0, side.toString());
            }
        }
        JsonNode ratio = j.get("sides").get(0).get("ratio_to_pytorch");
        assertEquals(j.get("sides").get(0).get("medians").get("whole_img_per_s").asDouble()
                / j.get("sides").get(1).get("medians").get("whole_img_per_s").asDouble(),
                ratio.get("whole_img_per_s").asDouble(), 1e-12);
        assertTrue(Files.isRegularFile(tmp.resolve("keep/round-2-djl/record.json")));
        assertTrue(Files.isRegularFile(tmp.resolve("keep/round-1-pytorch/pytorch.jsonl")));
    }

    private static SideRun run(String side, int position, double wall, double startup, double train) {
        return new SideRun(side, position, wall, 30, startup, train + 0.5, new double[] {train / 2, train / 2},
                new double[] {0.2, 0.2}, 256, 100, 272_474, "cpu (2 threads)",
                side + " 1", 60.0);
    }

    private static List<Integer> positions(JsonNode round) {
        List<Integer> p = new ArrayList<>();
        round.forEach(s -> p.add(s.get("position").asInt()));
        return p;
    }

    private static void assertError(String message, String... args) {
        List<String> all = new ArrayList<>(List.of("bench", "train", "--whole-run"));
        all.addAll(Arrays.asList(args));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertEquals(Main.EXIT_USER_ERROR, r.exit(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    /** The files ndsw's Subsets picks from an image-folder split: its listing order, labels = class folder index. */
    private static List<String> javaSubset(Path split, int n, long seed) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> classes;
        try (Stream<Path> s = Files.list(split)) {
            classes = s.sorted().toList();
        }
        for (int c = 0; c < classes.size(); c++) {
            try (Stream<Path> s = Files.list(classes.get(c))) {
                for (Path f : s.sorted().toList()) {
                    files.add(f);
                    labels.add(c);
                }
            }
        }
        byte[] pixels = new byte[files.size() * 3072];
        for (int i = 0; i < files.size(); i++) {
            pixels[i * 3072] = (byte) i; // tags each image with its index (fewer than 256 here)
        }
        ImageSet set = new ImageSet(pixels, labels.stream().mapToInt(Integer::intValue).toArray(), 3, 32, 32,
                classes.stream().map(p -> p.getFileName().toString()).toList());
        ImageSet subset = Subsets.stratified(set, n, seed, "--train-subset");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < subset.size(); i++) {
            out.add(files.get(subset.pixels()[i * 3072] & 0xff).toString());
        }
        return out;
    }

    private static boolean torchAvailable() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, PIL").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
