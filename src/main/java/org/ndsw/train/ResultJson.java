package org.ndsw.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ndsw.net.Networks;
import org.ndsw.space.SpecJson;

/**
 * Writes a run as an NDS-style record, readable like the released data.
 *
 * <p>The field names are a contract: fields may be added, never renamed. NDS fields: {@code net}, {@code flops},
 * {@code params}, {@code acts}, {@code min_test_top1}, {@code test_ep_top1}, {@code train_ep_top1},
 * {@code train_ep_loss}, {@code optim}, {@code rng_seed} (errors in percent, per-epoch lists in epoch order). Ours:
 * {@code status}, {@code engine}, {@code train_img_per_s}, {@code epoch_times} and the rest listed in docs/training.md.
 */
public final class ResultJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultJson() {}

    /** The record of a run. */
    public static ObjectNode toJson(TrainingResult r) {
        TrainingJob job = r.job();
        ObjectNode o = NODES.objectNode();
        o.set("net", SpecJson.toJson(job.spec()));
        if (job.space() != null) {
            o.put("space", job.space());
        }
        o.put("flops", r.complexity().flops());
        o.put("params", r.complexity().params());
        o.put("acts", r.complexity().acts());
        o.put("status", r.status().jsonName());
        putOptional(o, "min_test_top1", r.minTestTop1());
        putOptional(o, "final_test_top1", r.finalTestTop1());
        putCurves(o, r.epochs());
        if (job.recipe().dropPath() > 0) {
            o.set("drop_path_ep", curve(r.epochs(), e -> job.recipe().dropPathProb(e.epoch() - 1)));
        }
        putOptional(o, "train_img_per_s", r.trainImagesPerSecond());
        o.set("optim", optim(job.recipe()));
        o.set("augment", augment(job.recipe()));
        o.put("rng_seed", job.seed());
        o.set("seeds", seeds(job.seeds()));
        o.set("data", data(job.dataSummary()));
        o.put("engine", r.engine().name());
        o.put("device", r.engine().device());
        o.put("threads", r.engine().threads());
        o.put("engine_device", r.engine().description());
        o.put("engine_params", r.engineParams());
        if (job.recipe().auxWeight() > 0) {
            o.put("aux_params", ParameterLayout.auxiliaryCount(Networks.cifar(job.spec())));
        }
        o.set("versions", versions(r.engine().versions()));
        o.put("epochs_done", r.epochs().size());
        o.put("resumed_epochs", r.resumedEpochs());
        if (r.divergence() != null) {
            o.put("diverged_epoch", r.divergence().epoch());
            o.put("diverged_batch", r.divergence().batch());
            double loss = r.divergence().loss();
            if (Double.isFinite(loss)) {
                o.put("diverged_loss", loss);
            } else {
                o.put("diverged_loss", String.valueOf(loss));
            }
        }
        if (r.error() != null) {
            o.put("error", r.error());
        }
        o.set("host", map(r.host()));
        o.put("started", r.started().toString());
        o.put("finished", r.finished().toString());
        o.put("wall_time", r.wallSeconds());
        return o;
    }

    /**
     * The optim object: the recipe in NDS names plus ours, including the enhanced setup's values (paper §5.4):
     * {@code cutout} (side of the square, 0 = none), {@code aux_weight} (0 = no auxiliary head) and
     * {@code drop_path_prob} (the base probability, scaled by epoch/epochs as in DARTS; 0 = none).
     */
    public static ObjectNode optim(Recipe recipe) {
        ObjectNode o = NODES.objectNode();
        o.put("base_lr", recipe.baseLr());
        o.put("wd", recipe.weightDecay());
        o.put("max_ep", recipe.epochs());
        o.put("lr_policy", "cos");
        o.put("momentum", recipe.momentum());
        o.put("nesterov", recipe.nesterov());
        o.put("batch_size", recipe.batchSize());
        o.put("test_batch_size", recipe.testBatchSize());
        o.put("diverge_loss", recipe.divergeLoss());
        o.put("cutout", recipe.cutout());
        o.put("aux_weight", recipe.auxWeight());
        o.put("drop_path_prob", recipe.dropPath());
        return o;
    }

    /** The augment object: the training input pipeline (docs/reference/nds-json.md#training-recipe, and DARTS' cutout when on). */
    public static ObjectNode augment(Recipe recipe) {
        ObjectNode o = NODES.objectNode();
        o.put("pad", org.ndsw.train.data.Augment.PAD);
        o.put("crop", 32);
        o.put("flip", true);
        o.put("cutout", recipe.cutout());
        return o;
    }

    /** The seeds object. */
    public static ObjectNode seeds(Seeds s) {
        ObjectNode o = NODES.objectNode();
        o.put("init", s.init());
        o.put("data_order", s.order());
        o.put("augment", s.augment());
        return o;
    }

    /** Epoch records as a list of objects (the checkpoint form). */
    public static ArrayNode epochs(List<EpochRecord> epochs) {
        ArrayNode a = NODES.arrayNode();
        for (EpochRecord e : epochs) {
            ObjectNode o = a.addObject();
            o.put("epoch", e.epoch());
            o.put("lr", e.lr());
            o.put("train_loss", e.trainLoss());
            o.put("train_top1", e.trainTop1());
            o.put("test_loss", e.testLoss());
            o.put("test_top1", e.testTop1());
            o.put("train_seconds", e.trainSeconds());
            o.put("eval_seconds", e.evalSeconds());
            o.put("train_images", e.trainImages());
        }
        return a;
    }

    /** Reads epoch records written by {@link #epochs}. */
    public static List<EpochRecord> parseEpochs(JsonNode a) {
        List<EpochRecord> out = new ArrayList<>();
        for (JsonNode o : a) {
            out.add(new EpochRecord(o.get("epoch").intValue(), o.get("lr").doubleValue(),
                    o.get("train_loss").doubleValue(), o.get("train_top1").doubleValue(),
                    o.get("test_loss").doubleValue(), o.get("test_top1").doubleValue(),
                    o.get("train_seconds").doubleValue(), o.get("eval_seconds").doubleValue(),
                    o.get("train_images").longValue()));
        }
        return out;
    }

    /** The data object. */
    public static ObjectNode data(DataSummary d) {
        ObjectNode o = NODES.objectNode();
        o.put("name", d.name());
        o.put("format", d.format());
        o.put("path", d.path());
        o.put("train_images", d.trainImages());
        o.put("test_images", d.testImages());
        o.put("train_subset", d.trainSubset());
        o.put("test_subset", d.testSubset());
        return o;
    }

    private static void putCurves(ObjectNode o, List<EpochRecord> epochs) {
        o.set("test_ep_top1", curve(epochs, EpochRecord::testTop1));
        o.set("test_ep_loss", curve(epochs, EpochRecord::testLoss));
        o.set("train_ep_top1", curve(epochs, EpochRecord::trainTop1));
        o.set("train_ep_loss", curve(epochs, EpochRecord::trainLoss));
        o.set("lr_ep", curve(epochs, EpochRecord::lr));
        o.set("epoch_times", curve(epochs, EpochRecord::seconds));
        o.set("train_ep_times", curve(epochs, EpochRecord::trainSeconds));
        o.set("test_ep_times", curve(epochs, EpochRecord::evalSeconds));
        o.set("train_ep_img_per_s", curve(epochs, EpochRecord::trainImagesPerSecond));
    }

    private static ArrayNode curve(List<EpochRecord> epochs, ToDoubleFunction<EpochRecord> f) {
        ArrayNode a = NODES.arrayNode();
        epochs.forEach(e -> a.add(f.applyAsDouble(e)));
        return a;
    }

    private static ObjectNode versions(Map<String, String> engine) {
        ObjectNode o = NODES.objectNode();
        o.put("ndsw", RunHost.ndswVersion());
        o.put("java", System.getProperty("java.version"));
        engine.forEach(o::put);
        return o;
    }

    private static ObjectNode map(Map<String, String> m) {
        ObjectNode o = NODES.objectNode();
        m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> o.put(e.getKey(), e.getValue()));
        return o;
    }

    private static void putOptional(ObjectNode o, String key, java.util.OptionalDouble v) {
        if (v.isPresent()) {
            o.put(key, v.getAsDouble());
        } else {
            o.putNull(key);
        }
    }
}
