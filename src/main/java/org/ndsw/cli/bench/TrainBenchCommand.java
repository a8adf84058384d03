package org.ndsw.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.app.train.ModelSource;
import org.ndsw.bench.TrainBenchmark;
import org.ndsw.bench.wholerun.WholeRunOptions;
import org.ndsw.cli.ConsoleProgress;
import org.ndsw.cli.Json;
import org.ndsw.space.SpecJson;
import org.ndsw.train.TrainingEngines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw bench train`: training throughput against PyTorch, interleaved, medians and ratios. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the training throughput (images/s) of an engine against the PyTorch reference.",
            "The reference is bench/train_pytorch.py under Debian's python3-torch; the nets are ResNet-20, a ResNeXt",
            "and a DARTS net. Rounds alternate between the two; medians and the ratio",
            "engine/PyTorch are reported, per wall second and per CPU second of each",
            "process (the latter is less sensitive to other jobs on the machine). Each",
            "net's line (with its rounds) goes to stderr as soon as it is measured.",
            "--peer adds a second engine to the same interleaved rounds (e.g. --engine",
            "dl4j --peer djl).",
            "",
            "--whole-run times whole runs instead: each round runs `ndsw train` (a child",
            "JVM of this jar, per engine) and the reference's whole-run mode once, on the",
            "same --data subsets, epochs, batch, augmentation, per-epoch evaluation and",
            "threads, the order alternating. It reports wall time, its phases, training",
            "img/s as each side reports it and whole-run img/s (epochs x images / wall",
            "time), per round and as medians with the ratios ours/PyTorch."})
final class TrainBenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--engine", defaultValue = TrainingEngines.DEFAULT, description = "Engine. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--peer", paramLabel = "ENGINE", description = "A second engine timed in the same rounds, e.g. djl.")
    String peer;

    @Option(names = "--data", paramLabel = "DIR", description = "Take images from this CIFAR-10 directory (default: random images).")
    Path data;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--steps", defaultValue = "10", description = "SGD steps per round. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds per engine and net. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--threads", description = "Compute threads of both. Default: the number of processors.")
    Integer threads;

    @Option(names = "--nets", split = ",", paramLabel = "N", description = "Indices of the nets to run (0 ResNet-20, 1 ResNeXt, 2 DARTS). Default: all.")
    int[] nets;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch. Default: ${DEFAULT-VALUE}.")
    Path python;

    @Option(names = "--script", defaultValue = "bench/train_pytorch.py", description = "Reference script. Default: ${DEFAULT-VALUE}.")
    Path script;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of images, order and weights. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--whole-run", description = "Time whole `ndsw train` runs against the reference's (needs --data).")
    boolean wholeRun;

    @Option(names = "--net", paramLabel = "JSON", description = "Whole run: the net. Default: ResNet-20 (--nets 0).")
    String net;

    @Option(names = "--train-subset", paramLabel = "N", description = "Whole run: training images (0: all). Default: 6400.")
    Integer trainSubset;

    @Option(names = "--test-subset", paramLabel = "N", description = "Whole run: test images, every epoch (0: all). Default: 1000.")
    Integer testSubset;

    @Option(names = "--subset-seed", paramLabel = "S", description = "Whole run: seed of the subsets. Default: 0.")
    Long subsetSeed;

    @Option(names = "--epochs", paramLabel = "E", description = "Whole run: epochs. Default: 2.")
    Integer epochs;

    @Option(names = "--checkpoints", description = "Whole run: both sides save a checkpoint after every epoch.")
    boolean checkpoints;

    @Option(names = "--keep", paramLabel = "DIR", description = "Whole run: keep every round's records and logs here.")
    Path keep;

    /** Options of the step benchmark only, and of the whole run only: giving one to the other mode is an error. */
    private static final List<String> STEP_ONLY = List.of("--steps", "--seed");
    private static final List<String> WHOLE_RUN_ONLY = List.of("--net", "--train-subset",
            "--test-subset", "--subset-seed", "--epochs", "--checkpoints", "--keep");

    @Override
    public void run() {
        checkModeOptions();
        if (wholeRun) {
            new WholeRunCommand(spec, json).run(wholeRunOptions());
            return;
        }
        var chosen = nets == null ? TrainBenchmark.DEFAULT_NETS
                : Arrays.stream(nets).mapToObj(n -> TrainBenchmark.DEFAULT_NETS.get(index(n))).toList();
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        var options = new TrainBenchmark.Options(chosen, data, batch, steps, rounds, t, python, script, seed);
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress bar = new ConsoleProgress(err, System.console() != null, 60);
        TrainBenchmark.Result r = TrainBenchmark.run(TrainingEngines.find(engine),
                peer == null ? null : TrainingEngines.find(peer), options, bar,
                n -> bar.println(row(n) + "   rounds " + rounds(n.engine()) + " vs " + rounds(n.pytorch()) + ", per CPU s "
                        + rounds(n.engineCpu()) + " vs " + rounds(n.pytorchCpu())));
        bar.println("");
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.pretty(toJson(r)) : table(r));
        out.flush();
    }

    /** Refuses options that belong to the other mode, naming them. */
    private void checkModeOptions() {
        var parsed = spec.commandLine().getParseResult();
        for (String option : wholeRun ? STEP_ONLY : WHOLE_RUN_ONLY) {
            if (parsed.hasMatchedOption(option)) {
                throw new NdswException(option + (wholeRun ? " is for the step benchmark, not --whole-run"
                        : " needs --whole-run"));
            }
        }
    }

    private WholeRunOptions wholeRunOptions() {
        if (data == null) {
            throw new NdswException("--whole-run needs --data DIR: a CIFAR-10 directory both sides read"
                    + " (binary files or image folders)");
        }
        if (net != null && nets != null) {
            throw new NdswException("give the whole run's net one way: --net JSON or --nets N");
        }
        if (nets != null && nets.length != 1) {
            throw new NdswException("--whole-run trains one net, got --nets " + Arrays.toString(nets));
        }
        TrainBenchmark.Net chosen = net != null ? new TrainBenchmark.Net("net", ModelSource.ofJson(net, "--net").spec())
                : TrainBenchmark.DEFAULT_NETS.get(nets == null ? 0 : index(nets[0]));
        if (engine.equals(peer)) {
            throw new NdswException("--peer must differ from --engine, got " + peer + " twice");
        }
        List<String> engines = peer == null ? List.of(engine) : List.of(engine, peer);
        return new WholeRunOptions(chosen.label(), chosen.spec(), data, orDefault(trainSubset, 6400),
                orDefault(testSubset, 1000), subsetSeed == null ? 0 : subsetSeed, orDefault(epochs, 2), batch,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), rounds, engines, python, script,
                checkpoints, keep);
    }

    private static int index(int n) {
        if (n < 0 || n >= TrainBenchmark.DEFAULT_NETS.size()) {
            throw new NdswException("--nets must be between 0 and " + (TrainBenchmark.DEFAULT_NETS.size() - 1)
                    + ", got " + n);
        }
        return n;
    }

    private static int orDefault(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    private static String table(TrainBenchmark.Result r) {
        String device = r.nets().isEmpty() ? "" : " on " + r.nets().get(0).engineDevice();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%s (%s)%s vs PyTorch %s; batch %d, %d threads, %d rounds of %d steps, %s%n", r.engine(), r.versions(),
                device, r.torchVersion(), r.options().batch(), r.options().threads(), r.options().rounds(),
                r.options().steps(), r.data()));
        if (r.peer() != null && !r.nets().isEmpty()) {
            b.append(String.format(Locale.ROOT, "peer %s on %s%n", r.peer(), r.nets().get(0).peerDevice()));
        }
        b.append(String.format(Locale.ROOT, "%-16s %9s %8s %12s %12s %7s %14s %14s %7s%n", "net", "params", "MFLOPs",
                r.engine() + " img/s", "torch img/s", "ratio", r.engine() + " img/CPU-s", "torch img/CPU-s", "ratio")
                .stripTrailing());
        b.append(r.peer() == null ? "%n".formatted() : String.format(Locale.ROOT, " %12s %9s %14s %9s%n",
                r.peer() + " img/s", "vs " + r.peer(), r.peer() + " img/CPU-s", "vs " + r.peer()));
        for (TrainBenchmark.NetResult n : r.nets()) {
            b.append(row(n));
            b.append(r.peer() == null ? "%n".formatted() : String.format(Locale.ROOT, " %12.1f %8.2fx %14.1f %8.2fx%n",
                    n.peerMedian(), n.engineMedian() / n.peerMedian(), n.peerCpuMedian(),
                    n.engineCpuMedian() / n.peerCpuMedian()));
        }
        return b.toString().stripTrailing();
    }

    /** One network's line of the table. */
    private static String row(TrainBenchmark.NetResult n) {
        return String.format(Locale.ROOT, "%-16s %,9d %8.1f %12.1f %12.1f %6.2fx %14.1f %14.1f %6.2fx", n.label(),
                n.params(), n.flops() / 1e6, n.engineMedian(), n.pytorchMedian(), n.ratio(), n.engineCpuMedian(),
                n.pytorchCpuMedian(), n.cpuRatio());
    }

    private static String rounds(double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.1f", x))
                .collect(java.util.stream.Collectors.joining(" ", "[", "]"));
    }

    private static ObjectNode toJson(TrainBenchmark.Result r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("engine", r.engine());
        ObjectNode v = o.putObject("versions");
        r.versions().forEach(v::put);
        v.put("torch_reference", r.torchVersion());
        o.put("data", r.data());
        o.put("batch", r.options().batch());
        o.put("threads", r.options().threads());
        o.put("rounds", r.options().rounds());
        o.put("steps", r.options().steps());
        ArrayNode a = o.putArray("nets");
        for (TrainBenchmark.NetResult n : r.nets()) {
            ObjectNode e = a.addObject();
            e.put("label", n.label());
            e.put("engine_device", n.engineDevice());
            if (n.peerDevice() != null) {
                e.put("peer_device", n.peerDevice());
            }
            e.set("net", SpecJson.toJson(n.spec()));
            e.put("params", n.params());
            e.put("flops", n.flops());
            e.put("engine_img_per_s", n.engineMedian());
            e.put("pytorch_img_per_s", n.pytorchMedian());
            e.put("ratio", n.ratio());
            ArrayNode ours = e.putArray("engine_rounds");
            Arrays.stream(n.engine()).forEach(ours::add);
            ArrayNode theirs = e.putArray("pytorch_rounds");
            Arrays.stream(n.pytorch()).forEach(theirs::add);
            e.put("engine_img_per_cpu_s", n.engineCpuMedian());
            e.put("pytorch_img_per_cpu_s", n.pytorchCpuMedian());
            e.put("cpu_ratio", n.cpuRatio());
            ArrayNode ourCpu = e.putArray("engine_cpu_rounds");
            Arrays.stream(n.engineCpu()).forEach(ourCpu::add);
            ArrayNode theirCpu = e.putArray("pytorch_cpu_rounds");
            Arrays.stream(n.pytorchCpu()).forEach(theirCpu::add);
            if (r.peer() != null) {
                e.put("peer", r.peer());
                e.put("peer_img_per_s", n.peerMedian());
                e.put("ratio_to_peer", n.engineMedian() / n.peerMedian());
                e.put("peer_img_per_cpu_s", n.peerCpuMedian());
                e.put("cpu_ratio_to_peer", n.engineCpuMedian() / n.peerCpuMedian());
                ArrayNode peers = e.putArray("peer_rounds");
                Arrays.stream(n.peer()).forEach(peers::add);
                ArrayNode peersCpu = e.putArray("peer_cpu_rounds");
                Arrays.stream(n.peerCpu()).forEach(peersCpu::add);
            }
        }
        return o;
    }
}
