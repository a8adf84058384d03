package org.ndsw.bench.wholerun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.space.SpecJson;

/**
 * Our side of a round: `ndsw train` as a user runs it, in a child JVM of this very jar with this JVM's options (what
 * packaging/bin/ndsw passes from NDSW_JAVA_OPTS) and the launcher's environment.
 */
final class NdswTrainSide {
    /** The command-line entry point, named (not referenced) so this layer stays below the CLI, as app.sweep does. */
    static final String MAIN = "org.ndsw.cli.Main";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** JVM options not handed on: debuggers and agents would clash or distort the timing. */
    private static final List<String> NOT_INHERITED = List.of("-agentlib", "-agentpath", "-javaagent", "-Xdebug",
            "-Xrunjdwp");

    private NdswTrainSide() {}

    /** Runs `ndsw train --engine engine` once in `dir` and reads its record. */
    static SideRun run(String engine, WholeRunOptions o, CpuInfo cpu, Path dir, int position, ProgressSink cancel) {
        Path record = dir.resolve("record.json");
        Path log = dir.resolve("train.log");
        ChildProcess.Ended end = ChildProcess.run(command(engine, o, dir), environment(cpu), dir.resolve("stdout.txt"),
                log, cancel);
        if (end.exitCode() != 0 || !Files.isRegularFile(record)) {
            throw new NdswException("ndsw train --engine " + engine + " failed (exit code " + end.exitCode() + "): "
                    + ChildProcess.tail(log, 5));
        }
        return read(engine, record, o.batch(), position, end);
    }

    /** The command line: java, this JVM's options, this jar (or class path), `train` and the shared arguments. */
    static List<String> command(String engine, WholeRunOptions o, Path dir) {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(List.of("train", "--net", SpecJson.toJson(o.net()).toString(), "--data", o.data().toString(),
                "--epochs", Integer.toString(o.epochs()), "--batch", Integer.toString(o.batch()), "--threads",
                Integer.toString(o.threads()), "--engine", engine));
        if (o.trainSubset() > 0) {
            cmd.addAll(List.of("--train-subset", Integer.toString(o.trainSubset())));
        }
        if (o.testSubset() > 0) {
            cmd.addAll(List.of("--test-subset", Integer.toString(o.testSubset())));
        }
        cmd.addAll(List.of("--subset-seed", Long.toString(o.subsetSeed())));
        if (o.checkpoints()) {
            cmd.addAll(List.of("--checkpoint-dir", dir.resolve("checkpoint").toString()));
        }
        cmd.addAll(List.of("--out", dir.resolve("record.json").toString(), "--quiet"));
        return cmd;
    }

    /** `java [options] -jar ndsw.jar`, or `java [options] -cp CLASSPATH org.ndsw.cli.Main` when not run from a jar. */
    static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (NOT_INHERITED.stream().noneMatch(arg::startsWith)) {
                cmd.add(arg);
            }
        }
        Path jar = ownJar();
        if (jar != null) {
            cmd.addAll(List.of("-jar", jar.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        }
        return cmd;
    }

    /** The jar holding this class, or null when it runs from a classes folder (tests, an IDE). */
    private static Path ownJar() {
        try {
            var source = NdswTrainSide.class.getProtectionDomain().getCodeSource();
            Path p = source == null ? null : Path.of(source.getLocation().toURI());
            return p != null && Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The launcher's OPENBLAS_CORETYPE when the user has not set it (packaging/bin/ndsw; DL4J's kernels). */
    static Map<String, String> environment(CpuInfo cpu) {
        String core = cpu.openBlasCoreType();
        return System.getenv("OPENBLAS_CORETYPE") == null && core != null ? Map.of("OPENBLAS_CORETYPE", core) : Map.of();
    }

    /** Reads the record `ndsw train --out` wrote. */
    static SideRun read(String engine, Path record, int batch, int position, ChildProcess.Ended end) {
        JsonNode r;
        try {
            r = MAPPER.readTree(record.toFile());
        } catch (IOException e) {
            throw new NdswException(record + ": cannot read the record of ndsw train: " + e.getMessage(), e);
        }
        if (!"done".equals(r.path("status").asText())) {
            throw new NdswException(record + ": ndsw train --engine " + engine + " ended " + r.path("status").asText()
                    + (r.has("error") ? ": " + r.get("error").asText() : ""));
        }
        long trainImages = r.path("data").path("train_images").asLong();
        return new SideRun(engine, position, end.wallSeconds(), end.cpuSeconds(),
                end.secondsUntil(Instant.parse(r.path("started").asText())), r.path("wall_time").asDouble(),
                doubles(r.path("train_ep_times")), doubles(r.path("test_ep_times")), trainImages / batch * batch,
                r.path("data").path("test_images").asLong(), r.path("engine_params").asLong(),
                r.path("engine_device").asText(), versions(r.path("versions")), r.path("final_test_top1").asDouble());
    }

    private static double[] doubles(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
    }

    /** "ndsw 0.1.0, java 17.0.15, djl 0.36.0, pytorch 2.7.1" from the record's versions. */
    private static String versions(JsonNode v) {
        List<String> parts = new ArrayList<>();
        v.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asText()));
        return parts.stream().collect(Collectors.joining(", "));
    }
}
