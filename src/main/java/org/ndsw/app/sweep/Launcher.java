package org.ndsw.app.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ndsw.NdswException;
import org.ndsw.catalog.RunClaim;

/**
 * Starts the worker JVM of one run: the same java binary and class path as this process, the JVM flags and thread
 * counts the engine needs, and the output appended to the run's `worker.log`.
 *
 * <p>The worker's entry point is `org.ndsw.cli.Main sweep worker --catalog F --run ID --token T [--parent-pid P]
 * --threads N`, which a cluster scheduler can launch as well (docs/decisions/0006).
 */
final class Launcher {
    /** The command-line entry point of workers (named, not referenced, so this layer stays below the CLI). */
    static final String MAIN = "org.ndsw.cli.Main";
    /** Prefixes of this process's system properties handed on to workers (engine caches, offline mode). */
    private static final List<String> INHERITED = List.of("ai.djl.", "org.eclipse.deeplearning4j.", "org.bytedeco.",
            "ndsw.djl.", "ndsw.dl4j.", "ndsw.selftest");

    private Launcher() {}

    /**
     * How workers are started.
     *
     * @param threads compute threads per worker
     * @param heap the worker's -Xmx value, e.g. "2g"
     * @param jvmOptions further JVM options, e.g. "-XX:+UseSerialGC"
     */
    record Settings(int threads, String heap, List<String> jvmOptions) {
        /** Copies the list. */
        Settings {
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /** The log file of a run's worker, in the run's folder. */
    static Path logFile(Path runDir) {
        return runDir.resolve("worker.log");
    }

    /** The command line of a worker. */
    static List<String> command(Path catalog, RunClaim claim, long parentPid, String engine, Settings s) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        cmd.add("-Xmx" + s.heap());
        cmd.add("-Djava.awt.headless=true");
        Map<String, String> props = new TreeMap<>(engineProperties(engine, s.threads()));
        for (String key : System.getProperties().stringPropertyNames()) {
            if (INHERITED.stream().anyMatch(key::startsWith)) {
                props.putIfAbsent(key, System.getProperty(key));
            }
        }
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(s.jvmOptions());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN);
        cmd.addAll(List.of("sweep", "worker", "--catalog", catalog.toAbsolutePath().toString(), "--run",
                Long.toString(claim.runId()), "--token", claim.token(), "--parent-pid", Long.toString(parentPid),
                "--threads", Integer.toString(s.threads())));
        return cmd;
    }

    /** The system properties an engine needs in a worker with this many threads (docs/reference/toolchain-notes.md). */
    static Map<String, String> engineProperties(String engine, int threads) {
        Map<String, String> p = new TreeMap<>();
        if (engine.equalsIgnoreCase("djl")) {
            p.put("ai.djl.offline", "true");
            p.put("ai.djl.pytorch.num_threads", Integer.toString(threads));
            p.put("ai.djl.pytorch.num_interop_threads", "1");
        } else if (engine.equalsIgnoreCase("dl4j")) {
            p.put("org.eclipse.deeplearning4j.helpers.disable", "false");
        }
        return p;
    }

    /**
     * The command line of a scheduler process for a sweep (`ndsw sweep run`), which a closing GUI starts to take its
     * sweep over: same java and class path, this process's engine properties.
     */
    static List<String> schedulerCommand(Path catalog, String sweep, RunOptions o) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        cmd.add("-Xmx256m");
        cmd.add("-Djava.awt.headless=true");
        for (String key : new TreeMap<>(System.getProperties()).keySet().stream().map(Object::toString).toList()) {
            if (INHERITED.stream().anyMatch(key::startsWith)) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN);
        cmd.addAll(List.of("sweep", "run", sweep, "--catalog", catalog.toAbsolutePath().toString(), "--quiet",
                "--workers", Integer.toString(o.workers()), "--threads-per-worker", Integer.toString(o.threadsPerWorker()),
                "--worker-heap", o.heap(), "--max-attempts", Integer.toString(o.maxAttempts()), "--stale-seconds",
                Integer.toString(o.staleSeconds())));
        if (!o.gpus().isEmpty()) {
            cmd.add("--gpus");
            cmd.add(o.gpus().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        }
        return cmd;
    }

    /** Starts a process that outlives this one: no input, output appended to `log`. */
    static Process startDetached(List<String> command, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new NdswException(log + ": cannot start a scheduler: " + e.getMessage(), e);
        }
    }

    /** The environment variable that pins a worker to one CUDA device. */
    static final String CUDA_VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

    /**
     * The process builder of a worker: output appended to the run's log, thread counts in the environment and, for
     * `gpu` &ge; 0, {@code CUDA_VISIBLE_DEVICES=gpu}, so the engine's CUDA device 0 is that GPU.
     */
    static ProcessBuilder builder(List<String> command, Path runDir, int threads, int gpu) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(runDir).toFile()));
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().put("MKL_NUM_THREADS", Integer.toString(threads));
        if (gpu >= 0) {
            pb.environment().put(CUDA_VISIBLE_DEVICES, Integer.toString(gpu));
        }
        return pb;
    }

    /** Starts the worker with its output appended to the run's log, on CUDA device `gpu` (-1: not pinned). */
    static Process start(List<String> command, Path runDir, int threads, int gpu) {
        try {
            Files.createDirectories(runDir);
            return builder(command, runDir, threads, gpu).start();
        } catch (IOException e) {
            throw new NdswException(runDir + ": cannot start a worker: " + e.getMessage(), e);
        }
    }
}
