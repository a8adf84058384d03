package org.ndsw.train.dl4j;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.ndsw.net.Graph;
import org.ndsw.train.Device;
import org.ndsw.train.DeviceUnavailableException;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.TrainingEngine;

/**
 * DeepLearning4J over ND4J (CPU, oneDNN build): the second engine.
 *
 * <p>Before ND4J loads, this class turns DL4J's oneDNN helpers on (docs/reference/toolchain-notes.md#dl4j-pitfalls, 1) and warns once when
 * OPENBLAS_CORETYPE is missing (pitfall 2: it must be in the environment before the JVM starts; bin/ndsw sets it).
 */
public final class Dl4jEngine implements TrainingEngine {
    /** The engine's name on the command line and in results. */
    public static final String NAME = "dl4j";
    /** The DL4J and ND4J release on the class path (pom.xml, dl4j.version). */
    public static final String VERSION = "1.0.0-M2.1";
    /** DL4J's switch for its native (oneDNN/cuDNN) layer helpers; off by default in M2.1. */
    static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    /** The ND4J CUDA backend class, present only in a build with the cuda-dl4j profile. */
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** Whether the OPENBLAS_CORETYPE warning was printed: once per JVM, however many threads build engines. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** The layout setting ("auto" or "nchw"), or null to read {@code -Dndsw.dl4j.layout} at each build. */
    private final String layout;

    /** The engine, laid out as {@code -Dndsw.dl4j.layout} says (default auto: channels-last where possible). */
    public Dl4jEngine() {
        this(null);
    }

    /** The engine with a fixed layout setting, "auto" or "nchw" (for comparisons). */
    Dl4jEngine(String layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("dl4j", VERSION);
        v.put("nd4j-backend", String.valueOf(Nd4j.getExecutioner().getEnvironmentInformation().get("backend")));
        return v;
    }

    @Override
    public EngineModel build(Graph graph, EngineOptions options) {
        checkDevice(options.device());
        prepare(options.threads());
        Dl4jGraphs.Built built = Dl4jGraphs.build(graph, WorkspaceMode.valueOf(System.getProperty(
                "ndsw.dl4j.workspaces", "ENABLED")), Dl4jGraphs.layout(graph, setting()));
        String where = options.device().cliName() + " (" + options.threads()
                + (options.threads() == 1 ? " thread" : " threads") + ", " + backend()
                + (built.format() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC ? ", channels-last" : "") + ")";
        return new Dl4jModel(graph, built, where);
    }

    /**
     * Channels-last where possible, then NCHW for every network: the known-answer self-test tries them in this order
     * and trains with the first that passes (decision 0011).
     */
    @Override
    public java.util.List<TrainingEngine> configurations(EngineOptions options) {
        if (setting().equals("auto")) {
            return java.util.List.of(this, new Dl4jEngine("nchw"));
        }
        return java.util.List.of(this);
    }

    @Override
    public String configuration() {
        return setting().equals("auto") ? "channels-last where possible" : setting();
    }

    private String setting() {
        return layout != null ? layout : System.getProperty(Dl4jGraphs.LAYOUT_PROPERTY, "auto");
    }

    @Override
    public void preload(EngineOptions options) {
        if (options.device() == Device.CPU && !hasClass(CUDA_BACKEND)) {
            prepare(options.threads());
        }
    }

    /** Fails with a clear message when a GPU is asked for but this build cannot use one. */
    static void checkDevice(Device device) {
        boolean cuda = hasClass(CUDA_BACKEND);
        if (device == Device.GPU && !cuda) {
            throw new DeviceUnavailableException("--device gpu: this build of the DL4J engine carries ND4J's CPU backend only."
                    + " Use the DJL engine for GPUs (--engine djl --device gpu, CUDA 12 natives with `mvn -Pcuda"
                    + " package`), or build with `mvn -Pcuda-dl4j package` for an NVIDIA GPU up to the Ampere"
                    + " generation with CUDA 11.6 (docs/engines.md, \"GPU\")");
        }
        if (device == Device.CPU && cuda) {
            throw new DeviceUnavailableException("--device cpu: this build of the DL4J engine carries ND4J's CUDA backend; use"
                    + " --device gpu, or the DJL engine (--engine djl) for CPU training");
        }
        if (device == Device.GPU) {
            try {
                Nd4j.getBackend();
            } catch (RuntimeException | LinkageError e) {
                throw new DeviceUnavailableException("--device gpu: ND4J's CUDA 11.6 backend could not start (" + e.getMessage()
                        + "); it runs on NVIDIA GPUs up to Ampere (sm_86) with CUDA 11.6. Use the DJL engine"
                        + " (--engine djl --device gpu) for newer GPUs", e);
            }
        }
    }

    /** Settings that must precede the first ND4J call, and the thread count. */
    private static synchronized void prepare(int threads) {
        System.getProperties().putIfAbsent(HELPERS_PROPERTY, "false");
        warnWithoutCoreType();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    private static void warnWithoutCoreType() {
        warnWithoutCoreType(System.getenv("OPENBLAS_CORETYPE"), WARNED, System.err);
    }

    /**
     * Prints the OPENBLAS_CORETYPE warning to `err` when `core` is unset, unless `warned` says it was printed already;
     * true if this call printed it. The check and the mark are one atomic step, so racing threads print it once.
     */
    static boolean warnWithoutCoreType(String core, AtomicBoolean warned, PrintStream err) {
        if (core != null && !core.isBlank() || !warned.compareAndSet(false, true)) {
            return false;
        }
        err.println("ndsw: warning: OPENBLAS_CORETYPE is not set, so ND4J's OpenBLAS may pick slow SSE3"
                + " kernels (up to 10x slower matrix products). Start ndsw through bin/ndsw, or export"
                + " OPENBLAS_CORETYPE=" + suggestedCoreType() + " before starting Java.");
        return true;
    }

    /** The OpenBLAS core type this CPU should use: SkylakeX with AVX-512, Haswell with AVX2. */
    static String suggestedCoreType() {
        try {
            String flags = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo"))
                    .toLowerCase(Locale.ROOT);
            return flags.contains("avx512f") ? "SkylakeX" : flags.contains("avx2") ? "Haswell" : "Prescott";
        } catch (java.io.IOException | RuntimeException e) {
            return "Haswell";
        }
    }

    private static String backend() {
        Object b = Nd4j.getExecutioner().getEnvironmentInformation().get("backend");
        return "nd4j " + String.valueOf(b).toLowerCase(Locale.ROOT);
    }

    private static boolean hasClass(String name) {
        try {
            Class.forName(name, false, Dl4jEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
