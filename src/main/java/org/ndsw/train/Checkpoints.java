package org.ndsw.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.space.SpecJson;

/**
 * A run's checkpoint directory: after every epoch, the weights, the momentum buffers and the finished epochs.
 *
 * <p>Files: {@code checkpoint.json} (net, optim, seeds, data, finished epochs, and the names of the two weight files),
 * {@code weights-epoch-NNN.npz} and {@code optimizer-epoch-NNN.npz}. Only the newest epoch's files are kept; the JSON
 * is replaced last, so an interrupted write leaves the previous checkpoint valid.
 */
public final class Checkpoints {
    /** The state file. */
    public static final String STATE = "checkpoint.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final TrainingJob job;

    /** The checkpoint directory of a job. */
    public Checkpoints(Path dir, TrainingJob job) {
        this.dir = dir;
        this.job = job;
    }

    /** Writes the model's weights and optimizer state after the finished epochs. */
    public void save(EngineModel model, List<EpochRecord> epochs) {
        int n = epochs.size();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NdswException(dir + ": cannot create the checkpoint directory: " + e.getMessage(), e);
        }
        String weights = String.format(Locale.ROOT, "weights-epoch-%03d.npz", n);
        String optimizer = String.format(Locale.ROOT, "optimizer-epoch-%03d.npz", n);
        Npz.write(model.weights(), dir.resolve(weights));
        Npz.write(model.optimizerState(), dir.resolve(optimizer));
        JsonNode previous = Files.exists(dir.resolve(STATE)) ? readState() : null;
        ObjectNode state = identity();
        state.put("epoch", n);
        state.put("weights", weights);
        state.put("optimizer", optimizer);
        state.set("epochs", ResultJson.epochs(epochs));
        writeState(state);
        if (previous != null) {
            deleteOld(previous, weights, optimizer);
        }
    }

    /** Loads the checkpoint into the model after checking it belongs to this job; returns the finished epochs. */
    public List<EpochRecord> restore(EngineModel model) {
        if (!Files.exists(dir.resolve(STATE))) {
            throw new NdswException(dir.resolve(STATE) + ": no checkpoint to resume from");
        }
        JsonNode state = withPlainDefaults(readState());
        ObjectNode expected = identity();
        for (String field : List.of("net", "optim", "seeds", "train_images", "test_images")) {
            if (!expected.get(field).equals(state.get(field))) {
                throw new NdswException(dir.resolve(STATE) + ": the checkpoint was written for another " + field + " ("
                        + state.get(field) + "), this run has " + expected.get(field));
            }
        }
        model.loadWeights(Npz.read(dir.resolve(state.get("weights").textValue())));
        model.loadOptimizerState(Npz.read(dir.resolve(state.get("optimizer").textValue())));
        return ResultJson.parseEpochs(state.get("epochs"));
    }

    /**
     * A checkpoint written before the recipe had cutout, aux weight and drop-path was trained without them: reads its
     * optim with those fields at 0, so it still resumes.
     */
    private static JsonNode withPlainDefaults(JsonNode state) {
        if (state instanceof ObjectNode o && o.get("optim") instanceof ObjectNode optim) {
            for (String field : List.of("cutout", "aux_weight", "drop_path_prob")) {
                if (!optim.has(field)) {
                    if (field.equals("cutout")) {
                        optim.put(field, 0);
                    } else {
                        optim.put(field, 0.0);
                    }
                }
            }
        }
        return state;
    }

    /** What must match for a checkpoint to be resumed: net, recipe, seeds, image counts. */
    private ObjectNode identity() {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("net", SpecJson.toJson(job.spec()));
        o.set("optim", ResultJson.optim(job.recipe()));
        o.set("seeds", ResultJson.seeds(job.seeds()));
        o.put("train_images", job.dataSummary().trainImages());
        o.put("test_images", job.dataSummary().testImages());
        return o;
    }

    private JsonNode readState() {
        try {
            return MAPPER.readTree(dir.resolve(STATE).toFile());
        } catch (IOException e) {
            throw new NdswException(dir.resolve(STATE) + ": cannot read the checkpoint: " + e.getMessage(), e);
        }
    }

    private void writeState(ObjectNode state) {
        try {
            AtomicWrite.bytes(dir.resolve(STATE), MAPPER.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new NdswException(dir.resolve(STATE) + ": cannot write the checkpoint: " + e.getMessage(), e);
        }
    }

    private void deleteOld(JsonNode previous, String weights, String optimizer) {
        for (String key : List.of("weights", "optimizer")) {
            String old = previous.path(key).asText("");
            if (!old.isEmpty() && !old.equals(weights) && !old.equals(optimizer)) {
                try {
                    Files.deleteIfExists(dir.resolve(old));
                } catch (IOException e) {
                    throw new NdswException(dir.resolve(old) + ": cannot delete an old checkpoint: " + e.getMessage(), e);
                }
            }
        }
    }
}
