package org.ndsw.ui.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.NdswException;
import org.ndsw.app.space.Refinement;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.analysis.ParameterRange;
import org.ndsw.app.analysis.AnalysisFigures;
import org.ndsw.app.compare.CatalogSets;
import org.ndsw.app.report.ReportOptions;
import org.ndsw.app.report.ReportService;
import org.ndsw.app.report.SetViews;
import org.ndsw.app.report.ViewFigures;
import org.ndsw.app.source.SourceSpec;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.catalog.Catalog;
import org.ndsw.figure.FigureSize;
import org.ndsw.figure.FigureWriter;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.Constraints;
import org.ndsw.space.DesignSpace;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.catalog.SweepInput;
import org.ndsw.ui.compare.CompareInput;
import org.ndsw.ui.task.TaskRunner;

/**
 * The analysis panel's state: the sets (as {@code ndsw analyze} names them), their analysis, the chosen parameter,
 * map pair and k, the figures of each view, and the refine loop (child space, child sweep, parent against child).
 * Reading and analysing run off the FX thread; figures are rebuilt from the analysis on every choice.
 */
public final class AnalysisViewModel {
    /** What the panel hands to the rest of the workbench. */
    public interface Hooks {
        /** Opens a space file in the Design spaces panel. */
        void openSpace(Path file);

        /** Starts training a sweep of the open catalogue in the Training panel (its SweepService path). */
        void train(String sweep);

        /** Makes these the Compare panel's sets. */
        void compare(List<CompareInput> sets);
    }

    /** One row of the parameter list: a parameter and, per set, its good range [lo, best, hi] or "" if absent. */
    public record Row(String name, List<String> good) {}

    /** A set's parent space and, for a catalogue sweep, the sweep's definition (null for imported sets). */
    public record Parent(DesignSpace space, SweepDefinition sweep) {}

    /** The analysis of the sets, read together. */
    public record Result(List<SetViews> sets, Map<String, Parent> parents) {}

    final ObservableList<String> sources = FXCollections.observableArrayList();
    final ObservableList<Row> rows = FXCollections.observableArrayList();
    final ObservableList<String> parameters = FXCollections.observableArrayList();
    final ObjectProperty<String> parameter = new SimpleObjectProperty<>();
    final ObjectProperty<String> mapX = new SimpleObjectProperty<>();
    final ObjectProperty<String> mapY = new SimpleObjectProperty<>();
    final IntegerProperty k = new SimpleIntegerProperty(3);
    /** Best models drawn per set in the "Best models" view. */
    static final int BEST_MODELS = 3;
    final ObservableList<ViewFigures.Named> parameterFigures = FXCollections.observableArrayList();
    /** Drawings of each set's best models (per-stage widths, or the cells). */
    final ObservableList<ViewFigures.Named> modelFigures = FXCollections.observableArrayList();
    final ObservableList<ViewFigures.Named> mapFigures = FXCollections.observableArrayList();
    final ObservableList<ViewFigures.Named> curveFigures = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Refinement.Child> child = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> childSweep = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Analyse the sets of the Compare panel.");
    private final TaskRunner tasks;
    private final ObservableValue<CatalogSession> session;
    private final Hooks hooks;
    /** The set the child was refined from. */
    private String childParentSet;

    /** A panel computing on `tasks` over the catalogue `session` (may hold null). */
    public AnalysisViewModel(TaskRunner tasks, ObservableValue<CatalogSession> session, Hooks hooks) {
        this.tasks = tasks;
        this.session = session;
        this.hooks = hooks;
        parameter.addListener((o, a, b) -> parameterFigures.setAll(figures(v -> withTrends(v, b), b)));
        mapX.addListener((o, a, b) -> rebuildMap());
        mapY.addListener((o, a, b) -> rebuildMap());
        k.addListener((o, a, b) -> analyse());
    }

    /** The sets to analyse, as {@code ndsw analyze} takes them. */
    public ObservableList<String> sources() {
        return sources;
    }

    /** Takes the Compare panel's sets (files and catalogue sweeps) and analyses them. */
    public void useCompareSets(List<CompareInput> sets) {
        sources.setAll(sets.stream().map(AnalysisViewModel::sourceOf).toList());
        analyse();
    }

    /** The analysis source text of a Compare set. */
    static String sourceOf(CompareInput in) {
        if (in instanceof SweepInput s) {
            return CatalogSets.PREFIX + s.sweep();
        }
        return in.label() + "=" + in.description();
    }

    /** Reads and analyses the sets in the background; the views follow. */
    public void analyse() {
        if (sources.isEmpty()) {
            message.set("No sets: add sets in the Compare panel, then Analyse.");
            return;
        }
        List<String> texts = List.copyOf(sources);
        Path catalogFile = session.getValue() == null ? null : session.getValue().file();
        int curves = k.get();
        message.set("Analysing " + texts.size() + " sets…");
        tasks.run("Analysing sets", p -> load(texts, catalogFile, curves)).onSuccess(this::publish)
                .onFailure(t -> message.set("Analysis failed: " + t.getMessage()));
    }

    private static Result load(List<String> texts, Path catalogFile, int curves) {
        boolean needs = texts.stream().anyMatch(CatalogSets::isCatalogSource);
        if (needs && catalogFile == null) {
            throw new NdswException("a set names a catalogue sweep but no catalogue is open");
        }
        try (Catalog c = needs ? Catalog.open(catalogFile) : null) {
            List<SetViews> sets = SetViews.load(texts, c, AnalysisOptions.DEFAULTS, curves);
            Map<String, Parent> parents = new HashMap<>();
            for (SetViews v : sets) {
                Parent p = parentOf(v, catalogFile);
                if (p != null) {
                    parents.put(v.set().label(), p);
                }
            }
            return new Result(sets, parents);
        }
    }

    /** The space a set was sampled from: its sweep's space, else the built-in space its label names; or null. */
    static Parent parentOf(SetViews v, Path catalogFile) {
        if (CatalogSets.isCatalogSource(v.source()) && catalogFile != null) {
            try {
                SweepDefinition def = new SweepService(catalogFile).definition(
                        v.set().source().substring(CatalogSets.PREFIX.length()));
                return new Parent(BuiltinSpaces.resolve(def.space()), def);
            } catch (NdswException notSampled) {
                // an imported sweep: fall back to its label
            }
        }
        String label = v.set().label();
        return BuiltinSpaces.NAMES.stream().filter(n -> n.equalsIgnoreCase(label)).findFirst()
                .map(n -> new Parent(BuiltinSpaces.resolve(n), null)).orElse(null);
    }

    private void publish(Result r) {
        result.set(r);
        List<String> labels = r.sets().stream().map(v -> v.set().label()).toList();
        List<String> names = SetViews.varying(r.sets());
        List<Row> out = new ArrayList<>();
        for (String name : names) {
            List<String> good = new ArrayList<>();
            for (SetViews v : r.sets()) {
                good.add(v.analysis().parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                        .map(AnalysisViewModel::goodText).orElse(""));
            }
            out.add(new Row(name, good));
        }
        rows.setAll(out);
        parameters.setAll(names);
        String keep = parameter.get();
        parameter.set(null);
        parameter.set(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        List<String> pair = r.sets().get(0).defaultMap();
        if (mapX.get() == null || !names.contains(mapX.get())) {
            mapX.set(pair.isEmpty() ? null : pair.get(0));
        }
        if (mapY.get() == null || !names.contains(mapY.get())) {
            mapY.set(pair.isEmpty() ? null : pair.get(1));
        }
        rebuildMap();
        curveFigures.setAll(ViewFigures.curves(r.sets()));
        modelFigures.setAll(ViewFigures.bestModels(r.sets(), BEST_MODELS));
        message.set(String.format(Locale.ROOT, "Analysed %s: %d parameters vary; good range = where the best of m"
                + " models lies (exact bootstrap, 95%%)", String.join(", ", labels), names.size()));
    }

    /** Each set's error against the parameter, then, for two sets or more, the trend of its good range across them. */
    static List<ViewFigures.Named> withTrends(List<SetViews> sets, String parameter) {
        List<ViewFigures.Named> out = new ArrayList<>(ViewFigures.parameter(sets, parameter));
        if (sets.size() > 1) {
            out.addAll(ViewFigures.trends(sets, parameter));
        }
        return out;
    }

    /** [lo, best, hi] as short numbers. */
    static String goodText(ParameterRange p) {
        double[] g = p.good();
        return "[" + AnalysisFigures.number(g[0]) + ", " + AnalysisFigures.number(g[1]) + ", "
                + AnalysisFigures.number(g[2]) + "]";
    }

    private void rebuildMap() {
        mapFigures.setAll(mapX.get() == null || mapY.get() == null ? List.of()
                : figures(v -> ViewFigures.map(v, mapX.get(), mapY.get()), mapX.get()));
    }

    private List<ViewFigures.Named> figures(java.util.function.Function<List<SetViews>, List<ViewFigures.Named>> of,
            String needed) {
        Result r = result.get();
        return r == null || needed == null ? List.of() : of.apply(r.sets());
    }

    /**
     * Writes each figure of a view: to `chosen` when there is one, else to NAME-STEM.EXT next to it, one per set;
     * the extension (.svg or .png, else .svg is added) picks the format.
     */
    public List<Path> exportAll(List<ViewFigures.Named> figures, Path chosen) {
        String name = chosen.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = lower.endsWith(".png") ? ".png" : ".svg";
        String base = lower.endsWith(".png") || lower.endsWith(".svg") ? name.substring(0, name.length() - 4) : name;
        List<Path> out = new ArrayList<>();
        for (ViewFigures.Named f : figures) {
            Path file = chosen.resolveSibling(figures.size() == 1 ? base + ext : base + "-" + f.stem() + ext);
            FigureWriter.write(f.figure(), file, FigureSize.LARGE);
            out.add(file);
        }
        message.set("Exported " + (out.size() == 1 ? out.get(0) : out.size() + " figures next to " + chosen));
        return out;
    }

    /** Shows a message. */
    void messagePlain(String text) {
        message.set(text);
    }

    /** The parent and the pre-filled value rule of refining set `set` by the selected parameter's good range. */
    public Refine draft(String set) {
        Result r = result.get();
        if (r == null) {
            throw new NdswException("analyse the sets first");
        }
        SetViews v = r.sets().stream().filter(s -> s.set().label().equals(set)).findFirst()
                .orElseThrow(() -> new NdswException("no set " + org.ndsw.Quote.of(set)));
        Parent p = r.parents().get(set);
        String name = parameter.get();
        Constraints.ValueRule rule = null;
        if (name != null && Refinement.param(name) != null && v.has(name)) {
            double[] g = v.analysis().parameters().stream().filter(q -> q.name().equals(name)).findFirst()
                    .orElseThrow().good();
            rule = Refinement.rule(name, g[0], g[2]);
        }
        String parentName = p == null ? set : p.space().name();
        return new Refine(set, p == null ? null : p.space(), parentName + "-refined", rule);
    }

    /** A pre-filled refinement: the set, its parent space (or null: the user picks it), the child's name and rule. */
    public record Refine(String set, DesignSpace parent, String childName, Constraints.ValueRule rule) {}

    /** Creates, writes and opens the child space, never over an existing file; true when it worked. */
    public boolean refine(String set, DesignSpace parent, String childName, List<Constraints.ValueRule> values,
            List<Constraints.Relation> relations, Path file) {
        return refine(set, parent, childName, values, relations, file, false);
    }

    /**
     * Creates, writes and opens the child space, replacing an existing file only if `replace` (the user agreed); true
     * when it worked (else the message says why).
     */
    public boolean refine(String set, DesignSpace parent, String childName, List<Constraints.ValueRule> values,
            List<Constraints.Relation> relations, Path file, boolean replace) {
        try {
            Refinement.Child c = Refinement.write(Refinement.child(parent, childName, values, relations), file,
                    replace);
            child.set(c);
            childParentSet = set;
            message.set(String.format(Locale.ROOT, "Wrote %s: %s, %,d models (parent %s: %,d)", file,
                    Refinement.describe(values, relations), c.size(), parent.name(), parent.size()));
            hooks.openSpace(file);
            return true;
        } catch (NdswException e) {
            message.set("Refine: " + e.getMessage());
            return false;
        }
    }

    /** The parent's sweep definition of the child's set, or null (an imported set or a file). */
    public SweepDefinition parentSweep() {
        Result r = result.get();
        Parent p = r == null || childParentSet == null ? null : r.parents().get(childParentSet);
        return p == null ? null : p.sweep();
    }

    /** Samples the child's sweep in the open catalogue, then starts it in the Training panel. */
    public void sampleAndTrain(ChildSweep request) {
        Refinement.Child c = child.get();
        CatalogSession s = session.getValue();
        if (c == null || s == null) {
            message.set(c == null ? "Refine a space first." : "Open or create a catalogue first (Catalogue panel).");
            return;
        }
        SweepDefinition def;
        try {
            def = request.definition(c.file(), parentSweep());
        } catch (NdswException e) {
            message.set("Child sweep: " + e.getMessage());
            return;
        }
        Path file = s.file();
        message.set("Sampling " + def.n() + " models of " + c.space().name() + "…");
        tasks.run("Creating sweep " + def.name(), p -> new SweepService(file).create(def, null)).onSuccess(cr -> {
            childSweep.set(cr.sweep());
            message.set("Created " + cr.sweep() + " (" + cr.models() + " models); training it in the Training panel");
            hooks.train(cr.sweep());
        }).onFailure(t -> message.set("Child sweep: " + t.getMessage()));
    }

    /** Puts the child's parent set and the child's sweep in Compare (EDFs, KS, random search). */
    public void compareParentAndChild() {
        String sweep = childSweep.get();
        CatalogSession s = session.getValue();
        if (sweep == null || s == null || childParentSet == null) {
            message.set("Sample and train the child sweep first.");
            return;
        }
        Result r = result.get();
        String parentSource = r.sets().stream().filter(v -> v.set().label().equals(childParentSet)).findFirst()
                .orElseThrow().source();
        CompareInput parent = CatalogSets.isCatalogSource(parentSource)
                ? new SweepInput(s, parentSource.substring(CatalogSets.PREFIX.length()))
                : CompareInput.file(SourceSpec.parse(parentSource));
        hooks.compare(List.of(parent, new SweepInput(s, sweep)));
        message.set("Compare shows " + childParentSet + " against " + sweep);
    }

    /** Writes the HTML report of the current sets (ReportService), in the background. */
    public void exportReport(Path out) {
        List<String> texts = List.copyOf(sources);
        Path catalogFile = session.getValue() == null ? null : session.getValue().file();
        message.set("Writing the report of " + texts.size() + " sets…");
        tasks.run("Writing report", p -> {
            boolean needs = texts.stream().anyMatch(CatalogSets::isCatalogSource);
            try (Catalog c = needs && catalogFile != null ? Catalog.open(catalogFile) : null) {
                new ReportService().write(texts, c, ReportOptions.DEFAULTS, out);
            }
            return out;
        }).onSuccess(o -> message.set("Wrote report " + o)).onFailure(t -> message.set("Report: " + t.getMessage()));
    }

    /** The latest analysis, or null. */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The last child written, or null. */
    public ReadOnlyObjectProperty<Refinement.Child> childProperty() {
        return child.getReadOnlyProperty();
    }

    /** The child's sweep once created, or null. */
    public ReadOnlyObjectProperty<String> childSweepProperty() {
        return childSweep.getReadOnlyProperty();
    }

    /** What happened last. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The selected parameter. */
    public ObjectProperty<String> parameterProperty() {
        return parameter;
    }

    /** The parameter rows. */
    public ObservableList<Row> rows() {
        return rows;
    }
}
