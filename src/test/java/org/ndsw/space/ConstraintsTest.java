package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** Constraints: exact sizes against brute-force enumeration, uniform sampling (chi-square), the file section. */
class ConstraintsTest {
    private static final String STAGES = """
            "stages": [
              {"stride": 1, "depth": [3, 1, 2], "width": [32, 16, 64], "bottleneck_ratio": [1, 2], "groups": [1, 2]},
              {"stride": 2, "depth": [2, 3], "width": [16, 64, 48], "bottleneck_ratio": [2, 4], "groups": [1, 2]},
              {"stride": 2, "depth": [1, 4, 3], "width": [64, 32, 128], "bottleneck_ratio": [1, 2, 4], "groups": [2, 1]}
            ]""";

    private static StageSpace space(String constraints) {
        String text = "{\"format\": \"ndsw-space/2\", \"name\": \"t\", \"family\": \"stage\", \"parent\": \"p\","
                + " \"block_type\": \"res_bottleneck_block\", \"stem\": {\"width\": 16, \"stride\": 1}, " + STAGES
                + (constraints.isEmpty() ? "" : ", \"constraints\": " + constraints) + "}";
        return (StageSpace) SpaceFiles.parse(text, "t.json");
    }

    /** Every model of the unconstrained space, as stage tuples (d, w, b, g) per stage. */
    private static List<int[][]> enumerate(StageSpace s) {
        List<int[][]> out = new ArrayList<>();
        enumerate(s, 0, new int[s.stages().size()][], out);
        return out;
    }

    private static void enumerate(StageSpace s, int i, int[][] prefix, List<int[][]> out) {
        if (i == prefix.length) {
            out.add(prefix.clone());
            return;
        }
        StageSpace.StageChoices c = s.stages().get(i);
        for (int d : c.depths()) {
            for (int w : c.widths()) {
                for (int b : c.ratios()) {
                    for (int g : c.groups()) {
                        prefix[i] = new int[] {d, w, b, g};
                        enumerate(s, i + 1, prefix, out);
                    }
                }
            }
        }
    }

    private static boolean relation(int[][] m, int k, boolean shared) {
        for (int i = 1; i < m.length; i++) {
            if (shared ? m[i][k] != m[0][k] : m[i][k] < m[i - 1][k]) {
                return false;
            }
        }
        return true;
    }

    private static String key(StageSpec m) {
        StringBuilder b = new StringBuilder();
        for (StageSpec.Stage st : m.stages().subList(1, m.stages().size())) {
            b.append(st.depth()).append(',').append(st.width()).append(',')
                    .append(Math.round(1 / st.botMul())).append(',').append(st.groups()).append(';');
        }
        return b.toString();
    }

    private static String key(int[][] m) {
        StringBuilder b = new StringBuilder();
        for (int[] st : m) {
            b.append(st[0]).append(',').append(st[1]).append(',').append(st[2]).append(',').append(st[3]).append(';');
        }
        return b.toString();
    }

    private static final String ALL = """
            {"values": [{"param": "width", "stages": [3], "min": 32, "max": 64},
                        {"param": "depth", "in": [1, 2, 3]}],
             "relations": [{"param": "width", "relation": "non_decreasing"},
                           {"param": "depth", "relation": "non_decreasing"},
                           {"param": "bottleneck_ratio", "relation": "shared"},
                           {"param": "groups", "relation": "shared"}]}""";

    private static final Predicate<int[][]> ALL_RULE = m -> m[2][1] >= 32 && m[2][1] <= 64
            && m[0][0] <= 3 && m[1][0] <= 3 && m[2][0] <= 3
            && relation(m, 1, false) && relation(m, 0, false) && relation(m, 2, true) && relation(m, 3, true);

    @Test
    void sizesMatchBruteForceEnumeration() {
        StageSpace free = space("");
        assertEquals(BigInteger.valueOf(enumerate(free).size()), free.size());
        Map<String, Predicate<int[][]>> cases = Map.of(
                "{\"relations\": [{\"param\": \"width\", \"relation\": \"non_decreasing\"}]}", m -> relation(m, 1, false),
                "{\"relations\": [{\"param\": \"depth\", \"relation\": \"non_decreasing\"}]}", m -> relation(m, 0, false),
                "{\"relations\": [{\"param\": \"bottleneck_ratio\", \"relation\": \"shared\"}]}", m -> relation(m, 2, true),
                "{\"relations\": [{\"param\": \"groups\", \"relation\": \"shared\"},"
                        + " {\"param\": \"groups\", \"relation\": \"non_decreasing\"}]}", m -> relation(m, 3, true),
                "{\"values\": [{\"param\": \"width\", \"in\": [16, 64, 128]}]}",
                        m -> m[0][1] != 32 && m[1][1] != 48 && m[2][1] != 32,
                ALL, ALL_RULE);
        for (var c : cases.entrySet()) {
            long expected = enumerate(free).stream().filter(c.getValue()).count();
            assertEquals(BigInteger.valueOf(expected), space(c.getKey()).size(), c.getKey());
        }
    }

    @Test
    void samplingIsUniformOverTheConstrainedSpace() {
        StageSpace s = space(ALL);
        List<String> models = enumerate(space("")).stream().filter(ALL_RULE).map(ConstraintsTest::key).toList();
        assertEquals(BigInteger.valueOf(models.size()), s.size());
        int n = 200 * models.size();
        SplittableRandom rng = new SplittableRandom(3);
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(key(s.sample(rng)), 1L, Long::sum);
        }
        assertTrue(models.containsAll(counts.keySet()), "a sample outside the constrained space");
        long[] observed = models.stream().mapToLong(k -> counts.getOrDefault(k, 0L)).toArray();
        double[] expected = new double[models.size()];
        java.util.Arrays.fill(expected, (double) n / models.size());
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p > 1e-6, "chi-square p = " + p + " over " + models.size() + " models");
    }

    @Test
    void nonDecreasingWidthsAloneAreUniformOverSequences() {
        StageSpace s = space("{\"relations\": [{\"param\": \"width\", \"relation\": \"non_decreasing\"}]}");
        List<String> seqs = enumerate(space("")).stream().filter(m -> relation(m, 1, false))
                .map(m -> m[0][1] + "," + m[1][1] + "," + m[2][1]).distinct().toList();
        SplittableRandom rng = new SplittableRandom(5);
        int n = 1000 * seqs.size();
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            StageSpec m = s.sample(rng);
            counts.merge(m.stages().get(1).width() + "," + m.stages().get(2).width() + "," + m.stages().get(3).width(),
                    1L, Long::sum);
        }
        assertEquals(seqs.size(), counts.size());
        long[] observed = seqs.stream().mapToLong(k -> counts.getOrDefault(k, 0L)).toArray();
        double[] expected = new double[seqs.size()];
        java.util.Arrays.fill(expected, (double) n / seqs.size());
        assertTrue(new ChiSquareTest().chiSquareTest(expected, observed) > 1e-6);
    }

    @Test
    void theSectionRoundTripsAndOldFilesStillRead() {
        StageSpace s = space(ALL);
        StageSpace back = (StageSpace) SpaceFiles.parse(SpaceFiles.toText(s), "back.json");
        assertEquals("p", back.parent());
        assertEquals(s.size(), back.size());
        assertEquals(SpaceFiles.toText(s), SpaceFiles.toText(back));
        assertTrue(SpaceFiles.toText(s).contains("\"ndsw-space/2\""));
        DesignSpace old = BuiltinSpaces.find("ResNeXt-A").orElseThrow();
        assertTrue(SpaceFiles.toText(old).contains("\"ndsw-space/1\""));
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        StageSpace same = (StageSpace) SpaceFiles.parse(SpaceFiles.toText(old).replace("ndsw-space/1", "ndsw-space/2")
                .replace("\"stages\"", "\"parent\": \"x\", \"stages\""), "same.json");
        assertEquals(SpecJson.canonical(old.sample(a)), SpecJson.canonical(same.sample(b)));
    }

    @Test
    void badSectionsNameTheFieldAndValue() {
        String wrongParam = "{\"relations\": [{\"param\": \"colour\", \"relation\": \"shared\"}]}";
        NdswException e = assertThrows(NdswException.class, () -> space(wrongParam));
        assertTrue(e.getMessage().startsWith("t.json: constraints.relations[0].param must be one of"), e.getMessage());
        e = assertThrows(NdswException.class, () -> space("{\"values\": [{\"param\": \"width\", \"stages\": [4], \"max\": 8}]}"));
        assertTrue(e.getMessage().contains("constraints.values[0].stages[0] must name a stage in [1, 3], got 4"),
                e.getMessage());
        e = assertThrows(NdswException.class, () -> space("{\"values\": [{\"param\": \"width\", \"max\": 8}]}"));
        assertTrue(e.getMessage().contains("constraints leave stage 1 no width value"), e.getMessage());
        e = assertThrows(NdswException.class, () -> SpaceFiles.parse(SpaceFiles.toText(space(ALL))
                .replace("ndsw-space/2", "ndsw-space/1"), "old.json"));
        assertTrue(e.getMessage().contains("old.json: parent, constraints and pycls need format \"ndsw-space/2\""),
                e.getMessage());
    }

    @Test
    void anEmptySharedIntersectionIsSizeZeroAndRefusedWhenSampled() {
        StageSpace s = space("{\"values\": [{\"param\": \"bottleneck_ratio\", \"stages\": [1], \"in\": [1]}],"
                + " \"relations\": [{\"param\": \"bottleneck_ratio\", \"relation\": \"shared\"}]}");
        assertEquals(BigInteger.ZERO, s.size());
        NdswException e = assertThrows(NdswException.class, () -> s.sample(new SplittableRandom(1)));
        assertEquals("space t is empty: its constraints leave no bottleneck_ratio sequence across the stages",
                e.getMessage());
    }
}
