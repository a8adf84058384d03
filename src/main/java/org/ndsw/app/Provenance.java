package org.ndsw.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ndsw.train.EngineInfo;

/**
 * Where a piece of data came from: the ndsw, library, Java and OS versions that wrote it (stored with sweeps and runs,
 * and printed by {@code ndsw --version}).
 *
 * <p>Library versions are read from properties files inside the libraries' jars, so asking for them loads no native
 * code and takes milliseconds. A library that is not on the class path is left out.
 */
public final class Provenance {
    /**
     * The libraries reported, in order. Extension point: an engine that brings a library adds its row here (Maven-built
     * jars carry {@code META-INF/maven/<group>/<artifact>/pom.properties} with a {@code version} key).
     */
    private static final List<Library> LIBRARIES = List.of(
            new Library("djl", "ai/djl/engine/api.properties", "djl_version"),
            new Library("pytorch", "native/lib/pytorch.properties", "version"),
            new Library("pytorch-flavor", "native/lib/pytorch.properties", "flavor"),
            new Library("dl4j", "META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties", "version"),
            new Library("nd4j", "META-INF/maven/org.nd4j/nd4j-native/pom.properties", "version"),
            new Library("openblas", "META-INF/maven/org.bytedeco/openblas/pom.properties", "version"),
            new Library("javafx", "javafx.properties", "javafx.runtime.version"));

    private Provenance() {}

    /**
     * A library whose version is the value of {@code key} in the class-path resource {@code resource}.
     *
     * @param name the name shown and stored, e.g. "djl"
     * @param resource class-path resource (a properties file) inside the library's jar
     * @param key the property that holds the version
     */
    private record Library(String name, String resource, String key) {}

    /** The version of this build ("development build" when not run from the jar). */
    public static String appVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return "ndsw " + (v == null ? "(development build)" : v);
    }

    /** The Java runtime: vendor, version and VM, e.g. "Debian 17.0.15 (OpenJDK 64-Bit Server VM)". */
    public static String java() {
        return System.getProperty("java.vendor") + " " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")";
    }

    /** The operating system: name, version and architecture. */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }

    /**
     * Versions of the engine libraries on the class path, e.g. {"djl": "0.36.0", "pytorch": "2.7.1",
     * "pytorch-flavor": "cpu"}, read without loading native code.
     */
    public static Map<String, String> libraries() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Library lib : LIBRARIES) {
            String v = property(lib.resource(), lib.key());
            if (v != null) {
                out.put(lib.name(), lib.name().equals("pytorch") ? v.replaceFirst("-\\d{8}$", "") : v);
            }
        }
        return out;
    }

    /** A JSON object {"app", "java", "os", "libraries", "action"} for data ndsw writes without training it. */
    public static ObjectNode of(String action) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("app", appVersion());
        o.put("java", java());
        o.put("os", os());
        ObjectNode libs = o.putObject("libraries");
        libraries().forEach(libs::put);
        o.put("action", action);
        return o;
    }

    /**
     * The provenance of a run ndsw trained: {@link #of}("train") plus the engine that ran it, the versions it reported
     * (those it loaded, which may differ from the jars' metadata), its device and threads.
     */
    public static ObjectNode ofRun(EngineInfo engine) {
        ObjectNode o = of("train");
        ObjectNode e = o.putObject("engine");
        e.put("name", engine.name());
        ObjectNode versions = e.putObject("versions");
        engine.versions().forEach(versions::put);
        e.put("device", engine.device());
        e.put("threads", engine.threads());
        e.put("description", engine.description());
        return o;
    }

    private static String property(String resource, String key) {
        ClassLoader loader = Provenance.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty(key);
            return v == null || v.isBlank() ? null : v.trim();
        } catch (IOException | IllegalArgumentException e) {
            return null; // an unreadable version file leaves the library out rather than failing the caller
        }
    }
}
