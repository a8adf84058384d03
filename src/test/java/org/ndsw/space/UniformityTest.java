package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * Sampled frequencies of every hyperparameter of every space are uniform over its choices (chi-square test).
 *
 * <p>Seeded, so the test is deterministic. About 500 hyperparameters are tested, so the threshold is p > 1e-6 per
 * hyperparameter (Bonferroni: under 0.1% chance that a fair sampler fails for some seed); a real bias such as an
 * off-by-one that never draws the last choice gives p ~ 0 at this sample size.
 */
class UniformityTest {
    private static final int N = 12_000;
    private static final double P_MIN = 1e-6;

    @Test
    void checkDetectsASamplerThatNeverDrawsTheLastChoice() {
        List<Integer> biased = java.util.stream.IntStream.range(0, N).map(i -> i % 4).boxed().toList();
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> check("biased", biased, v -> v, new int[] {0, 1, 2, 3, 4}));
        assertTrue(e.getMessage().contains("chi-square p = 0.0"), e.getMessage());
    }

    @Test
    void stageWiseHyperparametersAreUniform() {
        for (DesignSpace space : BuiltinSpaces.all()) {
            if (!(space instanceof StageSpace s)) {
                continue;
            }
            List<StageSpec> specs = samples(s, 1).stream().map(m -> (StageSpec) m).toList();
            for (int i = 0; i < s.stages().size(); i++) {
                int stage = i + 1;
                StageSpace.StageChoices c = s.stages().get(i);
                check(s.name() + " depth " + stage, specs, m -> m.stages().get(stage).depth(), c.depths());
                check(s.name() + " width " + stage, specs, m -> m.stages().get(stage).width(), c.widths());
                check(s.name() + " ratio " + stage, specs,
                        m -> (int) Math.round(1 / m.stages().get(stage).botMul()), c.ratios());
                check(s.name() + " groups " + stage, specs, m -> m.stages().get(stage).groups(), c.groups());
            }
        }
    }

    @Test
    void cellHyperparametersAreUniform() {
        for (DesignSpace space : BuiltinSpaces.all()) {
            if (!(space instanceof CellSpace s)) {
                continue;
            }
            List<CellSpec> specs = samples(s, 2).stream().map(m -> (CellSpec) m).toList();
            int[] opIndex = new int[s.ops().size()];
            for (int i = 0; i < opIndex.length; i++) {
                opIndex[i] = i;
            }
            for (int e = 0; e < 2 * s.nodes(); e++) {
                int edge = e;
                int[] inputs = new int[e / 2 + 2];
                for (int i = 0; i < inputs.length; i++) {
                    inputs[i] = i;
                }
                check(s.name() + " normal op " + e, specs, m -> s.ops().indexOf(m.genotype().normal().get(edge).op()), opIndex);
                check(s.name() + " reduce op " + e, specs, m -> s.ops().indexOf(m.genotype().reduce().get(edge).op()), opIndex);
                check(s.name() + " normal input " + e, specs, m -> m.genotype().normal().get(edge).input(), inputs);
                check(s.name() + " reduce input " + e, specs, m -> m.genotype().reduce().get(edge).input(), inputs);
            }
            check(s.name() + " width", specs, CellSpec::width, s.widths());
            check(s.name() + " depth", specs, CellSpec::depth, s.depths());
        }
    }

    private static List<ModelSpec> samples(DesignSpace s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return java.util.stream.Stream.generate(() -> s.sample(rng)).limit(N).toList();
    }

    private static <T> void check(String what, List<T> specs, Function<T, Integer> value, int[] choices) {
        if (choices.length < 2) {
            return;
        }
        Map<Integer, Long> counts = new HashMap<>();
        for (T m : specs) {
            counts.merge(value.apply(m), 1L, Long::sum);
        }
        long[] observed = new long[choices.length];
        double[] expected = new double[choices.length];
        for (int i = 0; i < choices.length; i++) {
            observed[i] = counts.getOrDefault(choices[i], 0L);
            expected[i] = (double) specs.size() / choices.length;
        }
        long total = 0;
        for (long o : observed) {
            total += o;
        }
        assertTrue(total == specs.size(), what + ": values outside the choices " + counts.keySet());
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p > P_MIN, what + ": chi-square p = " + p + " for counts " + counts);
    }
}
