package org.ndsw.train.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.net.Graph;
import org.ndsw.net.Layer;
import org.ndsw.net.Networks;
import org.ndsw.space.SpecJson;
import org.ndsw.train.Batch;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Sgd;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.Weights;
import org.ndsw.train.reference.ReferenceEngine;

/**
 * The self-test passes the real engines on this machine, and falls back or refuses when a kernel result is wrong:
 * wrong results are injected into a real engine's model, as a broken native kernel would produce them.
 */
class SelfTestTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);
    /** The width-8 ResNet whose strided 1x1 projection crashed oneDNN's channels-last path (decision 0011). */
    private static final Graph CRASH_CASE = Networks.cifar(SpecJson.parseNet(
            "{\"block_type\":\"res_basic_block\",\"ds\":[1,2,2,1],\"ss\":[1,1,2,2],\"ws\":[8,16,8,8]}"));
    /** A short battery: a 5x5 conv (the one the injected fault breaks), a strided 1x1, a depthwise conv, BN. */
    private static final List<OpCase> SHORT = List.of(
            OpCase.conv(new Layer.Conv(12, 16, 5, 5, 1, 1, 2, 2, 1, 1), 12, 12),
            OpCase.conv(new Layer.Conv(8, 16, 1, 1, 2, 2, 0, 0, 1, 1), 12, 12),
            OpCase.conv(new Layer.Conv(20, 20, 3, 3, 2, 2, 1, 1, 1, 20), 12, 12),
            OpCase.batchNorm(12, 12, 12));
    private static final Predicate<Graph> HAS_5X5 = g -> g.nodes().stream()
            .anyMatch(n -> n.layer() instanceof Layer.Conv c && c.kernelH() == 5);

    @TempDir Path cache;

    private SelfTest selfTest() {
        return new SelfTest(new ReferenceEngine(), cache, "test machine", SHORT);
    }

    @Test
    void bothEnginesPassOnThisMachine() {
        for (String name : List.of("djl", "dl4j")) {
            SelfTest.Outcome o = new SelfTest(new ReferenceEngine(), cache, SelfTest.machineIdentity())
                    .verify(TrainingEngines.find(name), CRASH_CASE, CPU);
            SelfTest.Attempt last = o.attempts().get(o.attempts().size() - 1);
            assertTrue(last.passed(), o.summary());
            assertEquals(OpCase.battery().size() + OpCase.of(CRASH_CASE).size(), last.cases(), "battery and graph");
        }
    }

    @Test
    void theLayersOfAnEnhancedDartsNetworkPassInBothEngines() {
        Graph enhanced = Networks.cifar(((org.ndsw.space.CellSpec) SpecJson.parseNet(
                org.ndsw.train.EnhancedStepTest.NET)).withTraining(true, 0.2));
        List<String> keys = OpCase.of(enhanced).stream().map(OpCase::key).toList();
        assertTrue(keys.contains("avg pool 5x5 s3 p0 128 @8x8"), "the auxiliary head's pooling: " + keys);
        assertTrue(keys.contains("conv 2x2 s1 p0 d1 g1 128->768 @2x2"), "the auxiliary head's 2x2 conv: " + keys);
        for (String name : List.of("djl", "dl4j")) {
            SelfTest.Outcome o = new SelfTest(new ReferenceEngine(), cache, "test machine", List.of())
                    .verify(TrainingEngines.find(name), enhanced, CPU);
            assertTrue(o.attempts().get(0).passed(), o.summary());
        }
    }

    @Test
    void aWrongForwardResultFallsBackToTheNextConfiguration() {
        List<TrainingEngine> real = TrainingEngines.find("djl").configurations(CPU);
        TrainingEngine engine = new Configurable("djl",
                List.of(new Faulty(real.get(0), HAS_5X5, true, false), real.get(1)));
        SelfTest.Outcome o = selfTest().verify(engine, CRASH_CASE, CPU);
        assertTrue(o.fellBack());
        assertEquals("nchw", o.chosen().configuration());
        assertEquals(1, o.attempts().get(0).failures().size());
        assertTrue(o.attempts().get(0).failures().get(0).key().startsWith("conv 5x5"), o.summary());
        assertTrue(o.summary().contains("channels-last (injected fault) failed 1 of"), o.summary());
    }

    @Test
    void aWrongGradientFallsBackToo() {
        List<TrainingEngine> real = TrainingEngines.find("djl").configurations(CPU);
        TrainingEngine engine = new Configurable("djl",
                List.of(new Faulty(real.get(0), HAS_5X5, false, true), real.get(1)));
        SelfTest.Outcome o = selfTest().verify(engine, CRASH_CASE, CPU);
        assertEquals("nchw", o.chosen().configuration());
        assertTrue(o.attempts().get(0).failures().get(0).detail().contains("op weight"), o.summary());
    }

    @Test
    void noPassingConfigurationIsRefusedWithTheFailedCases() {
        List<TrainingEngine> real = TrainingEngines.find("djl").configurations(CPU);
        TrainingEngine engine = new Configurable("djl", List.of(new Faulty(real.get(0), HAS_5X5, true, false),
                new Faulty(real.get(1), HAS_5X5, false, true)));
        NdswException e = assertThrows(NdswException.class, () -> selfTest().verify(engine, CRASH_CASE, CPU));
        assertTrue(e.getMessage().startsWith("the djl engine computes wrong numbers on this machine"), e.getMessage());
        assertTrue(e.getMessage().contains("conv 5x5 s1 p2 d1 g1 12->16 @12x12"), e.getMessage());
        assertTrue(e.getMessage().contains("ONEDNN_MAX_CPU_ISA=AVX2"), e.getMessage());
    }

    @Test
    void theRefusalNamesTheIsaCapTheEnginesOneDnnReads() {
        assertEquals("ONEDNN_MAX_CPU_ISA=AVX2", SelfTest.isaCap("djl"));
        assertEquals("DNNL_MAX_CPU_ISA=AVX2", SelfTest.isaCap("dl4j"));
    }

    @Test
    void resultsAreCachedPerConfiguration() throws Exception {
        TrainingEngine djl = TrainingEngines.find("djl");
        SelfTest.Outcome first = selfTest().verify(djl, CRASH_CASE, CPU);
        SelfTest.Attempt a = first.attempts().get(0);
        assertEquals(0, a.cached());
        SelfTest.Attempt b = selfTest().verify(djl, CRASH_CASE, CPU).attempts().get(0);
        assertEquals(b.cases(), b.cached());
        try (var files = Files.list(cache)) {
            Path file = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            Files.writeString(file, "{not json");
        }
        SelfTest.Attempt c = selfTest().verify(djl, CRASH_CASE, CPU).attempts().get(0);
        assertEquals(0, c.cached(), "an unreadable cache file is rerun");
        assertTrue(c.passed());
    }

    @Test
    void aCaseThatThrowsFails() {
        TrainingEngine throwing = new Configurable("djl", List.of(new Faulty(null, g -> true, false, false)));
        NdswException e = assertThrows(NdswException.class, () -> selfTest().verify(throwing, CRASH_CASE, CPU));
        assertTrue(e.getMessage().contains("error: no native library"), e.getMessage());
        try (var files = Files.list(cache)) {
            assertEquals(0, files.count(), "a case that threw may pass next time, so it is not cached");
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    /** An engine with a fixed list of configurations. */
    private record Configurable(String name, List<TrainingEngine> configurations) implements TrainingEngine {
        @Override
        public Map<String, String> versions() {
            return Map.of("test", "1");
        }

        @Override
        public EngineModel build(Graph graph, EngineOptions options) {
            return configurations.get(0).build(graph, options);
        }

        @Override
        public List<TrainingEngine> configurations(EngineOptions options) {
            return configurations;
        }
    }

    /** A real engine configuration whose models return a wrong output or gradient on the graphs `broken` picks. */
    private record Faulty(TrainingEngine real, Predicate<Graph> broken, boolean forward, boolean gradient)
            implements TrainingEngine {
        @Override
        public String name() {
            return "djl";
        }

        @Override
        public Map<String, String> versions() {
            return Map.of("test", "1");
        }

        @Override
        public String configuration() {
            return (real == null ? "throwing" : real.configuration()) + " (injected fault)";
        }

        @Override
        public EngineModel build(Graph graph, EngineOptions options) {
            if (real == null) {
                throw new IllegalStateException("no native library");
            }
            EngineModel m = real.build(graph, options);
            return broken.test(graph) ? new WrongModel(m, forward, gradient) : m;
        }
    }

    /** Delegates to a real model and changes one output value or one weight after each step. */
    private record WrongModel(EngineModel m, boolean forward, boolean gradient) implements EngineModel {
        @Override
        public long trainableParameters() {
            return m.trainableParameters();
        }

        @Override
        public String deviceDescription() {
            return m.deviceDescription();
        }

        @Override
        public StepResult trainStep(Batch batch, Sgd sgd) {
            StepResult r = m.trainStep(batch, sgd);
            if (gradient) {
                Weights w = m.weights();
                Map<String, Tensor> t = new java.util.LinkedHashMap<>(w.tensors());
                float[] v = t.get("op.weight").data().clone();
                v[0] += 100f;
                t.put("op.weight", new Tensor(t.get("op.weight").shape(), v));
                m.loadWeights(new Weights(t));
            }
            return r;
        }

        @Override
        public StepResult evaluate(Batch batch) {
            return m.evaluate(batch);
        }

        @Override
        public Tensor predict(Batch batch) {
            Tensor t = m.predict(batch);
            if (!forward) {
                return t;
            }
            float[] v = t.data().clone();
            v[0] += 0.01f * Math.abs(v[0]) + 0.01f;
            return new Tensor(t.shape(), v);
        }

        @Override
        public Weights weights() {
            return m.weights();
        }

        @Override
        public void loadWeights(Weights weights) {
            m.loadWeights(weights);
        }

        @Override
        public Weights optimizerState() {
            return m.optimizerState();
        }

        @Override
        public void loadOptimizerState(Weights state) {
            m.loadOptimizerState(state);
        }

        @Override
        public void close() {
            m.close();
        }
    }
}
