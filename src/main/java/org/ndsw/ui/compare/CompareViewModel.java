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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.app.compare.CompareFigure;
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
    public record View(CompareResult result, Map<CompareFigure, Figure> figures) {}

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
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Add sets of trained models to compare.");
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
        if (inputs.isEmpty()) {
            view.set(null);
            pairs.clear();
            message.set("Add sets of trained models to compare.");
            return;
        }
        List<CompareInput> snapshot = List.copyOf(inputs);
        ErrorMetric metric = error.get();
        Complexity required = normalize.get();
        CompareOptions options;
        try {
            options = options();
        } catch (RuntimeException e) {
            message.set(e.getMessage());
            return;
        }
        message.set("Comparing " + snapshot.size() + " sets…");
        running = tasks.run("Comparing " + snapshot.size() + " sets", p -> compute(snapshot, metric, required, options));
        running.onSuccess(v -> {
            if (gen == generation) {
                view.set(v);
                pairs.setAll(v.result().pairs());
                message.set(CompareFigures.describe(v.result()));
            }
        }).onFailure(t -> {
            if (gen == generation && !(t instanceof java.util.concurrent.CancellationException)) {
                message.set(t.getMessage());
            }
        });
    }

    private View compute(List<CompareInput> in, ErrorMetric metric, Complexity required, CompareOptions options) {
        List<RecordSet> sets = new ArrayList<>();
        for (CompareInput i : in) {
            sets.add(read(i, metric, required));
        }
        CompareResult r = service.compareSets(sets, options);
        Map<CompareFigure, Figure> figures = new java.util.EnumMap<>(CompareFigure.class);
        for (CompareFigure kind : CompareFigure.values()) {
            figures.put(kind, CompareFigures.of(kind, r));
        }
        return new View(r, figures);
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

    /** The sets being compared. */
    public ObservableList<CompareInput> inputs() {
        return inputs;
    }
}
