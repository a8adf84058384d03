import ai.djl.pytorch.jni.JniUtils;
import java.util.SplittableRandom;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.SpecJson;
import org.ndsw.train.Batch;
import org.ndsw.train.Device;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Sgd;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.WeightInit;

/**
 * Times SGD steps of one engine on one network, nothing else in the process: random images, batch 128, the recipe's
 * SGD (lr 0.1, momentum 0.9 Nesterov, weight decay 5e-4), three warm-up steps. docs/bench/steptime.sh runs it; for a
 * before/after comparison run it alternately against two builds (decision 0007). With a trace file (DJL engine only),
 * the timed steps run under PyTorch's profiler and its Chrome trace is written there, for comparison with
 * profile_torch_step.py (docs/bench/profile.sh runs both). Launched as a source file:
 *
 * <pre>java -cp "target/ndsw.jar:target/lib/*" docs/bench/StepTime.java ENGINE NET_JSON STEPS THREADS [TRACE.json]</pre>
 */
public final class StepTime {
    public static void main(String[] args) {
        if (args.length != 4 && !(args.length == 5 && args[0].equals("djl"))) {
            System.err.println("usage: StepTime ENGINE NET_JSON STEPS THREADS [TRACE.json (djl only)]");
            System.exit(2);
        }
        String trace = args.length == 5 ? args[4] : null;
        int steps = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        Graph graph = Networks.cifar(SpecJson.parseNet(args[1]));
        SplittableRandom rng = new SplittableRandom(1);
        float[] images = new float[128 * 3 * 32 * 32];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        int[] labels = new int[128];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(10);
        }
        Batch batch = new Batch(images, labels);
        Sgd sgd = new Sgd(0.1, 0.9, true, 5e-4);
        try (EngineModel model = TrainingEngines.find(args[0]).build(graph, new EngineOptions(Device.CPU, threads))) {
            model.loadWeights(WeightInit.initial(graph, 1));
            for (int i = 0; i < 3; i++) {
                model.trainStep(batch, sgd);
            }
            if (trace != null) {
                JniUtils.startProfile(false, true, false);
            }
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                model.trainStep(batch, sgd);
            }
            double ms = (System.nanoTime() - start) / 1e6 / steps;
            if (trace != null) {
                JniUtils.stopProfile(trace);
            }
            System.out.printf("%s: %.1f ms per step (%d steps, batch 128, %d threads)%s%n", args[0], ms, steps,
                    threads, trace == null ? "" : ", profiled, trace " + trace);
        }
    }
}
