package org.ndsw.app.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.QueryText;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.pycls.PyclsConfigs;
import org.ndsw.pycls.PyclsYaml;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.space.StageSpec;

/**
 * Writes ready-to-train pycls YAML configs (docs/pycls.md#export) for a sweep (one per run, SWEEP-NNNN.yaml) or a
 * model (by hash or a prefix of at least 6 hex digits: one per model, HASH12.yaml): the net, MODEL.NUM_CLASSES and
 * IM_SIZE from the sweep's dataset (CIFAR-10: 10 classes, 32; ImageNet: 1,000 classes, 224 and a 256 test size), and
 * OPTIM from the run's recipe. A run imported from a pycls sweep.json keeps its own MODEL, ANYNET or REGNET and
 * TRAIN.IM_SIZE keys.
 */
public final class PyclsExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CatalogService catalog;

    /** What was written. */
    public record Result(String what, List<Path> files) {}

    /** An export from `catalog`. */
    public PyclsExport(Catalog catalog) {
        this.catalog = new CatalogService(catalog);
    }

    /** Writes the configs of sweep or model `target` into `dir`. */
    public Result export(String target, Path dir) {
        boolean sweep = catalog.sweeps().stream().map(SweepSummary::name).anyMatch(target::equals);
        ModelQuery q = sweep ? ModelQuery.of(target)
                : new ModelQuery(List.of(), modelCondition(target), List.of(), 0, 0);
        List<RunRow> rows = catalog.rows(Arrays.stream(catalog.modelIds(q)).boxed().toList()).stream()
                .filter(Objects::nonNull).toList();
        if (rows.isEmpty()) {
            throw new NdswException("no sweep or model " + Quote.of(target) + " in the catalogue");
        }
        List<String> names = new ArrayList<>();
        List<ObjectNode> configs = new ArrayList<>();
        Set<String> models = new LinkedHashSet<>();
        for (RunRow r : rows) {
            if (!sweep && !models.add(r.model())) {
                continue;
            }
            configs.add(config(r));
            names.add(sweep ? String.format(Locale.ROOT, "%s-%04d", r.sweep(), r.seq() + 1)
                    : r.model().substring(0, Math.min(12, r.model().length())));
        }
        return new Result(sweep ? "sweep " + target : "model " + target, PyclsYaml.writeFiles(dir, names, configs));
    }

    private static List<org.ndsw.catalog.Condition> modelCondition(String target) {
        if (!target.matches("[0-9a-f]{6,64}")) {
            throw new NdswException("no sweep named " + Quote.of(target) + ", and a model is named by its hash or a"
                    + " prefix of at least 6 lower-case hex digits (see ndsw models)");
        }
        return QueryText.where("model=" + target);
    }

    private ObjectNode config(RunRow r) {
        String where = "run " + r.seq() + " of sweep " + r.sweep();
        PyclsConfigs.Optim defaults = PyclsConfigs.Optim.NDS_CIFAR;
        PyclsConfigs.Optim optim = new PyclsConfigs.Optim(r.baseLr() != null ? r.baseLr() : defaults.baseLr(),
                r.wd() != null ? r.wd() : defaults.weightDecay(), r.maxEp() != null ? r.maxEp() : defaults.maxEpoch(),
                defaults.momentum(), defaults.nesterov());
        ObjectNode own = pyclsCfg(catalog.runData(r.run()));
        String dataset = own != null ? own.path("TRAIN").path("DATASET").asText(r.dataset()) : r.dataset();
        if (own != null) {
            return PyclsConfigs.trainable(own, optim, dataset);
        }
        ModelSpec spec = SpecJson.parseNet(r.net());
        if (!(spec instanceof StageSpec st)) {
            throw new NdswException(where + ": a cell net (" + r.family() + "); pycls configs express only stage-wise"
                    + " AnyNet nets");
        }
        boolean imagenet = "imagenet".equals(r.dataset());
        if (imagenet && st.stages().get(0).stride() != 2) {
            throw new NdswException(where + ": an ImageNet net whose stem has stride "
                    + st.stages().get(0).stride() + "; pycls names no stem of it (simple_stem_in has stride 2)");
        }
        ObjectNode c = PyclsConfigs.of(PyclsConfigs.anyNet(st, imagenet ? 1000 : PyclsConfigs.CIFAR_CLASSES),
                imagenet ? 224 : PyclsConfigs.CIFAR_SIZE);
        return PyclsConfigs.trainable(c, optim, imagenet ? "imagenet" : "cifar10");
    }

    /** The model keys of a run imported from a pycls sweep.json, or null. */
    private static ObjectNode pyclsCfg(RunData data) {
        if (data == null || data.extra() == null) {
            return null;
        }
        try {
            JsonNode cfg = JSON.readTree(data.extra()).get("pycls_cfg");
            if (cfg == null || !cfg.isObject()) {
                return null;
            }
            ObjectNode out = JSON.createObjectNode();
            for (String s : List.of("MODEL", "ANYNET", "REGNET")) {
                if (cfg.has(s) && !("ANYNET".equals(s) && "regnet".equals(cfg.path("MODEL").path("TYPE").asText()))
                        && !("REGNET".equals(s) && "anynet".equals(cfg.path("MODEL").path("TYPE").asText()))) {
                    out.set(s, cfg.get(s).deepCopy());
                }
            }
            ObjectNode train = out.putObject("TRAIN");
            for (String k : List.of("DATASET", "IM_SIZE")) {
                if (cfg.path("TRAIN").has(k)) {
                    train.set(k, cfg.path("TRAIN").get(k).deepCopy());
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
