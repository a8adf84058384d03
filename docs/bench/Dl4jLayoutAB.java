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
 * Times DL4J training steps of one network in NCHW and in the layout the engine chooses (channels-last where it can,
 * decision 0007), both models in one process, alternating two steps of each, so that load on a shared machine hits
 * both alike; prints the median step time of each and their ratio. Random images, batch 128, the recipe's SGD.
 * docs/bench/dl4j-layout.sh runs it:
 *
 * <pre>java -cp "target/ndsw.jar:target/lib/*" docs/bench/Dl4jLayoutAB.java NET_JSON PAIRS THREADS</pre>
 */
public final class Dl4jLayoutAB {
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: Dl4jLayoutAB NET_JSON PAIRS THREADS");
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
        System.setProperty("ndsw.dl4j.layout", "nchw");
        EngineModel a = TrainingEngines.find("dl4j").build(graph, new EngineOptions(Device.CPU, threads));
        System.setProperty("ndsw.dl4j.layout", "auto");
        EngineModel b = TrainingEngines.find("dl4j").build(graph, new EngineOptions(Device.CPU, threads));
        System.out.println(a.deviceDescription() + " / " + b.deviceDescription());
        a.loadWeights(WeightInit.initial(graph, 1));
        b.loadWeights(WeightInit.initial(graph, 1));
        for (int i = 0; i < 3; i++) { a.trainStep(batch, sgd); b.trainStep(batch, sgd); }
        double ta = 0, tb = 0;
        java.util.List<Double> ra = new java.util.ArrayList<>(), rb = new java.util.ArrayList<>();
        for (int r = 0; r < steps; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 2; i++) a.trainStep(batch, sgd);
            long t1 = System.nanoTime();
            for (int i = 0; i < 2; i++) b.trainStep(batch, sgd);
            long t2 = System.nanoTime();
            ra.add((t1 - t0) / 2e6); rb.add((t2 - t1) / 2e6);
        }
        java.util.Collections.sort(ra); java.util.Collections.sort(rb);
        System.out.printf("median ms/step nchw %.1f  nhwc %.1f  ratio %.3f  (%d pairs of 2 steps)%n", ra.get(ra.size()/2), rb.get(rb.size()/2), rb.get(rb.size()/2) / ra.get(ra.size()/2), steps);
    }
}
