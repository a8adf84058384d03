package org.ndsw.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.train.Device;
import org.ndsw.train.Recipe;
import org.ndsw.train.data.ImageRecipe;
import org.ndsw.Quote;

/**
 * A sweep definition as a small JSON file (`ndsw sweep export` / `ndsw sweep import`) and as the `source` of a
 * sampled sweep in the catalogue. Field names are a contract: fields may be added, never renamed. A field added later
 * reads as its old meaning when missing: `device` (added with GPU sweeps) reads as "cpu", and the recipe's `cutout`,
 * `aux_weight` and `drop_path_prob` (added with the enhanced setup, paper §5.4) read as 0, the plain recipe, so
 * catalogues and files written before them keep their sweeps. `sampled` (added with sampled training
 * hyperparameters) is written only when lr or wd is sampled, as {"lr": [lo, hi], "wd": [lo, hi]} (either may be
 * missing), and reads as no sampling when missing.
 */
public final class DefinitionJson {
    /** The format tag written in every file. */
    public static final String FORMAT = "ndsw-sweep/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("format", "name", "space", "n", "seed", "window", "convention",
            "recipe", "data", "train_subset", "test_subset", "subset_seed", "engine", "device", "seeds_per_model",
            "image", "sampled");

    private DefinitionJson() {}

    /** The JSON tree of a definition. */
    public static ObjectNode toJson(SweepDefinition d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("name", d.name());
        o.put("space", d.space());
        o.put("n", d.n());
        o.put("seed", d.seed());
        ObjectNode w = o.putObject("window");
        putBound(w, "min_params", d.window().minParams(), 0);
        putBound(w, "max_params", d.window().maxParams(), Long.MAX_VALUE);
        putBound(w, "min_flops", d.window().minFlops(), 0);
        putBound(w, "max_flops", d.window().maxFlops(), Long.MAX_VALUE);
        o.put("convention", d.convention().cliName());
        Recipe r = d.recipe();
        ObjectNode rj = o.putObject("recipe");
        rj.put("epochs", r.epochs());
        rj.put("batch_size", r.batchSize());
        rj.put("test_batch_size", r.testBatchSize());
        rj.put("base_lr", r.baseLr());
        rj.put("momentum", r.momentum());
        rj.put("nesterov", r.nesterov());
        rj.put("wd", r.weightDecay());
        rj.put("diverge_loss", r.divergeLoss());
        rj.put("cutout", r.cutout());
        rj.put("aux_weight", r.auxWeight());
        rj.put("drop_path_prob", r.dropPath());
        o.put("data", d.data());
        o.put("train_subset", d.trainSubset());
        o.put("test_subset", d.testSubset());
        o.put("subset_seed", d.subsetSeed());
        o.put("engine", d.engine());
        o.put("device", d.device().cliName());
        o.put("seeds_per_model", d.seedsPerModel());
        if (d.image() != null) {
            o.putObject("image").put("im_size", d.image().imSize()).put("test_im_size", d.image().testImSize())
                    .put("pca_std", d.image().pcaStd());
        }
        if (d.sampled().any()) {
            ObjectNode s = o.putObject("sampled");
            putRange(s, "lr", d.sampled().lr());
            putRange(s, "wd", d.sampled().wd());
        }
        return o;
    }

    /** The definition as indented JSON text. */
    public static String text(SweepDefinition d) {
        try {
            return MAPPER.writeValueAsString(toJson(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Writes a definition file (whole or not at all). */
    public static void write(SweepDefinition d, Path file) {
        AtomicWrite.text(file, text(d) + "\n");
    }

    /** Reads a definition file. */
    public static SweepDefinition read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new NdswException(file + ": no such file", e);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a definition; `where` names the file (or the catalogue sweep) in messages. */
    public static SweepDefinition parse(String json, String where) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NdswException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new NdswException(where + ": expected a JSON object with the sweep definition");
        }
        if (!FORMAT.equals(o.path("format").asText(null))) {
            throw new NdswException(where + ": field \"format\" must be \"" + FORMAT + "\", got "
                    + got(o.get("format")));
        }
        o.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new NdswException(where + ": unknown field " + Quote.of(f) + "; known: " + FIELDS);
            }
        });
        try {
            JsonNode w = o.path("window");
            JsonNode r = field(o, "recipe", where);
            Recipe recipe = new Recipe(integer(r, "epochs", where), integer(r, "batch_size", where),
                    integer(r, "test_batch_size", where), number(r, "base_lr", where), number(r, "momentum", where),
                    bool(r, "nesterov", where), number(r, "wd", where), number(r, "diverge_loss", where),
                    r.has("cutout") ? integer(r, "cutout", where) : 0,
                    r.has("aux_weight") ? number(r, "aux_weight", where) : 0,
                    r.has("drop_path_prob") ? number(r, "drop_path_prob", where) : 0);
            Window window = new Window(bound(w, "min_params", 0, where), bound(w, "max_params", Long.MAX_VALUE, where),
                    bound(w, "min_flops", 0, where), bound(w, "max_flops", Long.MAX_VALUE, where));
            return new SweepDefinition(string(o, "name", where), string(o, "space", where), integer(o, "n", where),
                    longValue(o, "seed", where), window, Convention.parse(string(o, "convention", where)), recipe,
                    string(o, "data", where), integer(o, "train_subset", where), integer(o, "test_subset", where),
                    longValue(o, "subset_seed", where), string(o, "engine", where), device(o, where),
                    integer(o, "seeds_per_model", where), image(o, where), sampled(o, where));
        } catch (NdswException e) {
            throw e.getMessage().startsWith(where) ? e : new NdswException(where + ": " + e.getMessage(), e);
        }
    }

    /** The image options of ImageNet-style folders, null when the field is missing (CIFAR-10 or the defaults). */
    private static ImageRecipe image(JsonNode o, String where) {
        if (!o.has("image")) {
            return null;
        }
        JsonNode i = o.get("image");
        if (!i.isObject()) {
            throw new NdswException(where + ": image must be an object with im_size, test_im_size and pca_std");
        }
        return new ImageRecipe(integer(i, "im_size", where), integer(i, "test_im_size", where),
                number(i, "pca_std", where));
    }

    /** The device, "cpu" when the field is missing (definitions written before sweeps had a device). */
    private static Device device(JsonNode o, String where) {
        if (!o.has("device")) {
            return Device.CPU;
        }
        JsonNode v = o.get("device");
        if (!v.isTextual() || !Set.of("cpu", "gpu").contains(v.textValue())) {
            throw new NdswException(where + ": field \"device\" must be \"cpu\" or \"gpu\", got " + got(v));
        }
        return Device.parse(v.textValue());
    }

    private static void putRange(ObjectNode s, String key, SampledOptim.LogRange r) {
        if (r != null) {
            s.putArray(key).add(r.lo()).add(r.hi());
        }
    }

    /** The sampled lr and wd, none when the field is missing (definitions written before sampling). */
    private static SampledOptim sampled(JsonNode o, String where) {
        JsonNode s = o.get("sampled");
        if (s == null || s.isNull()) {
            return SampledOptim.NONE;
        }
        if (!s.isObject()) {
            throw new NdswException(where + ": field \"sampled\" must be an object such as"
                    + " {\"lr\": [0.01, 1], \"wd\": [1e-5, 1e-3]}, got " + got(s));
        }
        s.fieldNames().forEachRemaining(f -> {
            if (!Set.of("lr", "wd").contains(f)) {
                throw new NdswException(where + ": unknown field \"sampled." + Quote.cut(f) + "\"; known: [lr, wd]");
            }
        });
        return new SampledOptim(range(s, "lr", where), range(s, "wd", where));
    }

    private static SampledOptim.LogRange range(JsonNode s, String key, String where) {
        JsonNode v = s.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
            throw new NdswException(where + ": field \"sampled." + key + "\" must be [lo, hi], got " + got(v));
        }
        try {
            return new SampledOptim.LogRange(v.get(0).doubleValue(), v.get(1).doubleValue());
        } catch (NdswException e) {
            throw new NdswException(where + ": field \"sampled." + key + "\": " + e.getMessage(), e);
        }
    }

    private static void putBound(ObjectNode w, String key, long v, long unset) {
        if (v == unset) {
            w.putNull(key);
        } else {
            w.put(key, v);
        }
    }

    private static JsonNode field(JsonNode o, String key, String where) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            throw new NdswException(where + ": field \"" + key + "\" is missing");
        }
        return v;
    }

    private static String string(JsonNode o, String key, String where) {
        JsonNode v = field(o, key, where);
        if (!v.isTextual()) {
            throw new NdswException(where + ": field \"" + key + "\" must be a string, got " + got(v));
        }
        return v.textValue();
    }

    private static long longValue(JsonNode o, String key, String where) {
        JsonNode v = field(o, key, where);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new NdswException(where + ": field \"" + key + "\" must be an integer, got " + got(v));
        }
        return v.longValue();
    }

    private static int integer(JsonNode o, String key, String where) {
        JsonNode v = field(o, key, where);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new NdswException(where + ": field \"" + key + "\" must be an integer, got " + got(v));
        }
        return v.intValue();
    }

    private static double number(JsonNode o, String key, String where) {
        JsonNode v = field(o, key, where);
        if (!v.isNumber()) {
            throw new NdswException(where + ": field \"" + key + "\" must be a number, got " + got(v));
        }
        return v.doubleValue();
    }

    private static boolean bool(JsonNode o, String key, String where) {
        JsonNode v = field(o, key, where);
        if (!v.isBoolean()) {
            throw new NdswException(where + ": field \"" + key + "\" must be true or false, got " + got(v));
        }
        return v.booleanValue();
    }

    private static long bound(JsonNode w, String key, long unset, String where) {
        JsonNode v = w.get(key);
        if (v == null || v.isNull()) {
            return unset;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new NdswException(where + ": field \"window." + key + "\" must be a non-negative integer or null,"
                    + " got " + got(v));
        }
        return v.longValue();
    }

    /** A bad value as messages quote it: at most {@link Quote#MAX} characters. */
    private static String got(JsonNode v) {
        return Quote.cut(String.valueOf(v));
    }

}
