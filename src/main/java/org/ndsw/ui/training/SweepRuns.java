package org.ndsw.ui.training;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.app.catalog.RunFigures;
import org.ndsw.app.sweep.RunProgress;
import org.ndsw.app.sweep.SweepProgress;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.app.sweep.SweepStatus;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;
import org.ndsw.figure.Figure;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.task.TaskRunner;

/**
 * The selected sweep's runs, live: each run's stored state merged with the live progress of this window's scheduler,
 * the selected run's curves, failure and log tail, and the sweep's counts and progress in words. Stored state is
 * read from the catalogue in the background, at most about once a second while the sweep runs here
 * ({@link #onFlush}) and on every {@link #poll} while another process may train it.
 *
 * <p>Thread confinement: FX thread only. Reads go through the {@link TaskRunner} and come back on the FX thread;
 * a generation counter per kind of read drops answers that a newer read or selection made stale, and at most one
 * status read is in flight.
 */
final class SweepRuns {
    /** Milliseconds between two status reads of a running sweep. */
    static final long STATUS_EVERY_MS = 1000;

    final ObservableList<RunItem> runs = FXCollections.observableArrayList();
    final ObjectProperty<RunItem> selectedRun = new SimpleObjectProperty<>();
    final ObjectProperty<Figure> curves = new SimpleObjectProperty<>();
    final DoubleProperty fraction = new SimpleDoubleProperty(0);
    final ReadOnlyStringWrapper overall = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

    private final TaskRunner tasks;
    private final ObservableValue<CatalogSession> session;
    private final SweepList list;
    private final SweepWatcher watcher;
    private final Consumer<String> message;
    private long lastStatusRead;
    private boolean statusInFlight;
    private long runsGeneration;
    private long curvesGeneration;
    private String curvesKey = "";
    private boolean revealRun;

    /** The runs of `list`'s selected sweep; live progress from `watcher`; read failures go to `message`. */
    SweepRuns(TaskRunner tasks, ObservableValue<CatalogSession> session, SweepList list, SweepWatcher watcher,
            Consumer<String> message) {
        this.tasks = tasks;
        this.session = session;
        this.list = list;
        this.watcher = watcher;
        this.message = message;
        list.selected.addListener((o, a, b) -> {
            if (a == null || b == null || !a.name().equals(b.name())) {
                runs.clear();
                selectedRun.set(null);
                overall.set("");
                fraction.set(0);
                load();
            }
        });
        selectedRun.addListener((o, a, b) -> showRun(b));
    }

    /** Selects the first run with a recorded epoch once the runs are read. */
    void revealRun() {
        revealRun = true;
    }

    /** After a scheduler flush: shows this window's live progress, and re-reads when due or when a run ended. */
    void onFlush(boolean runEnded) {
        SweepItem item = list.selected.get();
        if (item == null) {
            return;
        }
        SweepProgress p = watcher.latest(item.name());
        if (p != null) {
            showProgress(p);
            mergeLive(p);
        }
        if (runEnded || System.currentTimeMillis() - lastStatusRead >= STATUS_EVERY_MS) {
            load();
        }
    }

    /** Re-reads the selected sweep when another process may be training it. */
    void poll() {
        SweepItem item = list.selected.get();
        if (item != null && !watcher.isRunningHere(item.name()) && item.queued() + item.running() > 0) {
            load();
        }
    }

    /** Reads the selected sweep's runs now, even if a read is in flight (its answer will be dropped). */
    void loadNow() {
        statusInFlight = false;
        load();
    }

    /** Reads the selected sweep's runs from the catalogue in the background, unless a read is in flight. */
    void load() {
        SweepItem item = list.selected.get();
        CatalogSession s = session.getValue();
        if (item == null || s == null || statusInFlight) {
            return;
        }
        String name = item.name();
        SweepService service = new SweepService(s.file());
        statusInFlight = true;
        lastStatusRead = System.currentTimeMillis();
        long gen = ++runsGeneration;
        tasks.run("Reading runs of " + name, p -> service.status(name)).onSuccess(st -> {
            if (list.selected.get() == null || !list.selected.get().name().equals(name) || gen != runsGeneration) {
                return;
            }
            showRuns(st);
        }).onFailure(t -> message.accept(t.getMessage())).andFinally(() -> statusInFlight = false);
    }

    private void showProgress(SweepProgress p) {
        fraction.set(p.fraction());
        overall.set(String.format(Locale.ROOT, "%d runs: %d done · %d running · %d failed · %d pending%s%s", p.total(),
                p.done(), p.running(), p.failed(), p.pending(),
                p.etaSeconds() >= 0 ? " · ETA " + TrainingViewModel.duration(p.etaSeconds()) : "",
                p.stopping() ? " · stopping after the epochs in flight" : ""));
    }

    private void mergeLive(SweepProgress p) {
        Map<Integer, RunProgress> bySeq = bySeq(p);
        for (int i = 0; i < runs.size(); i++) {
            RunItem r = runs.get(i);
            RunProgress live = r.run().status() == RunStatus.RUNNING ? bySeq.get(r.seq()) : null;
            if (!Objects.equals(live, r.live())) {
                replace(i, new RunItem(r.run(), live));
            }
        }
    }

    private static Map<Integer, RunProgress> bySeq(SweepProgress p) {
        Map<Integer, RunProgress> bySeq = new HashMap<>();
        if (p != null) {
            p.models().forEach(m -> bySeq.put(m.seq(), m));
        }
        return bySeq;
    }

    private void replace(int i, RunItem item) {
        boolean wasSelected = selectedRun.get() != null && selectedRun.get().run().id() == item.run().id();
        runs.set(i, item);
        if (wasSelected) {
            selectedRun.set(item);
        }
    }

    private void showRuns(SweepStatus st) {
        SweepProgress p = watcher.latest(st.name());
        Map<Integer, RunProgress> bySeq = bySeq(p);
        long selectedId = selectedRun.get() == null ? -1 : selectedRun.get().run().id();
        List<RunItem> items = st.runs().stream().map(r -> new RunItem(r, r.status() == RunStatus.RUNNING
                ? bySeq.get(r.seq()) : null)).toList();
        if (items.size() == runs.size()) {
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).equals(runs.get(i))) {
                    replace(i, items.get(i));
                }
            }
        } else {
            runs.setAll(items);
            items.stream().filter(i -> i.run().id() == selectedId).findFirst().ifPresent(selectedRun::set);
        }
        if (revealRun && selectedRun.get() == null) {
            runs.stream().filter(r -> r.run().epochs() > 0).findFirst().ifPresent(r -> {
                revealRun = false;
                selectedRun.set(r);
            });
        }
        SweepItem item = list.item(st);
        list.updateItem(item);
        if (p == null) {
            fraction.set(st.total() == 0 ? 0 : (double) (item.done() + item.failed()) / st.total());
            overall.set(String.format(Locale.ROOT, "%d runs: %d done · %d running · %d failed · %d pending · %s",
                    item.total(), item.done(), item.running(), item.failed(), item.queued(), item.state()));
        }
    }

    /** The selected run: its curves (read again when an epoch was added), its failure and log tail. */
    private void showRun(RunItem r) {
        if (r == null) {
            curves.set(null);
            failure.set("");
            curvesKey = "";
            return;
        }
        SweepRun run = r.run();
        failure.set(run.failure() == null ? "" : "Failed: " + run.failure());
        if (run.failure() != null) {
            tasks.run("Reading the log", p -> SweepService.logTail(run)).onSuccess(tail -> {
                if (isSelected(run)) {
                    failure.set("Failed: " + run.failure() + "\n\nLast lines of " + run.checkpointDir()
                            + "/worker.log:\n" + tail);
                }
            }).onFailure(t -> {
                if (isSelected(run)) {
                    failure.set("Failed: " + run.failure() + "\n\nIts log could not be read: " + t.getMessage());
                }
            });
        }
        String key = run.id() + "/" + run.epochs() + "/" + run.status();
        CatalogSession s = session.getValue();
        if (key.equals(curvesKey) || s == null) {
            return;
        }
        curvesKey = key;
        long gen = ++curvesGeneration;
        String title = (list.selected.get() == null ? "" : list.selected.get().name()) + " #" + run.seq();
        tasks.run("Reading curves", p -> s.read(c -> RunFigures.curves(title, c.runData(run.id()).curves())))
                .onSuccess(f -> {
                    if (gen == curvesGeneration) {
                        curves.set(f);
                    }
                }).onFailure(t -> {
                    if (gen == curvesGeneration) {
                        curvesKey = "";
                        message.accept("Reading the curves of " + title + ": " + t.getMessage());
                    }
                });
    }

    private boolean isSelected(SweepRun run) {
        return selectedRun.get() != null && selectedRun.get().run().id() == run.id();
    }
}
