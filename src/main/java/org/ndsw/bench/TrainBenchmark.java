package org.ndsw.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Recipe;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.WeightInit;
import org.ndsw.train.data.BatchLoader;
import org.ndsw.train.data.Cifar10;
import org.ndsw.train.data.CifarBinary;
import org.ndsw.train.data.ImageSet;
import org.ndsw.train.data.Subsets;

/**
 * Training throughput of an engine against the PyTorch reference, side by side on the same machine.
 *
 * <p>Both train the same network (checked by parameter count) on the same images with the same recipe and input
 * pipeline. Rounds alternate between the two (three with a peer engine, e.g. DL4J against DJL), the first of a round
 * rotating too, so machine noise hits all alike; each reports the median of its rounds. Our rounds run the real training loop: batches prepared on the
 * background thread, one SGD step each, timed from the first batch to the last.
 *
 * <p>Besides wall time, each side reports the CPU time of its whole process (all threads: compute, batch preparation,
 * garbage collection) over the round, as images per CPU second. On a machine shared with other jobs, wall time mostly
 * measures how much of the CPU each side got; CPU time measures how much work each image cost.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {}

    /** A labelled network to benchmark. */
    public record Net(String label, ModelSpec spec) {}

    /** ResNet-20, a ResNeXt (grouped 3x3 convs) and a DARTS-cell network, all near 40-50 MFLOPs. */
    public static final List<Net> DEFAULT_NETS = List.of(
            new Net("ResNet-20", SpecJson.parseNet(
                    "{\"block_type\":\"res_basic_block\",\"ds\":[1,3,3,3],\"ws\":[16,16,32,64],\"ss\":[1,1,2,2]}")),
            new Net("ResNeXt (g=4)", SpecJson.parseNet("{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,2,2,2],"
                    + "\"ws\":[16,64,128,256],\"ss\":[1,1,2,2],\"bot_muls\":[0.0,0.5,0.5,0.5],\"num_gs\":[1,4,4,4]}")),
            new Net("DARTS (w16 d8)", SpecJson.parseNet("{\"genotype\":{"
                    + "\"normal\":[[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",1],[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",1],"
                    + "[\"sep_conv_3x3\",1],[\"skip_connect\",0],[\"skip_connect\",0],[\"dil_conv_3x3\",2]],"
                    + "\"normal_concat\":[2,3,4,5],"
                    + "\"reduce\":[[\"max_pool_3x3\",0],[\"max_pool_3x3\",1],[\"skip_connect\",2],[\"max_pool_3x3\",1],"
                    + "[\"max_pool_3x3\",0],[\"skip_connect\",2],[\"skip_connect\",2],[\"max_pool_3x3\",1]],"
                    + "\"reduce_concat\":[2,3,4,5]},\"width\":16,\"depth\":8,\"aux\":false,\"drop_prob\":0.0}")));

    /**
     * How to benchmark.
     *
     * @param nets networks, in order
     * @param data a CIFAR-10 directory to take images from, or null for seeded random images
     * @param batch batch size
     * @param steps SGD steps per round
     * @param rounds timed rounds per engine and network (after one warm-up round each)
     * @param threads compute threads of both engines
     * @param python the Python interpreter with torch
     * @param script the reference script
     * @param seed seed of images, order, augmentation and weights
     */
    public record Options(List<Net> nets, Path data, int batch, int steps, int rounds, int threads, Path python,
            Path script, long seed) {}

    /** One round's speed: images per wall second and per CPU second of the process. */
    public record Speed(double wall, double cpu) {}

    /**
     * Rounds and medians of one network: images per wall second (engine, pytorch, peer) and per CPU second (engineCpu,
     * pytorchCpu, peerCpu); the peer arrays are empty without a peer engine. The devices are the engines' own
     * descriptions of where and how they ran (e.g. "cpu (2 threads, channels-last)"); peerDevice is null without a peer.
     */
    public record NetResult(String label, ModelSpec spec, long params, long flops, double[] engine, double[] pytorch,
            double[] engineCpu, double[] pytorchCpu, double[] peer, double[] peerCpu, String engineDevice,
            String peerDevice) {
        /** Median of our rounds. */
        public double engineMedian() {
            return Stopwatch.median(engine);
        }

        /** Median of the reference's rounds. */
        public double pytorchMedian() {
            return Stopwatch.median(pytorch);
        }

        /** Our median over the reference's. */
        public double ratio() {
            return engineMedian() / pytorchMedian();
        }

        /** Median of our rounds in images per CPU second. */
        public double engineCpuMedian() {
            return Stopwatch.median(engineCpu);
        }

        /** Median of the reference's rounds in images per CPU second. */
        public double pytorchCpuMedian() {
            return Stopwatch.median(pytorchCpu);
        }

        /** Median of the peer engine's rounds in images per second (NaN without a peer). */
        public double peerMedian() {
            return peer.length == 0 ? Double.NaN : Stopwatch.median(peer);
        }

        /** Median of the peer engine's rounds in images per CPU second (NaN without a peer). */
        public double peerCpuMedian() {
            return peerCpu.length == 0 ? Double.NaN : Stopwatch.median(peerCpu);
        }

        /** Our images per CPU second over the reference's. */
        public double cpuRatio() {
            return engineCpuMedian() / pytorchCpuMedian();
        }
    }

    /** The whole benchmark. */
    public record Result(String engine, Map<String, String> versions, String torchVersion, String data, Options options,
            List<NetResult> nets, String peer) {}

    /** Runs the benchmark with an engine. */
    public static Result run(TrainingEngine engine, Options o, ProgressSink progress) {
        return run(engine, null, o, progress, n -> { });
    }

    /**
     * Runs the benchmark with an engine and, if not null, a peer engine timed in the same interleaved rounds, handing
     * each network's result to `finished` as soon as it is measured.
     */
    public static Result run(TrainingEngine engine, TrainingEngine peer, Options o, ProgressSink progress,
            Consumer<NetResult> finished) {
        int images = o.batch() * o.steps();
        progress.update("preparing " + images + " images", 0);
        ImageSet set = o.data() == null ? random(images, o.seed())
                : Subsets.stratified(Cifar10.load(o.data()).train(), images, o.seed(), "benchmark images");
        Path dir = writeForPython(set);
        List<NetResult> results = new ArrayList<>();
        String torch;
        try (PyTorchReference ref = new PyTorchReference(o.python(), o.script(), dir, o.threads(), o.batch())) {
            torch = ref.torchVersion();
            for (int i = 0; i < o.nets().size(); i++) {
                NetResult n = runNet(engine, peer, ref, o.nets().get(i), set, o, progress, i);
                results.add(n);
                finished.accept(n);
            }
        } finally {
            deleteTree(dir);
        }
        return new Result(engine.name(), engine.versions(), torch, o.data() == null ? "random images"
                : o.data().toString(), o, results, peer == null ? null : peer.name());
    }

    private static NetResult runNet(TrainingEngine engine, TrainingEngine peer, PyTorchReference ref, Net net,
            ImageSet set, Options o, ProgressSink progress, int index) {
        Graph graph = Networks.cifar(net.spec());
        var complexity = Complexities.cifar(net.spec(), Convention.NDS);
        long refParams = ref.load(net.spec(), o.seed());
        if (refParams != complexity.params()) {
            throw new NdswException(net.label() + ": the PyTorch reference builds " + refParams + " parameters, the"
                    + " graph " + complexity.params() + "; the reference script and the network graph disagree");
        }
        Speed[] ours = new Speed[o.rounds()];
        Speed[] theirs = new Speed[o.rounds()];
        Speed[] peers = new Speed[peer == null ? 0 : o.rounds()];
        String ourDevice;
        String peerDevice;
        EngineOptions cpu = new EngineOptions(org.ndsw.train.Device.CPU, o.threads());
        try (EngineModel model = engine.build(graph, cpu);
                EngineModel other = peer == null ? null : peer.build(graph, cpu)) {
            ourDevice = model.deviceDescription();
            peerDevice = other == null ? null : other.deviceDescription();
            Recipe recipe = Recipe.NDS_CIFAR.withBatchSizes(o.batch(), o.batch());
            SplittableRandom rng = new SplittableRandom(o.seed());
            List<Supplier<Speed>> runs = new ArrayList<>();
            runs.add(() -> round(model, set, recipe, rng));
            runs.add(() -> ref.train(o.steps()));
            if (other != null) {
                other.loadWeights(WeightInit.initial(graph, o.seed()));
                runs.add(() -> round(other, set, recipe, rng));
            }
            model.loadWeights(WeightInit.initial(graph, o.seed()));
            runs.forEach(Supplier::get);
            Speed[][] out = {ours, theirs, peers};
            for (int r = 0; r < o.rounds(); r++) {
                progress.update(String.format(java.util.Locale.ROOT, "%s: round %d/%d", net.label(), r + 1, o.rounds()),
                        (index + (double) r / o.rounds()) / o.nets().size());
                for (int k = 0; k < runs.size(); k++) {
                    int who = (r + k) % runs.size();
                    out[who][r] = runs.get(who).get();
                }
            }
        }
        return new NetResult(net.label(), net.spec(), complexity.params(), complexity.flops(), wall(ours), wall(theirs),
                cpu(ours), cpu(theirs), wall(peers), cpu(peers), ourDevice, peerDevice);
    }

    private static double[] wall(Speed[] s) {
        return Arrays.stream(s).mapToDouble(Speed::wall).toArray();
    }

    private static double[] cpu(Speed[] s) {
        return Arrays.stream(s).mapToDouble(Speed::cpu).toArray();
    }

    /** One pass over the images with the real loop: background batches, one SGD step each. */
    private static Speed round(EngineModel model, ImageSet set, Recipe recipe, SplittableRandom rng) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        long seen = 0;
        try (BatchLoader loader = BatchLoader.training(set, recipe.batchSize(), rng.split(), rng.split())) {
            while (loader.hasNext()) {
                seen += model.trainStep(loader.next(), recipe.sgd(0)).size();
            }
        }
        double wall = Stopwatch.since(start);
        return new Speed(seen / wall, seen / ((processCpuNanos() - cpu) / 1e9));
    }

    /** CPU time of this process, all threads (native PyTorch threads included), in nanoseconds. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new NdswException("this JVM does not report process CPU time");
    }

    /** Seeded random 32x32 images with balanced labels. */
    static ImageSet random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] pixels = new byte[n * 3 * Cifar10.SIDE * Cifar10.SIDE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) rng.nextInt(256);
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % Cifar10.CLASSES);
        return new ImageSet(pixels, labels, 3, Cifar10.SIDE, Cifar10.SIDE, Cifar10.CLASS_NAMES);
    }

    private static Path writeForPython(ImageSet set) {
        try {
            Path dir = Files.createTempDirectory("ndsw-bench");
            CifarBinary.write(set, dir.resolve(CifarBinary.trainFile(1)));
            return dir;
        } catch (IOException e) {
            throw new NdswException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new NdswException(dir + ": cannot delete: " + e.getMessage(), e);
        }
    }
}
