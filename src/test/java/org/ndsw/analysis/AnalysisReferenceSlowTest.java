package org.ndsw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the analysis with bench/analysis_reference.py, written independently: the exact bootstrap with Python's
 * integers and fractions (rank probabilities to 1e-12, quantiles equal), and the Monte-Carlo bootstrap of Java and
 * of numpy (pycls's procedure) within sampling error of the exact law, with equal errors shared out as pycls's
 * first-drawn rule does (the exact method gives them to the earlier model in the source). Runs /usr/bin/python3 with numpy (override
 * with -Dndsw.python=PATH): `mvn -o -Pslow surefire:test -Dtest=AnalysisReferenceSlowTest`.
 */
@Tag("slow")
class AnalysisReferenceSlowTest {
    private static final String PYTHON = System.getProperty("ndsw.python", "/usr/bin/python3");
    private static final Path SCRIPT = Path.of("bench/analysis_reference.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void exactBootstrapMatchesFractionArithmetic() throws Exception {
        assumePython();
        SplittableRandom random = new SplittableRandom(18);
        int[][] shapes = {{1, 4}, {2, 2}, {4, 3}, {7, 5}, {40, 9}, {101, 20}, {300, 12}, {1000, 40}};
        String[][] options = {{"0.25", "0.05"}, {"0.5", "0.1"}, {"1", "0.05"}, {"0.01", "0.2"}};
        for (int[] shape : shapes) {
            for (String[] o : options) {
                Case c = Case.random(random, shape[0], shape[1]);
                AnalysisOptions opt = new AnalysisOptions(Double.parseDouble(o[0]), Double.parseDouble(o[1]), 0, 0);
                JsonNode ref = run(c, o, "exact");
                int m = BestOfSample.sampleSize(c.errors.length, opt.fraction());
                assertEquals(ref.get("m").asInt(), m);
                double[] p = BestOfSample.rankProbabilities(c.errors.length, m);
                JsonNode refP = ref.get("rank_probabilities");
                for (int r = 0; r < p.length; r++) {
                    assertEquals(refP.get(r).asDouble(), p[r], 1e-12, "rank " + (r + 1));
                }
                SetAnalysis a = Analyzer.analyze("case", c.errors, ParameterTable.ofColumns(c.values), opt);
                for (ParameterRange range : a.parameters()) {
                    assertArrayEquals(doubles(ref.get("good").get(range.name())), range.good(),
                            "n = " + c.errors.length + ", options " + String.join("/", o) + ", " + range.name());
                }
            }
        }
    }

    @Test
    void monteCarloOfJavaAndNumpyAgreeWithinSamplingError() throws Exception {
        assumePython();
        int b = 20_000;
        Case c = Case.random(new SplittableRandom(5), 2_000, 60);
        String[] o = {"0.25", "0.05"};
        JsonNode numpy = run(c, o, "montecarlo", "--bootstrap", "" + b, "--seed", "1");
        AnalysisOptions mc = new AnalysisOptions(0.25, 0.05, b, 1);
        SetAnalysis java = Analyzer.analyze("case", c.errors, ParameterTable.ofColumns(c.values), mc);
        double[] law = firstDrawnLaw(c.errors, BestOfSample.sampleSize(c.errors.length, 0.25));
        double[] levels = mc.levels();
        for (ParameterRange range : java.parameters()) {
            double[] values = c.values.get(range.name());
            double[] ours = range.good();
            double[] theirs = doubles(numpy.get("good").get(range.name()));
            for (int l = 0; l < levels.length; l++) {
                // A percentile of B draws lies, with overwhelming probability, between the exact quantiles at
                // q -/+ 5 standard errors of an empirical CDF at q.
                double eps = 5 * Math.sqrt(levels[l] * (1 - levels[l]) / b);
                double lo = lowerQuantile(values, law, levels[l] - eps);
                double hi = lowerQuantile(values, law, levels[l] + eps);
                String what = range.name() + " at " + levels[l] + ": exact range [" + lo + ", " + hi + "]";
                assertTrue(lo <= ours[l] && ours[l] <= hi, what + ", java " + ours[l]);
                assertTrue(lo <= theirs[l] && theirs[l] <= hi, what + ", numpy " + theirs[l]);
            }
        }
    }

    /**
     * The law of the winner when equal errors go to the first drawn (pycls, and the Monte-Carlo version): the mass
     * of a level of error is that of its best rank group, split evenly over its models, since the first drawn of a
     * group is uniform over it.
     */
    private static double[] firstDrawnLaw(double[] errors, int m) {
        double[] byPosition = new ExactBootstrap(errors, m).modelProbabilities(errors.length);
        java.util.Map<Double, double[]> groups = new java.util.HashMap<>();
        for (int i = 0; i < errors.length; i++) {
            double[] g = groups.computeIfAbsent(errors[i], e -> new double[2]);
            g[0] += byPosition[i];
            g[1]++;
        }
        double[] law = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            double[] g = groups.get(errors[i]);
            law[i] = g[0] / g[1];
        }
        return law;
    }

    /** The smallest value v with P(V <= v) >= q under a law given per model (the largest value for q >= 1). */
    private static double lowerQuantile(double[] values, double[] law, double q) {
        java.util.TreeMap<Double, Double> mass = new java.util.TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            mass.merge(values[i], law[i], Double::sum);
        }
        double cumulative = 0;
        for (var e : mass.entrySet()) {
            cumulative += e.getValue();
            if (cumulative >= q) {
                return e.getKey();
            }
        }
        return mass.lastKey();
    }

    private JsonNode run(Case c, String[] options, String mode, String... extra) throws Exception {
        ObjectNode in = JSON.createObjectNode();
        in.set("errors", JSON.valueToTree(c.errors));
        ObjectNode values = in.putObject("values");
        c.values.forEach((k, v) -> values.set(k, JSON.valueToTree(v)));
        in.put("fraction", options[0]);
        in.put("alpha", options[1]);
        Path input = dir.resolve("set.json");
        Files.writeString(input, in.toString());
        String[] command = new String[5 + extra.length];
        System.arraycopy(new String[] {PYTHON, SCRIPT.toString(), mode, "--input", input.toString()}, 0, command, 0,
                5);
        System.arraycopy(extra, 0, command, 5, extra.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, out);
        return JSON.readTree(out);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static void assumePython() throws IOException, InterruptedException {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import numpy").redirectErrorStream(true).start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "skipped: " + PYTHON + " cannot import numpy (Debian: apt-get install"
                + " python3-numpy; or -Dndsw.python=PATH)");
    }

    /** Errors with ties (integers below {@code levels}) and three parameters: discrete, tied and continuous. */
    private record Case(double[] errors, LinkedHashMap<String, double[]> values) {
        static Case random(SplittableRandom random, int n, int levels) {
            double[] errors = new double[n];
            double[] depth = new double[n];
            double[] flag = new double[n];
            double[] params = new double[n];
            for (int i = 0; i < n; i++) {
                errors[i] = random.nextInt(levels);
                depth[i] = 1 << random.nextInt(5);
                flag[i] = random.nextInt(2);
                params[i] = Math.round(random.nextDouble() * 1e6) / 1e6;
            }
            LinkedHashMap<String, double[]> values = new LinkedHashMap<>();
            values.put("depth", depth);
            values.put("flag", flag);
            values.put("params", params);
            return new Case(errors, values);
        }
    }
}
