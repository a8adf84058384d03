package org.ndsw.train.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.net.Graph;
import org.ndsw.net.Layer;
import org.ndsw.train.Batch;
import org.ndsw.train.Device;
import org.ndsw.train.DeviceUnavailableException;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Sgd;
import org.ndsw.train.Tensor;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.WeightInit;
import org.ndsw.train.Weights;
import org.ndsw.train.reference.ReferenceEngine;
import org.ndsw.train.reference.ReferenceModel;

/**
 * A known-answer test of an engine's native kernels on this machine, the way cryptographic libraries test theirs.
 *
 * <p>Before an engine trains, every case of {@link OpCase#battery()} and {@link OpCase#of(Graph)} runs in the engine
 * and in the double-precision {@link ReferenceEngine}: the outputs in inference mode and the gradients of every
 * trained tensor after one training step must agree. The engine's configurations
 * ({@link TrainingEngine#configurations}) are tried best first and the first that passes every case trains; if none
 * does, training is refused with the failures. Results are cached per machine (CPU model and flags, ISA settings),
 * engine version, configuration and thread count, one file each, so a case runs once per machine. A case that threw
 * (out of memory, say) is not cached and runs again next time.
 */
public final class SelfTest {
    /** System property: "off" skips the self-test (the engine's first configuration trains untested). */
    public static final String PROPERTY = "ndsw.selftest";
    /** How the detail of a case that threw begins; such results are not cached. */
    private static final String ERROR = "error: ";

    /** System property: the folder of the cache files (default ~/.ndsw/selftest). */
    public static final String CACHE_PROPERTY = "ndsw.selftest.cache";
    /** Largest max |a - b| / max |b| of the outputs in inference mode. */
    public static final double FORWARD_TOLERANCE = 1e-4;
    /** Largest ||a - b|| / ||b|| of one tensor's gradient (b the reference's). */
    public static final double GRADIENT_TOLERANCE = 1e-3;
    /** Environment variables that change which native kernels run; they are part of the cache key. */
    static final List<String> KERNEL_ENVIRONMENT = List.of("ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA",
            "ONEDNN_DEFAULT_FPMATH_MODE", "ATEN_CPU_CAPABILITY", "OPENBLAS_CORETYPE", "MKL_CBWR");
    /** Learning rate of the probing step: the update divided by it is the gradient (a power of two, exact). */
    private static final double PROBE_LR = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrainingEngine reference;
    private final Path cacheDir;
    private final String machine;
    private final List<OpCase> battery;

    /**
     * @param reference the engine every result is compared with
     * @param cacheDir where cache files go, or null for no cache
     * @param machine text identifying the CPU and kernel settings; part of every cache key
     */
    public SelfTest(TrainingEngine reference, Path cacheDir, String machine) {
        this(reference, cacheDir, machine, OpCase.battery());
    }

    /** A self-test with its own battery of fixed cases (tests use a short one). */
    SelfTest(TrainingEngine reference, Path cacheDir, String machine, List<OpCase> battery) {
        this.reference = reference;
        this.cacheDir = cacheDir;
        this.machine = machine;
        this.battery = List.copyOf(battery);
    }

    /** The self-test against the reference engine with the cache of {@value #CACHE_PROPERTY}. */
    public static SelfTest standard() {
        String dir = System.getProperty(CACHE_PROPERTY);
        Path cache = dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".ndsw", "selftest");
        return new SelfTest(new ReferenceEngine(), cache, machineIdentity());
    }

    /** True unless {@value #PROPERTY} is "off". */
    public static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getProperty(PROPERTY, "on"));
    }

    /**
     * One case's result.
     *
     * @param key the case
     * @param passed whether the engine agreed with the reference
     * @param detail the largest differences, or the error the engine raised
     */
    public record CaseResult(String key, boolean passed, String detail) {}

    /**
     * The cases of one configuration.
     *
     * @param configuration the configuration's name
     * @param cases how many cases it was judged on
     * @param cached how many of them came from the cache
     * @param failures the cases that failed (empty if it passed)
     */
    public record Attempt(String configuration, int cases, int cached, List<CaseResult> failures) {
        /** True if no case failed. */
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /**
     * What the self-test chose.
     *
     * @param chosen the configuration that trains
     * @param attempts every configuration tried, in order; the last one passed
     */
    public record Outcome(TrainingEngine chosen, List<Attempt> attempts) {
        /** True if a configuration other than the engine's preferred one was chosen. */
        public boolean fellBack() {
            return attempts.size() > 1;
        }

        /** One line for logs and {@code ndsw engines check}. */
        public String summary() {
            Attempt last = attempts.get(attempts.size() - 1);
            StringBuilder s = new StringBuilder("self-test " + chosen.name() + ": " + label(last.configuration())
                    + " passed " + last.cases() + " op cases");
            if (last.cached() == last.cases()) {
                s.append(" (cached)");
            } else if (last.cached() > 0) {
                s.append(" (").append(last.cached()).append(" cached)");
            }
            for (Attempt a : attempts.subList(0, attempts.size() - 1)) {
                CaseResult f = a.failures().get(0);
                s.append("; ").append(label(a.configuration())).append(" failed ").append(a.failures().size())
                        .append(" of ").append(a.cases()).append(" (first: ").append(f.key()).append(": ")
                        .append(f.detail()).append(")");
            }
            return s.toString();
        }
    }

    /**
     * The first configuration of the engine that passes every case of the battery and of the graph.
     *
     * @throws NdswException naming the failed cases if no configuration passes
     */
    public Outcome verify(TrainingEngine engine, Graph graph, EngineOptions options) {
        List<OpCase> cases = new ArrayList<>(battery);
        for (OpCase c : OpCase.of(graph)) {
            if (cases.stream().noneMatch(b -> b.key().equals(c.key()))) {
                cases.add(c);
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        for (TrainingEngine candidate : engine.configurations(options)) {
            Attempt a = attempt(candidate, cases, options);
            attempts.add(a);
            if (a.passed()) {
                return new Outcome(candidate, List.copyOf(attempts));
            }
        }
        StringBuilder m = new StringBuilder("the " + engine.name() + " engine computes wrong numbers on this machine"
                + " (" + cpuModel() + "), so it will not train: its self-test compared each op with a"
                + " double-precision reference and no configuration passed.");
        for (Attempt a : attempts) {
            m.append(" ").append(label(a.configuration())).append(": ").append(a.failures().size()).append(" of ")
                    .append(a.cases()).append(" cases failed, e.g. ");
            a.failures().stream().limit(3).forEach(f -> m.append(f.key()).append(" (").append(f.detail())
                    .append("); "));
        }
        m.append("Try the other engine (--engine), or cap the native instruction set before starting ndsw: ")
                .append(isaCap(engine.name())).append(" (docs/training.md, \"Self-test\").");
        throw new NdswException(m.toString());
    }

    /**
     * The environment setting that caps an engine's oneDNN at AVX2: libtorch's oneDNN 3 reads ONEDNN_MAX_CPU_ISA, the
     * oneDNN 2 inside ND4J only DNNL_MAX_CPU_ISA.
     */
    static String isaCap(String engineName) {
        return "dl4j".equals(engineName) ? "DNNL_MAX_CPU_ISA=AVX2" : "ONEDNN_MAX_CPU_ISA=AVX2";
    }

    private Attempt attempt(TrainingEngine candidate, List<OpCase> cases, EngineOptions options) {
        Path file = cacheFile(candidate, options);
        ObjectNode cache = read(file);
        ObjectNode entries = cache.with("cases");
        List<CaseResult> failures = new ArrayList<>();
        int cached = 0;
        boolean changed = false;
        for (OpCase c : cases) {
            JsonNode hit = entries.get(c.key());
            CaseResult r;
            if (hit != null) {
                cached++;
                r = new CaseResult(c.key(), hit.path("passed").asBoolean(), hit.path("detail").asText());
            } else {
                r = run(candidate, c, options);
                if (!r.detail().startsWith(ERROR)) {
                    // A case that threw (out of memory, a missing library) may pass next time: only numbers are kept.
                    ObjectNode e = entries.putObject(c.key());
                    e.put("passed", r.passed());
                    e.put("detail", r.detail());
                    changed = true;
                }
            }
            if (!r.passed()) {
                failures.add(r);
            }
        }
        if (changed) {
            write(file, cache, candidate, options);
        }
        return new Attempt(candidate.configuration(), cases.size(), cached, List.copyOf(failures));
    }

    /** Runs one case in the engine and the reference. */
    CaseResult run(TrainingEngine engine, OpCase c, EngineOptions options) {
        Graph g = c.graph();
        Weights w = weights(g, 7);
        Batch batch = batch(g, OpCase.BATCH, 7);
        try (EngineModel m = engine.build(g, options);
                ReferenceModel r = (ReferenceModel) reference.build(g, new EngineOptions(Device.CPU, 1))) {
            m.loadWeights(w);
            r.loadWeights(w);
            double forward = maxRelDiff(m.predict(batch).data(), r.predict(batch).data());
            Weights expected = r.gradients(batch);
            m.trainStep(batch, new Sgd(PROBE_LR, 0, false, 0));
            Weights after = m.weights();
            double worst = 0;
            String worstName = "";
            double largest = 0;
            for (Tensor t : expected.tensors().values()) {
                largest = Math.max(largest, norm(t.data()));
            }
            for (Map.Entry<String, Tensor> e : expected.tensors().entrySet()) {
                float[] before = w.get(e.getKey()).data();
                float[] now = after.get(e.getKey()).data();
                float[] ref = e.getValue().data();
                double diff = 0;
                for (int i = 0; i < ref.length; i++) {
                    double got = ((double) before[i] - now[i]) / PROBE_LR;
                    diff += (got - ref[i]) * (got - ref[i]);
                }
                double rel = Math.sqrt(diff) / Math.max(norm(ref), 1e-3 * largest + 1e-30);
                if (!(rel <= worst)) {
                    worst = rel;
                    worstName = e.getKey();
                }
            }
            boolean ok = forward < FORWARD_TOLERANCE && worst < GRADIENT_TOLERANCE;
            String detail = String.format(Locale.ROOT, "output %.2g, gradient %.2g (%s)", forward, worst,
                    worstName.replace(".weight", " weight").replace(".bias", " bias"));
            return new CaseResult(c.key(), ok, detail);
        } catch (DeviceUnavailableException e) {
            throw e; // no device to test on: the run fails with the device's message, not as wrong numbers
        } catch (RuntimeException e) {
            return new CaseResult(c.key(), false, ERROR + e.getMessage());
        }
    }

    /**
     * Initial weights of the case with BN parameters and statistics and the fc layer's weights at random
     * (squeeze-and-excitation's pointwise convs keep their initial weights, so the sigmoid is not saturated).
     */
    static Weights weights(Graph graph, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        Map<String, Tensor> out = new LinkedHashMap<>(WeightInit.withRandomBatchNorm(graph, seed).tensors());
        for (ParameterLayout.Entry e : ParameterLayout.of(graph)) {
            if (e.node().layer() instanceof Layer.Linear l && !l.pointwise()
                    && e.suffix().equals(ParameterLayout.WEIGHT)) {
                float[] v = new float[Math.toIntExact(Tensor.elements(e.shape()))];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) rng.nextGaussian();
                }
                out.put(e.name(), new Tensor(e.shape(), v));
            }
        }
        return new Weights(out);
    }

    /** Standard normal images, labels 0, 1, 2, ... */
    static Batch batch(Graph graph, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        float[] x = new float[Math.toIntExact(size * graph.input().shape().elements())];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return new Batch(x, java.util.stream.IntStream.range(0, size).map(i -> i % 10).toArray());
    }

    static double maxRelDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                return Double.POSITIVE_INFINITY;
            }
            diff = Math.max(diff, Math.abs((double) a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static String label(String configuration) {
        return configuration.isEmpty() ? "default configuration" : configuration;
    }

    /** The identity of a configuration on this machine; its hash names the cache file. */
    private String identity(TrainingEngine engine, EngineOptions options) {
        return "engine=" + engine.name() + "\nversions=" + engine.versions() + "\nconfiguration="
                + engine.configuration() + "\ndevice=" + options.device().cliName() + "\nthreads=" + options.threads()
                + "\ncases=" + OpCase.BATCH + "/" + FORWARD_TOLERANCE + "/" + GRADIENT_TOLERANCE + "\n" + machine;
    }

    private Path cacheFile(TrainingEngine engine, EngineOptions options) {
        if (cacheDir == null) {
            return null;
        }
        return cacheDir.resolve(engine.name() + "-" + sha256(identity(engine, options)).substring(0, 16) + ".json");
    }

    private static ObjectNode read(Path file) {
        if (file != null && Files.isRegularFile(file)) {
            try {
                JsonNode n = JSON.readTree(file.toFile());
                if (n instanceof ObjectNode o && o.get("cases") instanceof ObjectNode) {
                    return o;
                }
            } catch (IOException e) {
                // An unreadable cache file is rerun and rewritten.
            }
        }
        return JSON.createObjectNode();
    }

    /** Writes the cache file whole (temporary file, then a move), so a reader never sees half of it. */
    private void write(Path file, ObjectNode cache, TrainingEngine engine, EngineOptions options) {
        if (file == null) {
            return;
        }
        cache.put("identity", identity(engine, options));
        try {
            AtomicWrite.bytes(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(cache));
        } catch (IOException | NdswException e) {
            // The cache only saves time: without it the cases run again next time.
        }
    }

    /** CPU model, flags and the environment variables that choose native kernels. */
    static String machineIdentity() {
        StringBuilder s = new StringBuilder("cpu=" + cpuModel() + "\nflags=" + cpuFlags() + "\n");
        for (String v : KERNEL_ENVIRONMENT) {
            s.append(v).append('=').append(System.getenv().getOrDefault(v, "")).append('\n');
        }
        return s.toString();
    }

    /** The CPU's model name, e.g. "AMD EPYC (family 26, model 2)". */
    public static String cpuModel() {
        String name = cpuInfo("model name");
        String family = cpuInfo("cpu family");
        String model = cpuInfo("model");
        if (name.isEmpty()) {
            return System.getProperty("os.arch");
        }
        return name + (family.isEmpty() ? "" : " (family " + family + ", model " + model + ")");
    }

    private static String cpuFlags() {
        return cpuInfo("flags");
    }

    private static String cpuInfo(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(field)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the architecture alone identifies the machine.
        }
        return "";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
