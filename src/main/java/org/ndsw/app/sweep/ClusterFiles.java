package org.ndsw.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunEntry;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.RunTicket;
import org.ndsw.train.EpochRecord;

/**
 * The files of a cluster sweep (docs/cluster.md): job files `jobs/run-NNNNN.json` (NNNNN the array index) that
 * `sweep plan` writes, and per run `results/run-SSSSS.progress.json` and `results/run-SSSSS.json` (SSSSS the run's
 * seq) that `sweep worker --job` writes and `sweep collect` reads. Every file is written whole (temp name, rename).
 * Field names are a contract: fields may be added, never renamed.
 */
public final class ClusterFiles {
    /** Format tag of job files. */
    public static final String JOB_FORMAT = "ndsw-cluster-job/1";
    /** Format tag of progress files. */
    public static final String PROGRESS_FORMAT = "ndsw-cluster-progress/1";
    /** Format tag of result files. */
    public static final String RESULT_FORMAT = "ndsw-cluster-result/1";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ClusterFiles() {}

    /**
     * One run to train, as a job file holds it.
     *
     * @param model the model's hash; with the seed the run's key in the catalogue
     * @param net the canonical `net` JSON
     * @param definition the sweep definition JSON (as `sweep export` writes it)
     */
    public record Job(long runId, String sweep, int seq, long seed, String model, String net, String space,
            String definition, Path checkpointDir) {
        /** The ticket the shared trainer reads. */
        RunTicket ticket() {
            return new RunTicket(runId, sweep, seq, seed, net, space, definition, checkpointDir.toString(),
                    RunStatus.RUNNING, null);
        }
    }

    /** The job file of array task `index`. */
    public static Path jobFile(Path planDir, int index) {
        return planDir.resolve("jobs").resolve(String.format(Locale.ROOT, "run-%05d.json", index));
    }

    /** The final record of the run with this seq. */
    public static Path resultFile(Path resultDir, int seq) {
        return resultDir.resolve(String.format(Locale.ROOT, "run-%05d.json", seq));
    }

    /** The progress file of the run with this seq. */
    public static Path progressFile(Path resultDir, int seq) {
        return resultDir.resolve(String.format(Locale.ROOT, "run-%05d.progress.json", seq));
    }

    /** Writes a job file. */
    static void writeJob(Job j, Path file) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", JOB_FORMAT);
        o.put("run_id", j.runId());
        o.put("sweep", j.sweep());
        o.put("seq", j.seq());
        o.put("seed", j.seed());
        o.put("model", j.model());
        o.set("net", tree(j.net(), file));
        o.put("space", j.space());
        o.set("definition", tree(j.definition(), file));
        o.put("checkpoint_dir", j.checkpointDir().toString());
        AtomicWrite.text(file, o.toPrettyString() + "\n");
    }

    /** Reads a job file; a missing or bad field is an error naming the file and field. */
    public static Job readJob(Path file) {
        JsonNode o = read(file, JOB_FORMAT);
        return new Job(field(o, "run_id", file).asLong(), text(o, "sweep", file), field(o, "seq", file).asInt(),
                field(o, "seed", file).asLong(), text(o, "model", file), field(o, "net", file).toString(),
                text(o, "space", file), field(o, "definition", file).toString(),
                Path.of(text(o, "checkpoint_dir", file)));
    }

    /** Writes the progress of a running run: its finished epochs (whole curves) and when it was last alive. */
    static void writeProgress(Job j, List<EpochRecord> epochs, Path file) {
        ObjectNode o = identity(PROGRESS_FORMAT, j);
        o.put("epochs_done", epochs.size());
        o.put("updated", System.currentTimeMillis());
        o.set("curves", curves(Outcomes.curves(epochs)));
        AtomicWrite.text(file, o.toPrettyString() + "\n");
    }

    /** Writes the final record: the NDS-style record, the catalogue row, the failure reason and the log tail. */
    static void writeResult(Job j, ObjectNode record, RunEntry e, String failure, String logTail, Path file) {
        ObjectNode o = identity(RESULT_FORMAT, j);
        o.put("status", e.status().label());
        o.put("failure", failure);
        o.put("log_tail", logTail);
        o.set("record", record);
        o.set("entry", entry(e));
        AtomicWrite.text(file, o.toPrettyString() + "\n");
    }

    /** A progress file as collect reads it. */
    record Progress(int seq, long seed, String model, int epochsDone, long updated, RunData.Curves curves) {}

    /** A result file as collect reads it. */
    record Result(int seq, long seed, String model, RunEntry entry, String failure, String logTail) {}

    static Progress readProgress(Path file) {
        JsonNode o = read(file, PROGRESS_FORMAT);
        return new Progress(field(o, "seq", file).asInt(), field(o, "seed", file).asLong(), text(o, "model", file),
                field(o, "epochs_done", file).asInt(), field(o, "updated", file).asLong(),
                curves(field(o, "curves", file)));
    }

    static Result readResult(Path file) {
        JsonNode o = read(file, RESULT_FORMAT);
        JsonNode e = field(o, "entry", file);
        RunEntry entry;
        try {
            entry = new RunEntry(e.path("seq").asInt(), longOrNull(e, "seed"),
                    RunStatus.parse(e.path("status").asText()), doubleOrNull(e, "error"),
                    doubleOrNull(e, "final_error"), e.path("epochs").isNull() ? null : e.path("epochs").asInt(),
                    longOrNull(e, "flops"), longOrNull(e, "params"), doubleOrNull(e, "base_lr"),
                    doubleOrNull(e, "wd"), e.path("max_ep").isNull() ? null : e.path("max_ep").asInt(),
                    textOrNull(e, "engine"), textOrNull(e, "host"), textOrNull(e, "started"),
                    textOrNull(e, "finished"), doubleOrNull(e, "train_seconds"), textOrNull(e, "provenance"),
                    new RunData(textOrNull(e, "optim"), curves(e.path("curves")), textOrNull(e, "extra")));
        } catch (NdswException ex) {
            throw new NdswException(file + ": field \"entry\": " + ex.getMessage(), ex);
        }
        return new Result(field(o, "seq", file).asInt(), field(o, "seed", file).asLong(), text(o, "model", file),
                entry, textOrNull(o, "failure"), textOrNull(o, "log_tail"));
    }

    private static ObjectNode identity(String format, Job j) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", format);
        o.put("sweep", j.sweep());
        o.put("seq", j.seq());
        o.put("seed", j.seed());
        o.put("model", j.model());
        o.put("run_id", j.runId());
        return o;
    }

    private static ObjectNode entry(RunEntry e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("seq", e.seq());
        o.put("seed", e.seed());
        o.put("status", e.status().label());
        o.put("error", e.error());
        o.put("final_error", e.finalError());
        o.put("epochs", e.epochs());
        o.put("flops", e.flops());
        o.put("params", e.params());
        o.put("base_lr", e.baseLr());
        o.put("wd", e.wd());
        o.put("max_ep", e.maxEp());
        o.put("engine", e.engine());
        o.put("host", e.host());
        o.put("started", e.started());
        o.put("finished", e.finished());
        o.put("train_seconds", e.trainSeconds());
        o.put("provenance", e.provenance());
        o.put("optim", e.data().optim());
        o.put("extra", e.data().extra());
        o.set("curves", curves(e.data().curves()));
        return o;
    }

    private static ObjectNode curves(RunData.Curves c) {
        ObjectNode o = MAPPER.createObjectNode();
        putCurve(o, "test_ep_top1", c.testEpTop1());
        putCurve(o, "train_ep_top1", c.trainEpTop1());
        putCurve(o, "train_ep_loss", c.trainEpLoss());
        putCurve(o, "test_ep_loss", c.testEpLoss());
        return o;
    }

    private static RunData.Curves curves(JsonNode o) {
        return new RunData.Curves(curve(o, "test_ep_top1"), curve(o, "train_ep_top1"), curve(o, "train_ep_loss"),
                curve(o, "test_ep_loss"), null, null);
    }

    private static void putCurve(ObjectNode o, String key, double[] v) {
        if (v == null) {
            o.putNull(key);
            return;
        }
        ArrayNode a = o.putArray(key);
        for (double d : v) {
            a.add(d);
        }
    }

    private static double[] curve(JsonNode o, String key) {
        JsonNode a = o.path(key);
        if (!a.isArray()) {
            return null;
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static JsonNode read(Path file, String format) {
        JsonNode o;
        try {
            o = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new NdswException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new NdswException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (o == null || !o.isObject() || !format.equals(o.path("format").asText(null))) {
            throw new NdswException(file + ": field \"format\" must be \"" + format + "\", got "
                    + (o == null || !o.isObject() ? "no JSON object" : Quote.cut(String.valueOf(o.get("format")))));
        }
        return o;
    }

    private static JsonNode field(JsonNode o, String key, Path file) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            throw new NdswException(file + ": field \"" + key + "\" is missing");
        }
        return v;
    }

    private static String text(JsonNode o, String key, Path file) {
        JsonNode v = field(o, key, file);
        if (!v.isTextual()) {
            throw new NdswException(file + ": field \"" + key + "\" must be a string, got " + Quote.cut(v.toString()));
        }
        return v.textValue();
    }

    private static String textOrNull(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double doubleOrNull(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static Long longOrNull(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static JsonNode tree(String json, Path file) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NdswException(file + ": cannot write a job: stored JSON is invalid: " + e.getOriginalMessage(), e);
        }
    }
}
