package org.ndsw.pycls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.complexity.AnyNet;
import org.ndsw.complexity.PyclsConfig;
import org.ndsw.space.StageSpec;

/**
 * pycls's sweep output, the sweep.json that tools/sweep_collect.py writes (docs/pycls.md#sweepjson): a JSON list with
 * one entry per job, each the job's log data: "cfg" (the full config), "complexity" ({acts, flops, params}),
 * "train_epoch" and "test_epoch" (each metric a list over epochs, with "epoch_ind" and "epoch_max"), "log_file",
 * "err_file" and "err" (the job's stderr).
 */
public final class PyclsSweep {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /**
     * One job of a sweep.
     *
     * @param index position in the list, from 0
     * @param config the job's cfg
     * @param net the network the cfg builds
     * @param imageSize cfg.TRAIN.IM_SIZE
     * @param spec the net as a stage-wise spec
     * @param flops complexity.flops (pycls's convention: multiply-accumulates), or null
     * @param params complexity.params, or null
     * @param testTop1 test_epoch.top1_err by epoch, in % (empty if never tested)
     * @param minTop1 the last test_epoch.min_top1_err (the best epoch's error, in %), or null
     * @param trainTop1 train_epoch.top1_err by epoch, in %
     * @param trainLoss train_epoch.loss by epoch
     * @param epochMax the job's planned epochs (test_epoch.epoch_max, else OPTIM.MAX_EPOCH)
     * @param optim the OPTIM values (pycls's defaults where missing)
     * @param seed RNG_SEED
     */
    public record Job(int index, ObjectNode config, AnyNet net, int imageSize, StageSpec spec, Long flops, Long params, double[] testTop1, Double minTop1,
            double[] trainTop1, double[] trainLoss, int epochMax, PyclsConfigs.Optim optim, long seed) {
        /** The last test error, or null if never tested. */
        public Double finalError() {
            return testTop1.length == 0 ? null : testTop1[testTop1.length - 1];
        }

        /** True when the job tested its last planned epoch. */
        public boolean finished() {
            return testTop1.length > 0 && testTop1.length >= epochMax;
        }
    }

    private PyclsSweep() {}

    /** True if the stream starts as sweep_collect writes (sorted keys): `[{"cfg"`, whitespace allowed. */
    public static boolean looksLikeSweep(InputStream in) throws IOException {
        String head = new String(in.readNBytes(256), StandardCharsets.UTF_8).replaceAll("\\s", "");
        return head.startsWith("[{\"cfg\"");
    }

    /** True if `file` is a pycls sweep.json by its start. */
    public static boolean looksLikeSweep(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return looksLikeSweep(in);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads every job; an error names the file, the entry and the key. */
    public static List<Job> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new NdswException(file + ": not valid JSON: " + Quote.cut(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new NdswException(file + ": a pycls sweep.json must be a list of jobs, got "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                jobs.add(job(i, root.get(i)));
            } catch (NdswException e) {
                throw new NdswException(file + ": job " + i + where(root.get(i)) + ": " + e.getMessage(), e);
            }
        }
        return jobs;
    }

    private static String where(JsonNode entry) {
        JsonNode log = entry == null ? null : entry.get("log_file");
        return log != null && log.isTextual() ? " (" + Quote.cut(log.textValue()) + ")" : "";
    }

    private static Job job(int i, JsonNode e) {
        if (e == null || !e.isObject()) {
            throw new NdswException("a job must be an object with \"cfg\", got " + Quote.cut(String.valueOf(e)));
        }
        JsonNode cfg = e.get("cfg");
        if (cfg == null || !cfg.isObject()) {
            throw new NdswException("cfg must be the job's config (an object), got " + Quote.cut(String.valueOf(cfg)));
        }
        PyclsConfig parsed = PyclsConfig.parse(keysOfModel(cfg));
        StageSpec spec;
        try {
            spec = PyclsConfigs.spec(parsed.net());
        } catch (NdswException x) {
            throw new NdswException("cfg: " + x.getMessage(), x);
        }
        JsonNode c = e.path("complexity");
        JsonNode test = e.path("test_epoch");
        JsonNode train = e.path("train_epoch");
        JsonNode optim = cfg.path("OPTIM");
        PyclsConfigs.Optim o = new PyclsConfigs.Optim(number(optim, "cfg.OPTIM.BASE_LR", "BASE_LR", 0.1),
                number(optim, "cfg.OPTIM.WEIGHT_DECAY", "WEIGHT_DECAY", 5e-4),
                (int) count(optim, "cfg.OPTIM.MAX_EPOCH", "MAX_EPOCH", 200),
                number(optim, "cfg.OPTIM.MOMENTUM", "MOMENTUM", 0.9),
                optim.path("NESTEROV").asBoolean(true));
        double[] testTop1 = series(test, "test_epoch.top1_err", "top1_err");
        double[] mins = series(test, "test_epoch.min_top1_err", "min_top1_err");
        double[] maxes = series(test, "test_epoch.epoch_max", "epoch_max");
        int epochMax = maxes.length > 0 ? (int) maxes[maxes.length - 1] : o.maxEpoch();
        return new Job(i, (ObjectNode) cfg, parsed.net(), parsed.imageSize(), spec, nullableCount(c, "complexity.flops", "flops"),
                nullableCount(c, "complexity.params", "params"), testTop1,
                mins.length == 0 ? null : mins[mins.length - 1],
                series(train, "train_epoch.top1_err", "top1_err"), series(train, "train_epoch.loss", "loss"),
                epochMax, o, count(cfg, "cfg.RNG_SEED", "RNG_SEED", 1));
    }

    /** The sections PyclsConfig reads, so that the full cfg's other keys (OPTIM, BN, ...) do not matter. */
    private static ObjectNode keysOfModel(JsonNode cfg) {
        ObjectNode o = JSON.createObjectNode();
        for (String s : List.of("MODEL", "ANYNET", "REGNET", "TRAIN")) {
            if (cfg.has(s)) {
                o.set(s, cfg.get(s));
            }
        }
        if (o.get("MODEL") instanceof ObjectNode m) {
            ObjectNode model = m.deepCopy();
            model.retain("TYPE", "NUM_CLASSES");
            o.set("MODEL", model);
        }
        if (o.get("TRAIN") instanceof ObjectNode t) {
            ObjectNode tr = t.deepCopy();
            tr.retain("IM_SIZE");
            o.set("TRAIN", tr);
        }
        return o;
    }

    private static double[] series(JsonNode section, String key, String field) {
        JsonNode v = section.get(field);
        if (v == null) {
            return new double[0];
        }
        if (!v.isArray()) {
            throw new NdswException(key + " must be a list of numbers by epoch, got " + Quote.cut(v.toString()));
        }
        double[] out = new double[v.size()];
        for (int j = 0; j < out.length; j++) {
            if (!v.get(j).isNumber()) {
                throw new NdswException(key + "[" + j + "] must be a number, got " + Quote.cut(v.get(j).toString()));
            }
            out[j] = v.get(j).doubleValue();
        }
        return out;
    }

    private static double number(JsonNode s, String key, String field, double fallback) {
        JsonNode v = s.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new NdswException(key + " must be a number, got " + Quote.cut(v.toString()));
        }
        return v.doubleValue();
    }

    private static long count(JsonNode s, String key, String field, long fallback) {
        Long v = nullableCount(s, key, field);
        return v == null ? fallback : v;
    }

    private static Long nullableCount(JsonNode s, String key, String field) {
        JsonNode v = s.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new NdswException(key + " must be a non-negative integer, got " + Quote.cut(v.toString()));
        }
        return v.longValue();
    }
}
