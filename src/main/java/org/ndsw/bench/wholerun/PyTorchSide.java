package org.ndsw.bench.wholerun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.space.SpecJson;

/**
 * The reference side of a round: bench/train_pytorch.py in its whole-run mode, on the same directory, subsets (the
 * script ports ndsw's stratified selection), epochs, batch, test batch and threads.
 */
final class PyTorchSide {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PyTorchSide() {}

    /** Runs the script once in `dir` and reads its JSON lines. */
    static SideRun run(WholeRunOptions o, Path dir, int position, ProgressSink cancel) {
        Path out = dir.resolve("pytorch.jsonl");
        Path log = dir.resolve("pytorch.log");
        ChildProcess.Ended end = ChildProcess.run(command(o, dir), Map.of(), out, log, cancel);
        if (end.exitCode() != 0) {
            throw new NdswException(o.script() + " failed (exit code " + end.exitCode() + "): "
                    + ChildProcess.tail(log, 5));
        }
        return read(out, position, end);
    }

    /** The command line: the same arguments `ndsw train` gets, in the script's spelling. */
    static List<String> command(WholeRunOptions o, Path dir) {
        List<String> cmd = new ArrayList<>(List.of(o.python().toString(), o.script().toString(), "--net",
                SpecJson.toJson(o.net()).toString(), "--data", o.data().toString(), "--epochs",
                Integer.toString(o.epochs()), "--batch", Integer.toString(o.batch()), "--threads",
                Integer.toString(o.threads()), "--train-subset", Integer.toString(o.trainSubset()), "--test-subset",
                Integer.toString(o.testSubset()), "--subset-seed", Long.toString(o.subsetSeed())));
        if (o.checkpoints()) {
            cmd.addAll(List.of("--checkpoint-dir", dir.resolve("checkpoint").toString()));
        }
        return cmd;
    }

    /** Reads the epoch lines and the summary line. */
    static SideRun read(Path out, int position, ChildProcess.Ended end) {
        List<JsonNode> epochs = new ArrayList<>();
        JsonNode summary = null;
        try {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                JsonNode n = MAPPER.readTree(line);
                if (n.has("done")) {
                    summary = n;
                } else if (n.has("epoch")) {
                    epochs.add(n);
                }
            }
        } catch (IOException e) {
            throw new NdswException(out + ": cannot read the reference's output: " + e.getMessage(), e);
        }
        if (summary == null || epochs.isEmpty()) {
            throw new NdswException(out + ": the reference ended without its summary line");
        }
        double[] train = epochs.stream().mapToDouble(e -> e.path("seconds").asDouble()).toArray();
        double[] test = epochs.stream().mapToDouble(e -> e.path("test_seconds").asDouble()).toArray();
        JsonNode last = epochs.get(epochs.size() - 1);
        double runStarted = summary.path("run_started").asDouble();
        return new SideRun(WholeRunBenchmark.PYTORCH, position, end.wallSeconds(), end.cpuSeconds(),
                end.secondsUntil(Instant.ofEpochSecond((long) Math.floor(runStarted),
                        Math.round((runStarted - Math.floor(runStarted)) * 1e9))), summary.path("run_seconds").asDouble(), train, test, epochs.get(0).path("images").asLong(),
                summary.path("test_images").asLong(), summary.path("params").asLong(),
                summary.path("device").asText(), "torch " + summary.path("torch").asText(),
                last.path("test_top1").asDouble());
    }
}
