package org.ndsw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;

/**
 * The PyTorch reference trainer (bench/train_pytorch.py) as a child process that trains on command, so its rounds can
 * interleave with ours. Idle between commands it blocks on its input and takes no CPU.
 */
final class PyTorchReference implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;
    private final Path stderr;
    private final String torchVersion;

    /** Starts the script on a directory of CIFAR-10 binary files. */
    PyTorchReference(Path python, Path script, Path data, int threads, int batch) {
        if (!Files.isRegularFile(script)) {
            throw new NdswException(script + ": no such file (the PyTorch reference script; run from the repository"
                    + " root or pass --script)");
        }
        try {
            stderr = Files.createTempFile("ndsw-pytorch", ".log");
            process = new ProcessBuilder(List.of(python.toString(), script.toString(), "--serve", "--data",
                    data.toString(), "--threads", Integer.toString(threads), "--batch", Integer.toString(batch)))
                    .redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new NdswException("cannot start " + python + ": " + e.getMessage(), e);
        }
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        torchVersion = read().path("torch").asText();
    }

    /** The torch version the script reported. */
    String torchVersion() {
        return torchVersion;
    }

    /** Builds a network and returns its parameter count. */
    long load(ModelSpec spec, long seed) {
        ObjectNode cmd = MAPPER.createObjectNode().put("cmd", "load").put("seed", seed);
        cmd.set("net", SpecJson.toJson(spec));
        return send(cmd).path("params").asLong();
    }

    /** Trains `steps` batches: images per wall second and per CPU second of the whole Python process. */
    TrainBenchmark.Speed train(int steps) {
        JsonNode r = send(MAPPER.createObjectNode().put("cmd", "train").put("steps", steps));
        double images = r.path("images").asDouble();
        return new TrainBenchmark.Speed(images / r.path("seconds").asDouble(),
                images / r.path("cpu_seconds").asDouble());
    }

    private JsonNode send(ObjectNode cmd) {
        in.println(cmd.toString());
        return read();
    }

    private JsonNode read() {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new NdswException("the PyTorch reference stopped: " + tail());
            }
            JsonNode node = MAPPER.readTree(line);
            if (node.has("error")) {
                throw new NdswException("the PyTorch reference failed: " + node.get("error").asText());
            }
            return node;
        } catch (IOException e) {
            throw new NdswException("cannot talk to the PyTorch reference: " + e.getMessage(), e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no error output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        in.println("{\"cmd\": \"quit\"}");
        in.close();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroy();
            }
            Files.deleteIfExists(stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        } catch (IOException e) {
            throw new NdswException(stderr + ": cannot delete: " + e.getMessage(), e);
        }
    }
}
