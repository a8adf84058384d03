package org.ndsw.train;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.CellSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.train.data.BatchLoader;

/**
 * Both engines' SGD step of the enhanced DARTS setup (paper §5.4) against PyTorch: docs/bench/enhanced_step.py, a
 * DARTS-style network written independently in PyTorch, loads the same weights, images, labels and drop-path masks
 * and takes one torch.optim.SGD step on CE + 0.4·CE(aux). The losses must agree within 1e-5 (relative) and the updates
 * as {@link SameStep} requires of two engines; the double-precision reference engine is compared the same way, so a
 * difference can be told apart from float32 rounding. Runs Debian's PyTorch with /usr/bin/python3 (override with
 * -Dndsw.python=PATH); skipped with a message when torch is not installed there.
 */
@Tag("slow")
class PyTorchEnhancedStepTest {
    private static final String PYTHON = System.getProperty("ndsw.python", "/usr/bin/python3");
    private static final Path SCRIPT = Path.of("docs/bench/enhanced_step.py");
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Drop probability of the step: the enhanced setup's 0.2 in the middle of its 600 epochs is 0.1; 0.3 drops more. */
    private static final double DROP = 0.3;

    @TempDir Path dir;

    static Stream<Arguments> nets() {
        String dartsV2 = org.ndsw.net.EnhancedCellNetworkTest.DARTS_V2.replace("\"width\":36,\"depth\":20",
                "\"width\":16,\"depth\":8");
        return Stream.of(Arguments.of("every DARTS op, w8 d4", EnhancedStepTest.NET),
                Arguments.of("DARTS V2 cell, w16 d8", dartsV2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void bothEnginesTakePyTorchsStep(String label, String json) throws Exception {
        assumeTorch();
        CellSpec spec = ((CellSpec) SpecJson.parseNet(json)).withTraining(true, 0.2);
        Graph graph = Networks.cifar(spec);
        Batch batch;
        try (BatchLoader loader = BatchLoader.training(TinyCifar.images(16, 4), 16, new SplittableRandom(1),
                new SplittableRandom(2), new BatchLoader.Extras(16, graph.dropPathSlots(), DROP))) {
            batch = loader.next();
        }
        Sgd sgd = new Sgd(0.1, 0.9, true, 5e-4, 0.4);
        Weights w = WeightInit.initial(graph, 3);
        JsonNode torch = runPyTorch(spec, w, batch, sgd);
        Weights after = Npz.read(dir.resolve("after.npz"));
        double loss = torch.get("loss").asDouble();
        double auxLoss = torch.get("aux_loss").asDouble();
        assertEquals(graph.dropPathSlots(), torch.get("slots").asInt(), "drop-path slots");
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%s: PyTorch %s loss %.6f aux %.6f, %d"
                + " drop-path slots, %d of %d factors 0%n", label, torch.get("torch").asText(), loss, auxLoss,
                graph.dropPathSlots(), zeros(batch.masks()), batch.masks().length));
        for (String name : List.of("djl", "dl4j", "reference")) {
            TrainingEngine engine = name.equals("reference") ? new org.ndsw.train.reference.ReferenceEngine()
                    : TrainingEngines.find(name);
            try (EngineModel m = engine.build(graph, CPU)) {
                m.loadWeights(w);
                StepResult r = m.trainStep(batch, sgd);
                Weights mine = m.weights();
                double update = SameStep.relativeL2(w, after, mine);
                String worst = SameStep.worstConvolution(w, after, mine);
                double stats = 0;
                for (String t : mine.tensors().keySet()) {
                    if (t.endsWith(".running_mean") || t.endsWith(".running_var")) {
                        stats = Math.max(stats, org.ndsw.train.dl4j.CrossEngineCheck.maxRelDiff(after.get(t).data(),
                                mine.get(t).data()));
                    }
                }
                report.append(String.format(Locale.ROOT, "  %-9s loss %.6f (rel diff %.1e) aux %.6f (rel diff %.1e)"
                        + " correct %d/%d, update rel L2 %.2e, BN running stats max rel %.1e%n", name, r.meanLoss(),
                        Math.abs(r.meanLoss() - loss) / loss, r.meanAuxLoss(), Math.abs(r.meanAuxLoss() - auxLoss)
                        / auxLoss, r.correct(), torch.get("correct").asInt(), update, stats));
                assertEquals(loss, r.meanLoss(), 1e-5 * loss, name + " loss");
                assertEquals(auxLoss, r.meanAuxLoss(), 1e-5 * auxLoss, name + " auxiliary loss");
                assertEquals(torch.get("correct").asInt(), r.correct(), name + " correct");
                assertTrue(update < SameStep.TOLERANCE, name + ": updates differ by " + update);
                assertTrue(worst.isEmpty(), name + ": " + worst);
                assertTrue(stats < 1e-4, name + ": BN running statistics differ by " + stats);
            }
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "pytorch-enhanced-step-" + label.replaceAll("[^A-Za-z0-9]+", "-")
                + ".txt"), report.toString());
    }

    /** Writes the inputs, runs the script and returns its result.json. */
    private JsonNode runPyTorch(CellSpec spec, Weights w, Batch batch, Sgd sgd) throws Exception {
        Files.writeString(dir.resolve("net.json"), SpecJson.canonical(spec));
        ObjectNode step = JSON.createObjectNode();
        step.put("lr", sgd.lr());
        step.put("momentum", sgd.momentum());
        step.put("nesterov", sgd.nesterov());
        step.put("weight_decay", sgd.weightDecay());
        step.put("aux_weight", sgd.auxWeight());
        step.put("drop_prob", DROP);
        Files.writeString(dir.resolve("step.json"), step.toString());
        Npz.write(w, dir.resolve("weights.npz"));
        Map<String, Tensor> b = new LinkedHashMap<>();
        b.put("images", new Tensor(new int[] {batch.size(), 3, 32, 32}, batch.images()));
        float[] labels = new float[batch.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = batch.labels()[i];
        }
        b.put("labels", new Tensor(new int[] {batch.size()}, labels));
        b.put("masks", new Tensor(new int[] {batch.maskSlots(), batch.size()}, batch.masks()));
        Npz.write(new Weights(b), dir.resolve("batch.npz"));
        Process p = new ProcessBuilder(PYTHON, SCRIPT.toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the PyTorch step did not finish");
        assertEquals(0, p.exitValue(), out);
        return JSON.readTree(dir.resolve("result.json").toFile());
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

    private static int zeros(float[] v) {
        int n = 0;
        for (float x : v) {
            n += x == 0 ? 1 : 0;
        }
        return n;
    }
}
