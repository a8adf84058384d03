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
 * Profiles SGD steps of the DJL engine with PyTorch's own profiler and writes a Chrome trace, for comparison with
 * profile_torch_step.py (docs/bench/profile.sh runs both). Launched as a source file on ndsw's class path:
 *
 * <pre>java -cp "target/ndsw.jar:target/lib/*" docs/bench/ProfileDjlStep.java NET_JSON STEPS THREADS OUT.json</pre>
 *
 * Random images, batch 128, the recipe's SGD (lr 0.1, momentum 0.9 Nesterov, weight decay 5e-4); three warm-up steps.
 */
public final class ProfileDjlStep {
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ProfileDjlStep NET_JSON STEPS THREADS OUT.json");
            System.exit(2);
        }
        int steps = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Graph graph = Networks.cifar(SpecJson.parseNet(args[0]));
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
        try (EngineModel model = TrainingEngines.find("djl").build(graph, new EngineOptions(Device.CPU, threads))) {
            model.loadWeights(WeightInit.initial(graph, 1));
            for (int i = 0; i < 3; i++) {
                model.trainStep(batch, sgd);
            }
            JniUtils.startProfile(false, true, false);
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                model.trainStep(batch, sgd);
            }
            double ms = (System.nanoTime() - start) / 1e6 / steps;
            JniUtils.stopProfile(args[3]);
            System.out.printf("djl: %.1f ms per step (profiled), trace %s%n", ms, args[3]);
        }
    }
}
