package org.ndsw.train.dl4j;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.train.*;

class DebugStepTest {
    static Batch perturbed(Batch b) { float[] x = b.images().clone(); for (int i = 0; i < x.length; i++) x[i] *= 1.000001f; return new Batch(x, b.labels()); }
    @Test
    void debug() {
        var s = BuiltinSpaces.all().get(Integer.getInteger("space", 3));
        var spec = org.ndsw.space.Sampler.sample(s, 1, 7, false, m -> org.ndsw.complexity.Complexities.cifar(m,
                org.ndsw.complexity.Convention.NDS).flops() <= 25_000_000L, 100_000, "small").models().get(0);
        Graph graph = Networks.cifar(spec);
        if (Boolean.getBoolean("nodes")) { graph.nodes().forEach(n -> System.out.println(n.id() + " " + n.name() + " " + n.layer() + " " + n.inputs() + " " + n.shape())); }
        Weights w = Boolean.getBoolean("init") ? WeightInit.initial(graph, 3) : CrossEngineCheck.randomized(graph, 3);
        Batch batch = CrossEngineCheck.batch(graph, Integer.getInteger("batch", 4), 3);
        Sgd sgd = new Sgd(0.1, 0.9, true, Double.parseDouble(System.getProperty("wd", "5e-4")));
        var cpu = new EngineOptions(Device.CPU, 2);
        try (EngineModel djl = TrainingEngines.find("djl").build(graph, cpu);
                EngineModel dl4j = Boolean.getBoolean("self") ? TrainingEngines.find("djl").build(graph, cpu) : new Dl4jEngine().build(graph, cpu)) {
            djl.loadWeights(w);
            dl4j.loadWeights(w);
            System.out.println(s.name() + " loss " + djl.trainStep(batch, sgd).meanLoss() + " " + dl4j.trainStep(Boolean.getBoolean("self") ? perturbed(batch) : batch, sgd).meanLoss());
            for (Map.Entry<String, Tensor> e : djl.weights().tensors().entrySet()) {
                Tensor a = e.getValue(), b = dl4j.weights().get(e.getKey()), w0 = w.get(e.getKey());
                float[] da = new float[a.data().length], db = new float[a.data().length];
                for (int i = 0; i < da.length; i++) { da[i] = a.data()[i] - w0.data()[i]; db[i] = b.data()[i] - w0.data()[i]; }
                double ma = 0, mb = 0; for (int i = 0; i < da.length; i++) { ma = Math.max(ma, Math.abs(da[i])); mb = Math.max(mb, Math.abs(db[i])); } System.out.printf("%-40s step-rel-diff %.3g  max-step %.3g %.3g%n", e.getKey(), CrossEngineCheck.maxRelDiff(da, db), ma, mb);
            }
        }
    }
}
