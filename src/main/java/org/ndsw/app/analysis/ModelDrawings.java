package org.ndsw.app.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.space.CellSpec;
import org.ndsw.space.Genotype;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.StageSpec;
import org.ndsw.figure.Axis;
import org.ndsw.figure.Figure;
import org.ndsw.figure.FigureKind;
import org.ndsw.figure.GraphSeries;
import org.ndsw.figure.LegendPlacement;
import org.ndsw.figure.LineSeries;
import org.ndsw.figure.Series;

/**
 * Drawings of models as figures: for a stage-wise net, the width of every block against its position in depth (a step
 * per stage, as the RegNet paper draws per-block widths); for a cell net, the normal and the reduction cell as graphs
 * whose edges carry their ops.
 */
public final class ModelDrawings {
    private ModelDrawings() {}

    /** The drawings of one model: one figure for a stage-wise net, two (normal, reduction) for a cell net. */
    public static List<Figure> of(String title, ModelSpec net) {
        if (net instanceof StageSpec s) {
            return List.of(widths(title, List.of(title), List.of(s)));
        }
        if (net instanceof CellSpec c) {
            return List.of(cell(title + ": normal cell", c.genotype().normal(), c.genotype().normalConcat()),
                    cell(title + ": reduction cell", c.genotype().reduce(), c.genotype().reduceConcat()));
        }
        throw new NdswException("cannot draw a net of family " + (net == null ? "null" : net.family()));
    }

    /**
     * Width against cumulative depth of some stage-wise nets, one step line each: stage i of depth d_i and width w_i
     * is a flat step from block D_{i-1} to D_i at w_i (D_i = d_1 + ... + d_i); the width axis is base-2 logarithmic.
     */
    public static Figure widths(String title, List<String> labels, List<StageSpec> nets) {
        if (nets.isEmpty() || labels.size() != nets.size()) {
            throw new IllegalArgumentException("need one label per net, got " + labels.size() + " and " + nets.size());
        }
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < nets.size(); k++) {
            series.add(steps(labels.get(k), nets.get(k)));
        }
        String subtitle = nets.size() == 1 ? stagesText(nets.get(0))
                : "width of each block against its depth, one line per net";
        return new Figure(FigureKind.MODEL, title, subtitle, Axis.count("block (cumulative depth)"),
                Axis.log("width", Axis.Scale.LOG2), series, List.of(),
                nets.size() == 1 ? LegendPlacement.NONE : LegendPlacement.BOTTOM);
    }

    /** The step line of one net: two points per stage, (D_{i-1}, w_i) and (D_i, w_i). */
    static LineSeries steps(String label, StageSpec net) {
        int n = net.stages().size();
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        int depth = 0;
        for (int i = 0; i < n; i++) {
            StageSpec.Stage st = net.stages().get(i);
            x[2 * i] = depth;
            depth += st.depth();
            x[2 * i + 1] = depth;
            y[2 * i] = st.width();
            y[2 * i + 1] = st.width();
        }
        return LineSeries.of(label, x, y);
    }

    /**
     * A cell as a graph, inputs on the left and the output on the right: states c_{k-2} and c_{k-1}, one node per
     * intermediate node (node i sums its two edges, each labelled with its op; two edges from the same state share a
     * line labelled "op1 + op2"), and c_{k}, the concatenation of the cell's outputs.
     */
    public static Figure cell(String title, List<Genotype.Edge> edges, List<Integer> concat) {
        int k = edges.size() / 2;
        List<GraphSeries.Node> nodes = new ArrayList<>();
        nodes.add(new GraphSeries.Node("c_{k-2}", 0, 1));
        nodes.add(new GraphSeries.Node("c_{k-1}", 0, -1));
        for (int i = 0; i < k; i++) {
            nodes.add(new GraphSeries.Node(Integer.toString(i), i + 1, i % 2 == 0 ? 0.5 : -0.5));
        }
        nodes.add(new GraphSeries.Node("c_{k}", k + 1, 0));
        Map<List<Integer>, String> labels = new LinkedHashMap<>();
        for (int e = 0; e < edges.size(); e++) {
            List<Integer> key = List.of(edges.get(e).input(), e / 2 + 2);
            String op = edges.get(e).op().recordName();
            labels.merge(key, op, (a, b) -> a + " + " + b);
        }
        List<GraphSeries.Edge> out = new ArrayList<>();
        labels.forEach((key, op) -> out.add(new GraphSeries.Edge(key.get(0), key.get(1), op)));
        for (int s : concat) {
            out.add(new GraphSeries.Edge(s, k + 2, ""));
        }
        return new Figure(FigureKind.MODEL, title, k + " nodes; output concatenates " + concat.stream()
                .map(s -> Integer.toString(s - 2)).toList() + " (left to right: inputs, nodes, output)",
                Axis.linear(""), Axis.linear(""), List.of(new GraphSeries("", nodes, out)), List.of(),
                LegendPlacement.NONE);
    }

    /** "res_bottleneck_block: 1x16 2x32 ..." (depth x width per stage). */
    static String stagesText(StageSpec s) {
        List<String> parts = new ArrayList<>();
        s.stages().forEach(st -> parts.add(st.depth() + "x" + st.width()));
        return s.blockType().recordName() + ": " + String.join(" ", parts);
    }
}
