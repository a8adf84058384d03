package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.RunTicket;
import org.ndsw.catalog.SweepRun;
import org.ndsw.train.DataSummary;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Recipe;
import org.ndsw.train.ResultJson;
import org.ndsw.train.TrainingJob;
import org.ndsw.train.data.Cifar10;

/** Sampled lr and wd: log-uniform, seeded per model, recorded with the runs and used by the trainer. */
class SampledOptimTest {
    private static final SampledOptim BOTH = new SampledOptim(new SampledOptim.LogRange(0.01, 1),
            new SampledOptim.LogRange(1e-5, 1e-3));
    @TempDir Path dir;

    @Test
    void drawsAreLogUniformInTheirRanges() {
        int n = 20_000;
        int bins = 20;
        long[] lr = new long[bins];
        long[] wd = new long[bins];
        for (int i = 0; i < n; i++) {
            Recipe r = BOTH.recipe(Recipe.NDS_CIFAR, 42, i);
            assertTrue(r.baseLr() >= 0.01 && r.baseLr() <= 1 && r.weightDecay() >= 1e-5 && r.weightDecay() <= 1e-3);
            lr[bin(r.baseLr(), 0.01, 1, bins)]++;
            wd[bin(r.weightDecay(), 1e-5, 1e-3, bins)]++;
        }
        double[] expected = new double[bins];
        java.util.Arrays.fill(expected, (double) n / bins);
        double plr = new ChiSquareTest().chiSquareTest(expected, lr);
        double pwd = new ChiSquareTest().chiSquareTest(expected, wd);
        assertTrue(plr > 1e-4 && pwd > 1e-4, "chi-square p = " + plr + " (lr), " + pwd + " (wd)");
    }

    @Test
    void drawsDependOnlyOnSeedAndModelAndLrIgnoresWhetherWdIsSampled() {
        SampledOptim lrOnly = new SampledOptim(BOTH.lr(), null);
        for (int i = 0; i < 50; i++) {
            assertEquals(BOTH.recipe(Recipe.NDS_CIFAR, 7, i), BOTH.recipe(Recipe.NDS_CIFAR, 7, i));
            assertEquals(BOTH.recipe(Recipe.NDS_CIFAR, 7, i).baseLr(), lrOnly.recipe(Recipe.NDS_CIFAR, 7, i).baseLr());
            assertEquals(Recipe.NDS_CIFAR.weightDecay(), lrOnly.recipe(Recipe.NDS_CIFAR, 7, i).weightDecay());
        }
        assertNotEquals(BOTH.recipe(Recipe.NDS_CIFAR, 7, 0), BOTH.recipe(Recipe.NDS_CIFAR, 8, 0));
        assertSame(Recipe.NDS_CIFAR, SampledOptim.NONE.recipe(Recipe.NDS_CIFAR, 7, 3));
    }

    @Test
    void rangesAreParsedAndBadOnesNamed() {
        assertEquals(new SampledOptim.LogRange(0.01, 1), SampledOptim.LogRange.parse("0.01:1", "--lr-range"));
        NdswException e = assertThrows(NdswException.class, () -> SampledOptim.LogRange.parse("1:0.1", "--lr-range"));
        assertEquals("--lr-range: a log-uniform range needs 0 < lo <= hi, both finite, got [1.0, 0.1]", e.getMessage());
        e = assertThrows(NdswException.class, () -> SampledOptim.LogRange.parse("0:1", "--wd-range"));
        assertTrue(e.getMessage().startsWith("--wd-range: a log-uniform range needs 0 < lo"), e.getMessage());
        e = assertThrows(NdswException.class, () -> SampledOptim.LogRange.parse("big", "--lr-range"));
        assertEquals("--lr-range: expected LO:HI such as 0.01:1, got \"big\"", e.getMessage());
    }

    @Test
    void aSampledDefinitionSurvivesTheFileAndOldOnesReadAsNone() {
        SweepDefinition d = DefinitionJsonTest.DEF.withSampled(BOTH);
        assertEquals(d, DefinitionJson.parse(DefinitionJson.text(d), "s.json"));
        assertTrue(DefinitionJson.text(d).contains("\"sampled\""), DefinitionJson.text(d));
        assertTrue(!DefinitionJson.text(DefinitionJsonTest.DEF).contains("sampled"));
        assertEquals(SampledOptim.NONE, DefinitionJson.parse(DefinitionJson.text(DefinitionJsonTest.DEF), "s").sampled());
        String bad = DefinitionJson.text(d).replaceFirst("\"lr\" : \\[ [^]]+]", "\"lr\" : [ 2, 1 ]");
        NdswException e = assertThrows(NdswException.class, () -> DefinitionJson.parse(bad, "s.json"));
        assertEquals("s.json: field \"sampled.lr\": a log-uniform range needs 0 < lo <= hi, both finite, got [2.0, 1.0]",
                e.getMessage());
    }

    @Test
    void aTinySweepQueuesAndTrainsEachRunWithItsModelsLrAndWd() {
        Path data = SweepFixtures.data(dir, 20, 10);
        SweepDefinition def = new SweepDefinition("lrwd", SweepFixtures.tinySpace(dir).toString(), 4, 5,
                org.ndsw.complexity.Window.NONE, org.ndsw.complexity.Convention.NDS,
                Recipe.NDS_CIFAR.withEpochs(1).withBatchSizes(10, 25), data.toString(), 0, 0, 0, "djl",
                org.ndsw.train.Device.CPU, 2, null, BOTH);
        SweepService s = new SweepService(dir.resolve("c.db"));
        s.create(def, null);
        assertEquals(def, s.definition("lrwd"));
        List<SweepRun> runs = s.status("lrwd").runs();
        assertEquals(8, runs.size());
        Cifar10 cifar = Cifar10.load(data, 0, 0, 0);
        DataSummary summary = new DataSummary(cifar.name(), cifar.format(), data.toString(), cifar.train().size(),
                cifar.test().size(), 0, 0);
        try (Catalog c = Catalog.open(dir.resolve("c.db"))) {
            for (SweepRun r : runs) {
                Recipe expected = BOTH.recipe(def.recipe(), 5, r.seq() / 2);
                assertEquals(expected.baseLr(), r.baseLr());
                assertEquals(expected.weightDecay(), r.wd());
                RunTicket t = c.runQueue().ticket(r.id());
                TrainingJob job = RunTrainer.job(t, DefinitionJson.parse(t.definition(), "t"), cifar, summary,
                        new EngineOptions(org.ndsw.train.Device.CPU, 1), dir.resolve("run"), false);
                assertEquals(expected, job.recipe());
                // what a finished run records as its optim, where the analysis reads optim.base_lr and optim.wd
                assertEquals(expected.baseLr(), ResultJson.optim(job.recipe()).get("base_lr").doubleValue());
                assertEquals(expected.weightDecay(), ResultJson.optim(job.recipe()).get("wd").doubleValue());
            }
        }
        assertEquals(runs.get(0).baseLr(), runs.get(1).baseLr()); // two seeds of one model
        assertNotEquals(runs.get(0).baseLr(), runs.get(2).baseLr());
    }

    private static int bin(double v, double lo, double hi, int bins) {
        return Math.min(bins - 1, (int) ((Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) * bins));
    }
}
