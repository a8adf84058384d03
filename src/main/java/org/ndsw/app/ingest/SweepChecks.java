package org.ndsw.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.ndsw.catalog.ModelEntry;
import org.ndsw.catalog.nds.NdsFileName;
import org.ndsw.catalog.nds.NdsRecord;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.space.CellSpec;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.StageSpec;

/**
 * Verifies the records of one sweep while they are imported and collects the {@link VerificationReport}.
 *
 * <p>CIFAR stage-wise records: flops and params must equal ours (docs/reference/complexity.md, exact). NAS cell records: params must
 * equal ours; flops follow a counting rule that is not public (docs/reference/complexity.md#nas-cells), so differences are information only.
 * ImageNet (`_in`) stage-wise records: flops and params must equal ours on 224x224 with 1,000 classes after a
 * res_stem_in ({@link Complexities#imagenet}); ImageNet NAS cell records are not recomputed.
 */
final class SweepChecks {
    /** Tolerance between `min_test_top1` and min(`test_ep_top1`), both in %. */
    private static final double BEST_EPOCH_TOLERANCE = 1e-6;

    private final boolean imagenet;
    private final Tally flops = new Tally();
    private final Tally params = new Tally();
    private final Tally bestEpoch = new Tally();
    private final Tally skipped = new Tally();
    private final ValueSets values = new ValueSets();
    private int records;
    private int checked;
    private int cells;
    private int imagenetCells;
    private int bestChecked;

    SweepChecks(String dataset) {
        this.imagenet = NdsFileName.IMAGENET.equals(dataset);
    }

    /** Checks one imported record against its parsed spec and computed model. */
    void add(NdsRecord r, ModelSpec spec, ModelEntry m) {
        records++;
        if (!imagenet) {
            complexity(r, spec, m.complexity());
        } else if (spec instanceof StageSpec s && Complexities.isImagenetModelled(s)) {
            complexity(r, spec, Complexities.imagenet(s, Convention.NDS));
        } else {
            imagenetCells++;
        }
        Double min = r.minTestError();
        if (min != null && !min.isNaN()) {
            bestChecked++;
            if (Math.abs(r.error() - min) > BEST_EPOCH_TOLERANCE) {
                bestEpoch.add(r.where(), "min_test_top1 " + r.error() + ", min(test_ep_top1) " + min);
            }
        }
        collect(r, spec);
    }

    /** Counts a record left out by --skip-invalid. */
    void skip(NdsRecord r, String why) {
        records++;
        skipped.add(r.where(), why);
    }

    /** The report so far. */
    VerificationReport report() {
        return new VerificationReport(records, rule(), checked, flops.result(), cells > 0, params.result(), bestChecked,
                bestEpoch.result(), skipped.result(), values.values(), values.truncatedKeys());
    }

    /** The optimizer values seen, one value per key when constant: the sweep's training recipe. */
    Map<String, List<Object>> optimValues() {
        Map<String, List<Object>> all = values.values();
        all.keySet().removeIf(k -> !k.startsWith("optim."));
        return all;
    }

    private String rule() {
        if (imagenet) {
            return "recomputed from net on ImageNet (224x224, 1000 classes, res_stem_in), nds convention"
                    + " (docs/reference/complexity.md)" + (imagenetCells == 0 ? ""
                    : "; " + imagenetCells + " records not recomputed (NAS cells and"
                    + " double_plain_block: their ImageNet network is not modelled)");
        }
        String rule = "recomputed from net on CIFAR-10 (32x32, 10 classes), nds convention (docs/reference/complexity.md)";
        return cells == 0 ? rule : rule + "; NAS cells: params must match, flops differences are information only"
                + " (the data's NAS flops follow a counting rule that is not public)";
    }

    private void complexity(NdsRecord r, ModelSpec spec, Complexity ours) {
        checked++;
        boolean cell = spec instanceof CellSpec;
        cells += cell ? 1 : 0;
        if (r.params() != ours.params()) {
            params.add(r.where(), "recorded " + r.params() + ", computed " + ours.params());
        }
        if (r.flops() != ours.flops()) {
            flops.add(r.where(), "recorded " + r.flops() + ", computed " + ours.flops() + (cell ? " (MACs + BN term)" : ""));
        }
    }

    private void collect(NdsRecord r, ModelSpec spec) {
        if (spec instanceof StageSpec s) {
            values.add("block_type", s.blockType().recordName());
            for (int i = 0; i < s.stages().size(); i++) {
                StageSpec.Stage st = s.stages().get(i);
                values.add(key("ds", i), (long) st.depth());
                values.add(key("ws", i), (long) st.width());
                values.add(key("ss", i), (long) st.stride());
                if (s.blockType().isBottleneck()) {
                    values.add(key("bot_muls", i), st.botMul());
                    values.add(key("num_gs", i), (long) st.groups());
                }
            }
        } else {
            CellSpec c = (CellSpec) spec;
            values.add("width", (long) c.width());
            values.add("depth", (long) c.depth());
            values.add("aux", c.aux());
            values.add("drop_prob", c.dropProb());
            values.add("nodes", (long) c.genotype().nodes());
            c.genotype().normal().forEach(e -> values.add("normal ops", e.op().recordName()));
            c.genotype().reduce().forEach(e -> values.add("reduce ops", e.op().recordName()));
        }
        if (r.seed() != null) {
            values.add("rng_seed", r.seed());
        }
        if (r.epochs() != null) {
            values.add("epochs", (long) r.epochs());
        }
        if (r.optim() != null) {
            for (Map.Entry<String, JsonNode> f : r.optim().properties()) {
                values.add("optim." + f.getKey(), scalar(f.getValue()));
            }
        }
    }

    /** "ds[2]" and the like, made once per field and stage rather than once per record. */
    private final Map<String, String[]> keys = new java.util.HashMap<>();

    private String key(String field, int stage) {
        String[] k = keys.computeIfAbsent(field, f -> new String[16]);
        if (stage >= k.length) {
            return field + "[" + stage + "]";
        }
        if (k[stage] == null) {
            k[stage] = field + "[" + stage + "]";
        }
        return k[stage];
    }

    private static Object scalar(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }
}
