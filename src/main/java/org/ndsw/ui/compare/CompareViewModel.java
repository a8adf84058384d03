package org.ndsw.ui.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.NdswException;
import org.ndsw.app.compare.CompareFigure;
import org.ndsw.app.compare.DataWindow;
import org.ndsw.app.compare.CompareFigures;
import org.ndsw.app.compare.CompareOptions;
import org.ndsw.app.compare.CompareResult;
import org.ndsw.app.compare.CompareService;
import org.ndsw.app.compare.PairResult;
import org.ndsw.app.source.Complexity;
import org.ndsw.app.source.ErrorMetric;
import org.ndsw.app.source.RecordSet;
import org.ndsw.figure.Figure;
import org.ndsw.stats.BinPolicy;
import org.ndsw.stats.ComplexityWindow;
import org.ndsw.ui.task.TaskHandle;
import org.ndsw.ui.task.TaskRunner;

/**
 * The compare panel: inputs, the paper's controls (normalization, bins, window, error), and the latest result with
 * its figures and KS pairs. Every change recomputes off the FX thread; only the newest result is published.
 */
public final class CompareViewModel {
    /** The comparison and its figures, computed together off the FX thread. */
    public record View(CompareResult result, Map<CompareFigure, Figure> figures, String note, double scaleMax) {
        /** The labels of the sets this view was computed from, in order. */
        public List<String> labels() {
            return result.sets().stream().map(s -> s.label()).toList();
        }
    }

    /** A normalization that failed on its window or bins, with the window and k that would fit the data (or null). */
    static final class WindowFailure extends NdswException {
        private final transient DataWindow fit;

        WindowFailure(String message, DataWindow fit, Throwable cause) {
            super(message, cause);
            this.fit = fit;
        }
    }

    final ObservableList<CompareInput> inputs = FXCollections.observableArrayList();
    /** The complexity to normalize by, or null for plain EDFs. */
    final ObjectProperty<Complexity> normalize = new SimpleObjectProperty<>(null);
    final IntegerProperty bins = new SimpleIntegerProperty(CompareOptions.DEFAULT_BINS);
    final ObjectProperty<BinPolicy> binPolicy = new SimpleObjectProperty<>(BinPolicy.STRICT);
    /** The window's bounds in the paper's units; NaN means the paper's default rule. */
    final DoubleProperty rangeLo = new SimpleDoubleProperty(Double.NaN);
    final DoubleProperty rangeHi = new SimpleDoubleProperty(Double.NaN);
    final ObjectProperty<ErrorMetric> error = new SimpleObjectProperty<>(ErrorMetric.BEST);
    final IntegerProperty randomSearchPower = new SimpleIntegerProperty(8);

    final ObservableList<PairResult> pairs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<View> view = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(EMPTY);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** The k the figure on screen used when it differs from Bins k (fitted to the data), e.g. "fitted: 15"; or "". */
    private final ReadOnlyStringWrapper binsUsed = new ReadOnlyStringWrapper("");
    /** The format of the last figure export ("svg" or "png"): the next export dialog opens on it. */
    private String figureFormat = "svg";
    /** True while the figures on screen do not yet match the controls (a computation is running). */
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    /** The window and k that fit the data after a normalization failed on its window, or null. */
    private final ReadOnlyObjectWrapper<DataWindow> fit = new ReadOnlyObjectWrapper<>();
    /** True after a normalization failed on empty bins: merging them is offered. */
    private final ReadOnlyBooleanWrapper emptyBinsFailed = new ReadOnlyBooleanWrapper(false);
    /** The sets before the last replace, for undo; null when there is nothing to undo. */
    private final ReadOnlyObjectWrapper<List<CompareInput>> beforeReplace = new ReadOnlyObjectWrapper<>();
    private static final String EMPTY = "Add sets of trained models to compare.";
    private final Map<String, RecordSet> cache = new HashMap<>();
    private final CompareService service = new CompareService();
    private final TaskRunner tasks;
    private long generation;
    private TaskHandle<View> running;

    /** A panel computing on `tasks`. */
    public CompareViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        InvalidationListener changed = o -> recompute();
        for (Observable o : List.<Observable>of(inputs, normalize, bins, binPolicy, rangeLo, rangeHi, error,
                randomSearchPower)) {
            o.addListener(changed);
        }
        normalize.addListener((o, a, b) -> resetRange());
    }

    /** Goes back to the paper's default window for the current normalization. */
    public void resetRange() {
        rangeLo.set(Double.NaN);
        rangeHi.set(Double.NaN);
    }

    /** Replaces the sets with `sets`; {@link #undoReplace()} brings the previous ones back. */
    public void replaceInputs(List<CompareInput> sets) {
        List<CompareInput> before = List.copyOf(inputs);
        inputs.setAll(sets);
        beforeReplace.set(before);
    }

    /** Adds `sets` after the current ones, leaving out a set already listed (same source and label). */
    public void addInputs(List<CompareInput> sets) {
        List<String> have = inputs.stream().map(i -> i.description() + "|" + i.label()).toList();
        inputs.addAll(sets.stream().filter(i -> !have.contains(i.description() + "|" + i.label())).toList());
    }

    /** Brings back the sets the last replace removed. */
    public void undoReplace() {
        List<CompareInput> before = beforeReplace.get();
        if (before != null) {
            beforeReplace.set(null);
            inputs.setAll(before);
        }
    }

    /** The sets a replace removed, or null when there is nothing to undo. */
    public ReadOnlyObjectProperty<List<CompareInput>> undoableProperty() {
        return beforeReplace.getReadOnlyProperty();
    }

    /** Normalizes by `c` (null: plain EDFs), as choosing it under Normalize does. */
    public void normalizeBy(Complexity c) {
        normalize.set(c);
    }

    /** Confirms an export on screen: the files written. */
    void exported(java.nio.file.Path... files) {
        notice.set("Wrote " + String.join(" and ", java.util.Arrays.stream(files).map(String::valueOf).toList()));
    }

    /** Confirms a figure export on screen and remembers its format for the next export dialog. */
    void exportedFigure(java.nio.file.Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        figureFormat = name.endsWith(".png") ? "png" : "svg";
        exported(file);
    }

    /** The format ("svg" or "png") the figure export dialog opens on: the one of the last figure written. */
    String figureFormat() {
        return figureFormat;
    }

    /** The k the figure on screen used when it is not Bins k ("fitted: 15"), else empty. */
    public ReadOnlyStringProperty binsUsedProperty() {
        return binsUsed.getReadOnlyProperty();
    }

    /** The confirmation of the last export, or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Fixes empty bins in place: each empty bin's mass goes to its nearest non-empty bin. */
    public void mergeEmptyBins() {
        binPolicy.set(BinPolicy.MERGE);
    }

    /** Fixes a window that does not fit in place: uses the window and k fitted to the data. */
    public void fitWindowToData() {
        DataWindow f = fit.get();
        if (f != null) {
            bins.set(f.bins());
            rangeLo.set(f.window().lo());
            rangeHi.set(f.window().hi());
        }
    }

    /** The options of the current controls. */
    CompareOptions options() {
        ComplexityWindow range = null;
        if (normalize.get() != null && !Double.isNaN(rangeLo.get()) && !Double.isNaN(rangeHi.get())) {
            range = new ComplexityWindow(rangeLo.get(), rangeHi.get());
        }
        return new CompareOptions(error.get(), normalize.get(), bins.get(), range, binPolicy.get(),
                CompareOptions.DEFAULT_AREA_EPS, randomSearchPower.get(), 0L);
    }

    /** Recomputes with a snapshot of the controls; an older computation still running is cancelled. */
    void recompute() {
        long gen = ++generation;
        if (running != null) {
            running.cancel();
        }
        fit.set(null);
        emptyBinsFailed.set(false);
        if (inputs.isEmpty()) {
            clear(EMPTY);
            return;
        }
        List<CompareInput> snapshot = List.copyOf(inputs);
        ErrorMetric metric = error.get();
        Complexity required = normalize.get();
        CompareOptions options;
        try {
            options = options();
        } catch (RuntimeException e) {
            clear(CompareMessages.forGui(e.getMessage()));
            return;
        }
        stale.set(true);
        message.set("Comparing " + snapshot.size() + " sets…");
        running = tasks.run("Comparing " + snapshot.size() + " sets", p -> compute(snapshot, metric, required, options));
        running.onSuccess(v -> {
            if (gen == generation) {
                view.set(v);
                pairs.setAll(v.result().pairs());
                int used = v.result().options().bins();
                binsUsed.set(required != null && used != options.bins() ? "fitted: " + used : "");
                stale.set(false);
                message.set(CompareFigures.describe(v.result()) + (v.note() == null ? "" : "\n" + v.note()));
            }
        }).onFailure(t -> {
            if (gen == generation && !(t instanceof java.util.concurrent.CancellationException)) {
                if (t instanceof WindowFailure w) {
                    fit.set(w.fit);
                    emptyBinsFailed.set(binPolicy.get() == BinPolicy.STRICT && String.valueOf(t.getMessage())
                            .contains("bins are empty"));
                }
                clear(CompareMessages.forGui(t.getMessage()));
            }
        });
    }

    /** Shows no figure and no KS row, only `why`: a figure never outlives the inputs it was computed from. */
    private void clear(String why) {
        view.set(null);
        pairs.clear();
        binsUsed.set("");
        stale.set(false);
        message.set(why);
    }

    private View compute(List<CompareInput> in, ErrorMetric metric, Complexity required, CompareOptions options) {
        List<RecordSet> sets = new ArrayList<>();
        for (CompareInput i : in) {
            sets.add(read(i, metric, required));
        }
        String note = null;
        CompareOptions used = options;
        if (required != null && options.range() == null && options.binPolicy() == BinPolicy.STRICT) {
            ComplexityWindow paper = paperWindow(sets, required);
            int empty = paper == null ? -1 : DataWindow.emptyBins(sets, required, paper, options.bins());
            DataWindow f = empty == 0 ? null : DataWindow.fit(sets, required, options.bins());
            if (f != null) {
                used = withWindow(options, f);
                note = "The paper's window" + (paper == null ? " is empty for these sets"
                        : " (" + CompareFigures.describeWindow(paper, required) + ") leaves " + empty + " of the "
                        + sets.size() * options.bins() + " bins (" + sets.size() + " sets × k = " + options.bins()
                        + ") empty") + ": window and k fitted to the data (Paper default brings it"
                        + " back when it fits).";
            }
        }
        CompareResult r;
        try {
            r = service.compareSets(sets, used);
        } catch (NdswException e) {
            if (required == null) {
                throw e;
            }
            throw new WindowFailure(e.getMessage(), DataWindow.fit(sets, required, options.bins()), e);
        }
        Map<CompareFigure, Figure> figures = new java.util.EnumMap<>(CompareFigure.class);
        for (CompareFigure kind : CompareFigure.values()) {
            figures.put(kind, CompareFigures.of(kind, r));
        }
        return new View(r, figures, note, required == null ? Double.NaN : maxComplexity(sets, required));
    }

    private static ComplexityWindow paperWindow(List<RecordSet> sets, Complexity c) {
        double lo = ComplexityWindow.commonMin(sets.stream().map(s -> s.complexity(c)).toList());
        return lo < c.cifarMax() ? new ComplexityWindow(lo, c.cifarMax()) : null;
    }

    private static CompareOptions withWindow(CompareOptions o, DataWindow f) {
        return new CompareOptions(o.error(), o.normalize(), f.bins(), f.window(), o.binPolicy(), o.areaEps(),
                o.randomSearchPower(), o.seed());
    }

    /** The largest complexity of any model of the sets: the window slider's scale, stable while the sets stay. */
    private static double maxComplexity(List<RecordSet> sets, Complexity c) {
        double max = 0;
        for (RecordSet s : sets) {
            for (double v : s.complexity(c)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    /** Reads a set once per (input, error, required complexity); reading a large file is the slow part. */
    private RecordSet read(CompareInput i, ErrorMetric metric, Complexity required) {
        String key = i.description() + "|" + i.label() + "|" + metric + "|" + required;
        synchronized (cache) {
            RecordSet s = cache.get(key);
            if (s != null) {
                return s;
            }
        }
        RecordSet s = i.read(metric, required);
        synchronized (cache) {
            cache.put(key, s);
        }
        return s;
    }

    /** The latest comparison with its figures, or null. */
    public ReadOnlyObjectProperty<View> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /** What the panel shows above the charts: the window in use, or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the figures on screen are being recomputed for changed inputs or controls. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The window and k that fit the data, offered after a normalization failed on its window; or null. */
    public ReadOnlyObjectProperty<DataWindow> fitProperty() {
        return fit.getReadOnlyProperty();
    }

    /** True after a normalization failed on empty bins, so merging them is offered. */
    public ReadOnlyBooleanProperty emptyBinsFailedProperty() {
        return emptyBinsFailed.getReadOnlyProperty();
    }

    /** The sets being compared. */
    public ObservableList<CompareInput> inputs() {
        return inputs;
    }
}
