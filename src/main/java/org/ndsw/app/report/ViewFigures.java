package org.ndsw.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.app.analysis.AnalysisFigures;
import org.ndsw.app.analysis.ModelDrawings;
import org.ndsw.app.analysis.RunCurves;
import org.ndsw.figure.Figure;
import org.ndsw.figure.FigureSize;
import org.ndsw.figure.FigureWriter;

/** The analysis views of some sets as named figures, and writing them as PNG and SVG. */
public final class ViewFigures {
    /**
     * One view.
     *
     * @param stem file name without extension, safe on every file system
     * @param figure the figure
     */
    public record Named(String stem, Figure figure) {}

    private ViewFigures() {}

    /** Error against one parameter, one figure per set that has it (side by side in the report). */
    public static List<Named> parameter(List<SetViews> sets, String parameter) {
        List<Named> out = new ArrayList<>();
        for (SetViews v : sets) {
            if (v.has(parameter)) {
                out.add(new Named("param-" + safe(parameter) + "-" + safe(v.set().label()),
                        AnalysisFigures.errorVsParameter(v.analysis(), v.errors(), v.table(), parameter)));
            }
        }
        return out;
    }

    /** The 2-D rank map of two parameters, one figure per set that has both. */
    public static List<Named> map(List<SetViews> sets, String px, String py) {
        List<Named> out = new ArrayList<>();
        for (SetViews v : sets) {
            if (v.has(px) && v.has(py)) {
                out.add(new Named("map-" + safe(px) + "-" + safe(py) + "-" + safe(v.set().label()),
                        AnalysisFigures.rankMap(v.set().label(), v.errors(), v.table(), px, py)));
            }
        }
        return out;
    }

    /** Trends of one parameter across the sets (one figure), or none when no set has it. */
    public static List<Named> trends(List<SetViews> sets, String parameter) {
        if (sets.stream().noneMatch(v -> v.has(parameter))) {
            return List.of();
        }
        return List.of(new Named("trends-" + safe(parameter), AnalysisFigures.trends(
                sets.stream().map(SetViews::analysis).toList(), parameter)));
    }

    /** Drawings of the k best models of each set (file stems model-SET-RANK, with -normal/-reduce for cells). */
    public static List<Named> bestModels(List<SetViews> sets, int k) {
        List<Named> out = new ArrayList<>();
        for (SetViews v : sets) {
            int[] order = org.ndsw.analysis.BestOfSample.rankOrder(v.errors());
            for (int i = 0; i < Math.min(k, order.length); i++) {
                org.ndsw.analysis.AnalysisModel m = v.set().models().get(order[i]);
                if (m.net() == null) {
                    continue;
                }
                String title = String.format(Locale.ROOT, "%s #%d (%.2f%%)", v.set().label(), i + 1, m.error());
                out.addAll(model("model-" + safe(v.set().label()) + "-" + (i + 1), title, m.net()));
            }
        }
        return out;
    }

    /** The drawings of one model under a file stem: STEM, or STEM-normal and STEM-reduce for a cell net. */
    public static List<Named> model(String stem, String title, org.ndsw.space.ModelSpec net) {
        List<Figure> figures = ModelDrawings.of(title, net);
        if (figures.size() == 1) {
            return List.of(new Named(stem, figures.get(0)));
        }
        return List.of(new Named(stem + "-normal", figures.get(0)), new Named(stem + "-reduce", figures.get(1)));
    }

    /** Curves of the k best and k worst runs per set that recorded curves. */
    public static List<Named> curves(List<SetViews> sets) {
        List<Named> out = new ArrayList<>();
        for (SetViews v : sets) {
            RunCurves.Extremes c = v.curves();
            if (c.empty()) {
                continue;
            }
            String label = v.set().label();
            Figure best = AnalysisFigures.curves(label + ": best " + c.best().size() + " of " + c.total() + " runs",
                    c.best());
            Figure worst = AnalysisFigures.curves(label + ": worst " + c.worst().size() + " of " + c.total()
                    + " runs", c.worst());
            out.add(new Named("curves-best-" + safe(label), best));
            out.add(new Named("curves-worst-" + safe(label), worst));
        }
        return out;
    }

    /** Writes each figure as STEM.png and STEM.svg in the folder; returns the files written. */
    public static List<Path> write(List<Named> figures, Path dir, FigureSize size) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Named n : figures) {
                for (String ext : List.of(".png", ".svg")) {
                    Path p = dir.resolve(n.stem() + ext);
                    // Drawn under a hidden name, then moved: a failed drawing never leaves half a file.
                    Path tmp = dir.resolve("." + n.stem() + ".tmp" + ext);
                    FigureWriter.write(n.figure(), tmp, size);
                    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    written.add(p);
                }
            }
        } catch (IOException e) {
            throw new NdswException("cannot write figures to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** A name made safe for a file (see {@link #safe}). */
    public static String safeName(String name) {
        return safe(name);
    }

    /** A name made safe for a file: letters, digits, '-', '_' and '.' kept, brackets as '-', the rest '_'. */
    static String safe(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.') {
                b.append(c);
            } else if (c != ']') {
                b.append(c == '[' ? '-' : '_');
            }
        }
        String s = b.toString().toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "_" : s;
    }
}
