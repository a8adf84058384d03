package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.NdsFixtures;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;
import org.ndsw.stats.KsResult;
import org.ndsw.stats.KsTest;
import org.ndsw.stats.NormalizedEdf;
import org.ndsw.stats.RandomSearch;
import org.ndsw.stats.WeightedEdf;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private Path resnet;
    private Path vanilla;

    @BeforeEach
    void writeFixtures() {
        resnet = NdsFixtures.writeList(dir.resolve("ResNet.json"), 400, 0, 11, 6);
        vanilla = NdsFixtures.writeList(dir.resolve("Vanilla.json"), 300, 2.5, 12, 6);
    }

    /** The models of a fixture file as the reader sees them: errors rounded to the 4 decimals written. */
    private static List<NdsFixtures.Model> models(int n, double offset, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<NdsFixtures.Model> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(NdsFixtures.model(rng, offset, 6));
        }
        return out;
    }

    private static double[] best(List<NdsFixtures.Model> models) {
        return models.stream().mapToDouble(m -> Double.parseDouble(NdsFixtures.num(m.best()))).toArray();
    }

    private static double[] paramsM(List<NdsFixtures.Model> models) {
        return models.stream().mapToDouble(m -> m.params() / 1e6).toArray();
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertEquals(0, run.exit(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void jsonContractHoldsForPlainEdfs() throws IOException {
        JsonNode root = json(CliRun.of("compare", resnet.toString(), "V=" + vanilla, "--json"));
        JsonNode sets = root.get("sets");
        assertEquals(2, sets.size());
        assertEquals("ResNet", sets.get(0).get("label").asText());
        assertEquals("V", sets.get(1).get("label").asText());
        double[] a = best(models(400, 0, 11));
        double[] b = best(models(300, 2.5, 12));
        assertEquals(400, sets.get(0).get("n").asInt());
        assertEquals(Arrays.stream(a).min().getAsDouble(), sets.get(0).get("min").asDouble());
        assertEquals(Arrays.stream(a).average().getAsDouble(), sets.get(0).get("mean").asDouble(), 1e-12);
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        assertEquals((sorted[199] + sorted[200]) / 2, sets.get(0).get("median").asDouble(), 1e-12);
        JsonNode edf = sets.get(0).get("edf");
        assertEquals(400, edf.size());
        for (int i = 0; i < edf.size(); i++) {
            assertEquals(sorted[i], edf.get(i).get(0).asDouble());
            if (i > 0) {
                assertTrue(edf.get(i).get(1).asDouble() > edf.get(i - 1).get(1).asDouble());
            }
        }
        assertEquals(1.0, edf.get(399).get(1).asDouble(), 0.0);
        double area = 0;
        for (double e : a) {
            area += Math.min(1, e / 10.0) / a.length;
        }
        assertEquals(1 - area, sets.get(0).get("area").asDouble(), 1e-12);

        JsonNode pair = root.get("pairs").get(0);
        KsResult ks = KsTest.twoSample(a, b);
        assertEquals("ResNet", pair.get("a").asText());
        assertEquals("V", pair.get("b").asText());
        assertEquals(ks.d(), pair.get("ks_d").asDouble(), 0.0);
        assertEquals(ks.p(), pair.get("ks_p").asDouble(), 0.0);
        assertTrue(root.get("random_search").isEmpty());
    }

    @Test
    void normalizingKeepsTheStrictDefaultWindowAndWeighsByBin() throws IOException {
        JsonNode root = json(CliRun.of("compare", resnet.toString(), vanilla.toString(), "--normalize", "params",
                "--bins", "10", "--json"));
        List<NdsFixtures.Model> ma = models(400, 0, 11);
        List<NdsFixtures.Model> mb = models(300, 2.5, 12);
        double lo = Math.max(Arrays.stream(paramsM(ma)).min().getAsDouble(),
                Arrays.stream(paramsM(mb)).min().getAsDouble());
        ComplexityWindow window = new ComplexityWindow(lo, 0.856);
        assertEquals(lo, root.get("window").get("lo").asDouble(), 0.0);
        assertEquals(0.856, root.get("window").get("hi").asDouble(), 0.0);
        NormalizedEdf na = NormalizedEdf.of(best(ma), paramsM(ma), window, 10, BinPolicy.STRICT);
        NormalizedEdf nb = NormalizedEdf.of(best(mb), paramsM(mb), window, 10, BinPolicy.STRICT);
        long inside = Arrays.stream(paramsM(ma)).filter(c -> c > lo && c < 0.856).count();
        JsonNode set = root.get("sets").get(0);
        assertEquals(inside, set.get("n").asInt());
        assertEquals(na.n(), set.get("n").asInt());
        double[] cum = na.edf().cumulative();
        JsonNode edf = set.get("edf");
        for (int i = 0; i < cum.length - 1; i++) {
            assertEquals(na.edf().error(i), edf.get(i).get(0).asDouble(), 0.0);
            assertEquals(cum[i], edf.get(i).get(1).asDouble(), 1e-15);
        }
        assertEquals(1.0, edf.get(cum.length - 1).get(1).asDouble(), 0.0);
        JsonNode pair = root.get("pairs").get(0);
        double[] keptA = Arrays.stream(na.kept()).mapToDouble(i -> best(ma)[i]).toArray();
        double[] keptB = Arrays.stream(nb.kept()).mapToDouble(i -> best(mb)[i]).toArray();
        assertEquals(KsTest.twoSample(keptA, keptB).d(), pair.get("ks_d").asDouble(), 0.0);
        assertEquals(KsTest.weighted(na.edf(), nb.edf()).d(), pair.get("ks_d_normalized").asDouble(), 0.0);
    }

    @Test
    void rangeBoundsAreStrictInPaperUnits() throws IOException {
        Path csv = Files.writeString(dir.resolve("grid.csv"),
                "error,params,flops\n5,100000,1\n6,150000,1\n7,200000,1\n8,250000,1\n9,300000,1\n");
        JsonNode root = json(CliRun.of("compare", csv.toString(), "--normalize", "params", "--range", "0.1,0.3",
                "--bins", "2", "--json"));
        JsonNode set = root.get("sets").get(0);
        assertEquals(3, set.get("n").asInt());
        assertEquals(6.0, set.get("min").asDouble());
        assertEquals("[1,2]", set.get("bin_counts").toString());
    }

    @Test
    void csvJsonLinesAndRerunsGroupsMixInOneComparison() throws IOException {
        Path csv = Files.writeString(dir.resolve("mine.csv"), "id,error,params\n1,5.0,100\n2,6.0,200\n3,7.5,300\n");
        Path jsonl = Files.writeString(dir.resolve("more.jsonl"),
                "{\"min_test_top1\": 5.5, \"test_ep_top1\": [9, 6.5]}\n{\"min_test_top1\": 8.0, \"test_ep_top1\": [9, 8.5]}\n");
        Path reruns = NdsFixtures.writeReruns(dir.resolve("ResNet_reruns.json"), 6, 4, 2);
        JsonNode root = json(CliRun.of("compare", "csv=" + csv, jsonl.toString(), reruns + "#top", "mid=" + reruns
                + "#mid", "--error", "final", "--json"));
        JsonNode sets = root.get("sets");
        assertEquals("csv", sets.get(0).get("label").asText());
        assertEquals(3, sets.get(0).get("n").asInt());
        assertEquals("more", sets.get(1).get("label").asText());
        assertEquals(6.5, sets.get(1).get("min").asDouble());
        assertEquals("ResNet_reruns#top", sets.get(2).get("label").asText());
        assertEquals(6, sets.get(2).get("n").asInt());
        assertEquals(4, sets.get(3).get("n").asInt());
        assertEquals(6, root.get("pairs").size());
        assertEquals("final", root.get("error").asText());
    }

    @Test
    void randomSearchCurvesFollowTheSeed() throws IOException {
        JsonNode root = json(CliRun.of("compare", resnet.toString(), vanilla.toString(), "--random-search", "4",
                "--seed", "7", "--json"));
        JsonNode curve = root.get("random_search").get("ResNet");
        List<RandomSearch.Point> expected = RandomSearch.efficiency(WeightedEdf.uniform(best(models(400, 0, 11))), 4, 7);
        assertEquals(5, curve.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(1 << i, curve.get(i).get("m").asInt());
            assertEquals(expected.get(i).mean(), curve.get(i).get("mean").asDouble(), 0.0);
            assertEquals(expected.get(i).std(), curve.get(i).get("std").asDouble(), 0.0);
        }
        assertTrue(root.get("random_search").has("Vanilla"));
    }

    @Test
    void plotsAreWrittenInEachFormatAndKind() throws IOException {
        Path png = dir.resolve("edf.png");
        Path svg = dir.resolve("edf.svg");
        Path scatter = dir.resolve("scatter.png");
        Path search = dir.resolve("search.svg");
        CliRun run = CliRun.of("compare", resnet.toString(), vanilla.toString(), "--normalize", "flops",
                "--random-search", "3", "--plot", png.toString(), "--plot", svg.toString(), "--plot",
                "scatter:" + scatter, "--plot", "random-search:" + search, "--plot-size", "column");
        assertEquals(0, run.exit(), run.err());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 500);
        assertTrue(ImageIO.read(scatter.toFile()).getWidth() > 500);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertTrue(Files.readString(search).contains("<svg"));
    }

    @Test
    void humanOutputHasATablePerSetAndPair() {
        CliRun run = CliRun.of("compare", resnet.toString(), vanilla.toString(), "--normalize", "params");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("normalized by params"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("ResNet ")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Vanilla ")), run.out());
        assertTrue(run.out().contains("KS D") && run.out().contains("D normalized"), run.out());
    }

    @Test
    void badInputGivesOneLineAndExitCodeOne() throws IOException {
        Path cut = Files.writeString(dir.resolve("cut.json"), Files.readString(resnet).substring(0, 5000));
        Path reruns = NdsFixtures.writeReruns(dir.resolve("R_reruns.json"), 2, 2, 1);
        String[][] cases = {
            {"compare", dir.resolve("missing.json").toString()},
            {"compare", cut.toString()},
            {"compare", reruns.toString()},
            {"compare", resnet.toString(), "--range", "0.1,0.5"},
            {"compare", resnet.toString(), "--normalize", "params", "--range", "0.5,0.1"},
            {"compare", resnet.toString(), "--normalize", "size"},
            {"compare", resnet.toString(), "--plot", dir.resolve("x.jpg").toString()},
            {"compare", resnet.toString(), resnet.toString()},
            {"compare", resnet.toString(), "--normalize", "params", "--bins", "5000"},
            {"compare", resnet.toString(), "--plot", "random-search:" + dir.resolve("r.png")},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(Main.EXIT_USER_ERROR, run.exit(), String.join(" ", args) + " -> " + run.err());
            assertTrue(run.err().startsWith("ndsw: "), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }
}
