package org.ndsw.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.space.CellOp;
import org.ndsw.space.CellSpec;
import org.ndsw.space.Genotype;
import org.ndsw.space.StageSpec;

/**
 * Extracts the parameters of a set of models, named as the catalogue's filter paths where they are fields of `net`.
 *
 * <ul>
 *   <li>stage-wise nets: {@code net.ds[i]}, {@code net.ws[i]} and, for bottleneck blocks, {@code net.bot_muls[i]} and
 *       {@code net.num_gs[i]} for every stage i (0 is the stem); {@code d}, the total depth of the stages after the
 *       stem, and {@code w}, their largest width (pycls's anynet_d and anynet_w); {@code net.se_r}, the
 *       squeeze-and-excitation ratio (0: none), where it varies within the set;</li>
 *   <li>cell nets: {@code net.width}, {@code net.depth}, {@code normal.OP} and {@code reduce.OP}, how often each op
 *       that occurs in the set appears in the normal and reduction cell, and {@code normal.outputs} and
 *       {@code reduce.outputs}, the number of states each cell concatenates;</li>
 *   <li>{@code params} (M) and {@code flops} (B) as recorded, computed for CIFAR-10 when a record has none;
 *       {@code acts} (M), computed for CIFAR-10 where the recorded params agree with that computation (so never for an
 *       ImageNet file);</li>
 *   <li>{@code lr} and {@code wd} where records hold them (optim.base_lr, optim.wd).</li>
 * </ul>
 */
final class Parameters {
    private static final Convention CONVENTION = Convention.NDS;

    private final int n;
    private final Map<String, double[]> columns = new LinkedHashMap<>();

    private Parameters(int n) {
        this.n = n;
    }

    static ParameterTable extract(List<AnalysisModel> models) {
        Parameters p = new Parameters(models.size());
        for (int i = 0; i < models.size(); i++) {
            p.addNet(i, models.get(i));
        }
        p.dropAbsentOps();
        p.dropConstant("net.se_r");
        for (int i = 0; i < models.size(); i++) {
            p.addNumbers(i, models.get(i));
        }
        return ParameterTable.complete(p.columns);
    }

    private void addNet(int i, AnalysisModel m) {
        if (m.net() instanceof StageSpec s) {
            addStages(i, s);
        } else if (m.net() instanceof CellSpec c) {
            addCells(i, c);
        }
    }

    private void addStages(int i, StageSpec s) {
        List<StageSpec.Stage> stages = s.stages();
        for (int k = 0; k < stages.size(); k++) {
            put("net.ds[" + k + "]", i, stages.get(k).depth());
        }
        for (int k = 0; k < stages.size(); k++) {
            put("net.ws[" + k + "]", i, stages.get(k).width());
        }
        if (s.blockType().isBottleneck()) {
            for (int k = 0; k < stages.size(); k++) {
                put("net.bot_muls[" + k + "]", i, stages.get(k).botMul());
            }
            for (int k = 0; k < stages.size(); k++) {
                put("net.num_gs[" + k + "]", i, stages.get(k).groups());
            }
        }
        put("net.se_r", i, s.seRatio());
        put("d", i, stages.stream().skip(1).mapToInt(StageSpec.Stage::depth).sum());
        put("w", i, stages.stream().skip(1).mapToInt(StageSpec.Stage::width).max().orElse(stages.get(0).width()));
    }

    private void addCells(int i, CellSpec c) {
        put("net.width", i, c.width());
        put("net.depth", i, c.depth());
        Genotype g = c.genotype();
        addOps("normal", i, g.normal());
        addOps("reduce", i, g.reduce());
        put("normal.outputs", i, g.normalConcat().size());
        put("reduce.outputs", i, g.reduceConcat().size());
    }

    private void addOps(String cell, int i, List<Genotype.Edge> edges) {
        int[] counts = new int[CellOp.values().length];
        edges.forEach(e -> counts[e.op().ordinal()]++);
        for (CellOp op : CellOp.values()) {
            put(cell + "." + op.recordName(), i, counts[op.ordinal()]);
        }
    }

    /** Keeps the op counts of ops that occur somewhere in the set, in either cell. */
    private void dropAbsentOps() {
        for (CellOp op : CellOp.values()) {
            String normal = "normal." + op.recordName();
            String reduce = "reduce." + op.recordName();
            if (columns.containsKey(normal) && !occurs(columns.get(normal)) && !occurs(columns.get(reduce))) {
                columns.remove(normal);
                columns.remove(reduce);
            }
        }
    }

    /** Drops a column whose values are all the same (or all missing): it explains nothing. */
    private void dropConstant(String name) {
        double[] v = columns.get(name);
        if (v != null && Arrays.stream(v).distinct().count() == 1) {
            columns.remove(name);
        }
    }

    private static boolean occurs(double[] counts) {
        return Arrays.stream(counts).anyMatch(c -> c > 0);
    }

    private void addNumbers(int i, AnalysisModel m) {
        Complexity cifar = m.net() == null ? null : Complexities.cifar(m.net(), CONVENTION);
        double params = !Double.isNaN(m.params()) ? m.params() : cifar == null ? Double.NaN : cifar.params();
        double flops = !Double.isNaN(m.flops()) ? m.flops() : cifar == null ? Double.NaN : cifar.flops();
        boolean cifarAgrees = cifar != null && (Double.isNaN(m.params()) || m.params() == cifar.params());
        put("params", i, params * 1e-6);
        put("flops", i, flops * 1e-9);
        if (cifar != null || columns.containsKey("acts")) {
            put("acts", i, cifarAgrees ? cifar.acts() * 1e-6 : Double.NaN);
        }
        if (!Double.isNaN(m.lr()) || columns.containsKey("lr")) {
            put("lr", i, m.lr());
        }
        if (!Double.isNaN(m.wd()) || columns.containsKey("wd")) {
            put("wd", i, m.wd());
        }
    }

    private void put(String name, int i, double value) {
        columns.computeIfAbsent(name, k -> {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        })[i] = value;
    }
}
