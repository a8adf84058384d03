package org.ndsw.ui.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.ndsw.Quote;
import org.ndsw.app.sweep.ClusterCollect;
import org.ndsw.app.sweep.ClusterPlan;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.task.TaskRunner;

/**
 * The Training panel's cluster actions on the selected sweep: "Plan for a cluster…" writes the job files and the
 * SLURM array script ({@link ClusterPlan}, as `ndsw sweep plan`), "Collect results" records a plan folder's results
 * ({@link ClusterCollect}, as `ndsw sweep collect`) in the background with progress.
 *
 * <p>Thread confinement: FX thread only; the work runs through the {@link TaskRunner}.
 */
public final class SweepCluster {
    /** A run whose progress file is this old is lost (as `sweep collect`'s default `--lost-after 1h`). */
    static final Duration LOST_AFTER = Duration.ofHours(1);

    final StringProperty out = new SimpleStringProperty("");
    final StringProperty limit = new SimpleStringProperty("64");
    final StringProperty cpus = new SimpleStringProperty("4");
    final StringProperty gpus = new SimpleStringProperty("0");
    final StringProperty time = new SimpleStringProperty("");
    final StringProperty partition = new SimpleStringProperty("");
    final StringProperty heap = new SimpleStringProperty("4g");
    final BooleanProperty pending = new SimpleBooleanProperty(false);
    final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final TaskRunner tasks;
    private final ObservableValue<CatalogSession> session;
    private final ObservableValue<SweepItem> sweep;
    private final Consumer<String> log;
    private final Runnable collected;

    /**
     * Cluster actions on `sweep` of the catalogue `session`; lines for the panel's log go to `log`, and `collected`
     * runs after a collect recorded something (the panel re-reads the sweep).
     */
    SweepCluster(TaskRunner tasks, ObservableValue<CatalogSession> session, ObservableValue<SweepItem> sweep,
            Consumer<String> log, Runnable collected) {
        this.tasks = tasks;
        this.session = session;
        this.sweep = sweep;
        this.log = log;
        this.collected = collected;
    }

    /** What the last plan or collect did, or why it failed. */
    public ReadOnlyStringWrapper resultProperty() {
        return result;
    }

    /** True while a plan or collect runs. */
    public ReadOnlyBooleanWrapper busyProperty() {
        return busy;
    }

    /** The plan options of the fields; throws {@link InvalidField} (field keys: out, limit, cpus, gpus, heap). */
    ClusterPlan.Options options() {
        int l = count("limit", "Array concurrency", limit.get(), 0);
        int c = count("cpus", "CPUs", cpus.get(), 1);
        int g = count("gpus", "GPUs", gpus.get(), 0);
        String h = heap.get() == null ? "" : heap.get().trim();
        if (!h.matches("[0-9]+[kKmMgG]?")) {
            throw new InvalidField("heap", "Heap: must look like 512m or 4g, got " + Quote.of(h));
        }
        return new ClusterPlan.Options(l, c, g, blankToNull(time.get()), blankToNull(partition.get()), h, 120, null);
    }

    private static int count(String key, String label, String text, int min) {
        String t = text == null ? "" : text.trim();
        try {
            int v = Integer.parseInt(t);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidField(key, String.format(Locale.ROOT, "%s: a whole number of at least %d, got %s", label, min,
                Quote.of(t)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Writes the selected sweep's plan into the output folder (as `ndsw sweep plan NAME --out DIR`). */
    public void plan() {
        SweepItem item = sweep.getValue();
        CatalogSession s = session.getValue();
        if (item == null || s == null) {
            result.set("Select a sweep to plan.");
            return;
        }
        ClusterPlan.Options o;
        try {
            if (out.get() == null || out.get().isBlank()) {
                throw new InvalidField("out", "Output folder: choose the plan folder (shared by the nodes)");
            }
            o = options();
        } catch (InvalidField e) {
            result.set(e.getMessage());
            return;
        }
        String name = item.name();
        Path dir = Path.of(out.get().trim());
        boolean onlyPending = pending.get();
        busy.set(true);
        tasks.run("Planning " + name + " for a cluster", p -> ClusterPlan.write(s.file(), name, dir, onlyPending, o))
                .onSuccess(plan -> {
                    String line = "Planned " + plan.jobs() + " runs of " + name + " in " + dir.toAbsolutePath()
                            .normalize() + "; submit with: sbatch " + plan.script();
                    result.set(line);
                    log.accept(name + ": " + line);
                }).onFailure(t -> result.set("Planning " + name + ": " + t.getMessage()))
                .andFinally(() -> busy.set(false));
    }

    /** Records the results of the plan folder `dir` in the selected sweep (as `ndsw sweep collect NAME DIR`). */
    public void collect(Path dir) {
        SweepItem item = sweep.getValue();
        CatalogSession s = session.getValue();
        if (item == null || s == null) {
            result.set("Select a sweep to collect its results.");
            return;
        }
        String name = item.name();
        busy.set(true);
        progress.set(0);
        tasks.run("Collecting " + name, p -> ClusterCollect.collect(s.file(), name, dir, LOST_AFTER, seq -> false, p))
                .onProgress((m, f) -> progress.set(f < 0 ? -1 : f)).onSuccess(r -> {
                    progress.set(1);
                    String line = summary(name, r);
                    result.set(line);
                    log.accept(name + ": " + line);
                    collected.run();
                }).onFailure(t -> result.set("Collecting " + name + ": " + t.getMessage()))
                .andFinally(() -> busy.set(false));
    }

    /** "Collected NAME: 3 done, 1 failed, 2 running updated, 1 lost (run 4, queued again); 3 not finished". */
    static String summary(String name, ClusterCollect.Report r) {
        return String.format(Locale.ROOT, "Collected %s: %d done, %d failed, %d running updated, %d lost%s; %d runs not"
                + " finished", name, r.done(), r.failed(), r.progressed(), r.lost().size(), r.lost().isEmpty() ? ""
                        : " (runs " + r.lost() + ", queued again: plan them with \"Only runs not finished\")",
                r.remaining());
    }
}
