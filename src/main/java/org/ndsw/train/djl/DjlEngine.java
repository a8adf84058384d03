package org.ndsw.train.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.net.Graph;
import org.ndsw.train.DeviceUnavailableException;
import org.ndsw.train.EngineModel;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.TrainingEngine;

/**
 * DJL over PyTorch: the default engine.
 *
 * <p>Natives come from the pytorch-native jar on the class path; DJL runs offline unless the user set
 * {@code ai.djl.offline} themselves (docs/reference/toolchain-notes.md#djl). PyTorch gets one inter-op thread and the requested intra-op threads.
 */
public final class DjlEngine implements TrainingEngine {
    /** The engine's name on the command line and in results. */
    public static final String NAME = "djl";
    /** System property choosing the activation layout: auto (channels-last on CPU), nchw or nhwc. */
    public static final String LAYOUT_PROPERTY = "ndsw.djl.layout";

    /** How activations are laid out in memory; the network and its numbers are the same in each. */
    enum Layout {
        /** Channels-last on the CPU, NCHW on a GPU. */
        AUTO,
        /** PyTorch's default contiguous layout. */
        NCHW,
        /** PyTorch's channels_last: values of one pixel's channels side by side. */
        NHWC;

        static Layout parse(String text) {
            try {
                return valueOf(text.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new NdswException(LAYOUT_PROPERTY + "=" + text + ": expected auto, nchw or nhwc");
            }
        }
    }

    /** The layout asked for, or null to read {@value #LAYOUT_PROPERTY} (default auto) when a model is built. */
    private final Layout layout;

    /** The engine with the layout of {@value #LAYOUT_PROPERTY} (default auto). */
    public DjlEngine() {
        this(null);
    }

    DjlEngine(Layout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", pytorch().getVersion());
        return v;
    }

    @Override
    public EngineModel build(Graph graph, EngineOptions options) {
        Engine engine = pytorch();
        Device device = device(engine, options.device());
        boolean channelsLast = channelsLast(device);
        JniUtils.setNumThreads(options.threads());
        NDManager manager = engine.newBaseManager(device);
        String layoutNote = channelsLast ? ", channels-last" : "";
        String where = device.isGpu() ? "gpu " + device.getDeviceId() + (channelsLast ? " (channels-last)" : "")
                : "cpu (" + options.threads() + (options.threads() == 1 ? " thread" : " threads") + layoutNote + ")";
        try {
            return new DjlModel(engine, manager, graph, where, channelsLast);
        } catch (EngineException e) {
            manager.close();
            throw new NdswException("DJL could not build the model: " + e.getMessage(), e);
        }
    }

    /**
     * On the CPU with the layout left to the engine: channels-last, then NCHW. Otherwise only the layout asked for
     * (a GPU keeps NCHW).
     */
    @Override
    public java.util.List<TrainingEngine> configurations(EngineOptions options) {
        Layout l = layout != null ? layout : Layout.parse(System.getProperty(LAYOUT_PROPERTY, "auto"));
        if (l == Layout.AUTO && options.device() == org.ndsw.train.Device.CPU) {
            return java.util.List.of(new DjlEngine(Layout.NHWC), new DjlEngine(Layout.NCHW));
        }
        return java.util.List.of(this);
    }

    @Override
    public void preload(EngineOptions options) {
        if (options.device() == org.ndsw.train.Device.CPU) {
            pytorch();
        }
    }

    @Override
    public String configuration() {
        Layout l = layout != null ? layout : Layout.parse(System.getProperty(LAYOUT_PROPERTY, "auto"));
        return switch (l) {
            case AUTO -> "auto layout";
            case NCHW -> "nchw";
            case NHWC -> "channels-last";
        };
    }

    private static Device device(Engine engine, org.ndsw.train.Device wanted) {
        if (wanted == org.ndsw.train.Device.CPU) {
            return Device.cpu();
        }
        if (engine.getGpuCount() == 0) {
            throw new DeviceUnavailableException("--device gpu: PyTorch " + engine.getVersion() + " found no CUDA device. This build"
                    + " carries CPU natives only; build with `mvn -Pcuda package` (CUDA natives) and run on a machine"
                    + " with an NVIDIA driver, or use --device cpu (docs/training.md, \"GPU\").");
        }
        return Device.gpu(0);
    }

    /**
     * Channels-last activations on the CPU unless the layout says otherwise: PyTorch 2.7.1's oneDNN convolutions then
     * skip their per-call layout reorders (docs/training.md, "Measured"). GPUs keep NCHW, which was not measured.
     */
    private boolean channelsLast(Device device) {
        Layout l = layout != null ? layout : Layout.parse(System.getProperty(LAYOUT_PROPERTY, "auto"));
        return switch (l) {
            case AUTO -> !device.isGpu();
            case NCHW -> false;
            case NHWC -> true;
        };
    }

    /** Loads PyTorch through DJL once, offline and with one inter-op thread unless configured otherwise. */
    static synchronized Engine pytorch() {
        System.getProperties().putIfAbsent("ai.djl.offline", "true");
        System.getProperties().putIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        try {
            return Engine.getEngine("PyTorch");
        } catch (EngineException | IllegalArgumentException e) {
            throw new NdswException("DJL could not load PyTorch: " + e.getMessage()
                    + " (the pytorch-native jar must be on the class path; see docs/training.md)", e);
        }
    }
}
