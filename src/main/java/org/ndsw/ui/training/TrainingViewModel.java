package org.ndsw.ui.training;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.NdswException;
import org.ndsw.app.sweep.RunOptions;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.app.sweep.SweepOutcome;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.figure.Figure;
import org.ndsw.train.Device;
import org.ndsw.train.RecipeOptions;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.spaces.SpaceEntry;
import org.ndsw.ui.task.TaskRunner;

/**
 * The training panel: the new-sweep form and the actions on sweeps, over three parts a reader can take one at a time:
 * the open catalogue's trainable sweeps ({@link SweepList}), the selected sweep's runs, live ({@link SweepRuns}), and
 * the schedulers this window runs with their events ({@link SweepWatcher}). Sweeps run through
 * {@link SweepService#start} on the scheduler's own thread; its events are handed to the FX thread by a
 * {@link Coalescer}, one update at a time.
 *
 * <p>Thread confinement: FX thread only, like the parts (only {@link SweepWatcher}'s hand-off is touched by
 * scheduler threads). Catalogue work runs through the {@link TaskRunner}, whose callbacks arrive on the FX thread.
 */
public final class TrainingViewModel {
    /** Lines of sweep messages kept. */
    private static final int LOG_LINES = 500;

    final SweepForm form = new SweepForm();
    final ObservableList<SpaceEntry> spaces;
    final ObservableList<String> engines = FXCollections.observableArrayList();
    final ObservableList<String> devices = FXCollections.observableArrayList(
            Arrays.stream(Device.values()).map(Device::cliName).toList());
    final ObservableList<String> recipes = FXCollections.observableArrayList(RecipeOptions.PLAIN,
            RecipeOptions.ENHANCED);
    final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper invalidField = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final TaskRunner tasks;
    private final ObservableValue<CatalogSession> session;
    private final Runnable catalogChanged;
    private final SweepWatcher watcher;
    private final SweepList list;
    private final SweepRuns selected;
    final ObservableList<SweepItem> sweeps;
    final ObjectProperty<SweepItem> selectedSweep;
    final ObservableList<RunItem> runs;
    final ObjectProperty<RunItem> selectedRun;
    final ObjectProperty<Figure> curves;
    final DoubleProperty fraction;
    private IntFunction<RunOptions> options = RunOptions::of;
    /** "Plan for a cluster…" and "Collect results" on the selected sweep. */
    public final SweepCluster cluster;

    /**
     * A panel over the catalogue `session` (the Catalogue panel's), offering the `spaces` of the Design spaces panel;
     * `ui` runs hand-overs on the UI thread; `catalogChanged` runs after a sweep was created or trained.
     */
    public TrainingViewModel(TaskRunner tasks, ObservableValue<CatalogSession> session, ObservableList<SpaceEntry> spaces,
            Executor ui, Runnable catalogChanged) {
        this.tasks = tasks;
        this.session = session;
        this.spaces = spaces;
        this.catalogChanged = catalogChanged;
        this.watcher = new SweepWatcher(ui, new SweepWatcher.Events() {
            @Override
            public void lines(List<String> lines) {
                addLog(lines);
            }

            @Override
            public void ended(String name, SweepOutcome o, Throwable e) {
                TrainingViewModel.this.ended(name, o, e);
            }

            @Override
            public void flushed(boolean runEnded) {
                selected.onFlush(runEnded);
            }
        });
        this.list = new SweepList(tasks, session, watcher::isRunningHere, message::set);
        this.selected = new SweepRuns(tasks, session, list, watcher, message::set);
        list.onStartListed(() -> start(false));
        this.cluster = new SweepCluster(tasks, session, list.selected, l -> addLog(List.of(l)), () -> {
            selected.loadNow();
            catalogChanged.run();
        });
        sweeps = list.sweeps;
        selectedSweep = list.selected;
        runs = selected.runs;
        selectedRun = selected.selectedRun;
        curves = selected.curves;
        fraction = selected.fraction;
        TrainingEngines.all().stream().map(TrainingEngine::name).forEach(engines::add);
        if (!engines.isEmpty() && !engines.contains(form.engine.get())) {
            form.engine.set(engines.get(0));
        }
        String[] suggested = {""};
        form.space.addListener((o, a, b) -> {
            form.suggestName(() -> suggested[0]);
            suggested[0] = form.suggestion();
        });
        form.seed.addListener((o, a, b) -> {
            form.suggestName(() -> suggested[0]);
            suggested[0] = form.suggestion();
        });
        if (!spaces.isEmpty()) {
            form.space.set(spaces.get(0));
        }
        session.addListener((o, a, b) -> refresh());
        refresh();
    }

    /** The form's fields. */
    public SweepForm form() {
        return form;
    }

    /** How sweeps started here run, by worker count (the default: {@link RunOptions#of}). */
    public void setOptions(IntFunction<RunOptions> byWorkers) {
        this.options = byWorkers;
    }

    /** Key of the field the last create rejected ({@link SweepForm#FIELDS}), or "". */
    public ReadOnlyStringProperty invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    /** Why the form was rejected, or what create did. */
    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    /** The selected sweep's counts and ETA in words. */
    public ReadOnlyStringProperty overallProperty() {
        return selected.overall.getReadOnlyProperty();
    }

    /** The selected run's failure reason and log tail, or "". */
    public ReadOnlyStringProperty failureProperty() {
        return selected.failure.getReadOnlyProperty();
    }

    /** The panel's status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The sweeps listed. */
    public ObservableList<SweepItem> sweeps() {
        return sweeps;
    }

    /** The selected sweep's runs. */
    public ObservableList<RunItem> runs() {
        return runs;
    }

    /** The selected run. */
    public ObjectProperty<RunItem> selectedRunProperty() {
        return selectedRun;
    }

    /** The selected sweep. */
    public ObjectProperty<SweepItem> selectedSweepProperty() {
        return selectedSweep;
    }

    /** The selected run's curves, or null. */
    public ObjectProperty<Figure> curvesProperty() {
        return curves;
    }

    private SweepService service() {
        CatalogSession s = session.getValue();
        if (s == null) {
            throw new NdswException("no catalogue is open: open or create one in the Catalogue panel (File > New"
                    + " catalogue…)");
        }
        return new SweepService(s.file());
    }

    /** Validates the form and, if it is good, samples and stores the sweep in the open catalogue in the background. */
    public void create() {
        SweepDefinition def;
        SweepService service;
        try {
            def = form.definition();
            invalidField.set("");
            service = service();
        } catch (InvalidField e) {
            invalidField.set(e.field());
            formMessage.set(e.getMessage());
            return;
        } catch (NdswException e) {
            formMessage.set(e.getMessage());
            return;
        }
        formMessage.set("Sampling " + def.n() + " models from " + def.space() + "…");
        tasks.run("Creating sweep " + def.name(), p -> service.create(def, null)).onSuccess(c -> {
            formMessage.set(String.format(Locale.ROOT, "Created %s: %d models (%d drawn) in %s; runs in %s",
                    c.sweep(), c.models(), c.drawn(), session.getValue().file().getFileName(), c.workDir()));
            select(c.sweep());
            catalogChanged.run();
        }).onFailure(t -> formMessage.set(t.getMessage()));
    }

    /** Re-reads the trainable sweeps of the open catalogue and their counts. */
    public void refresh() {
        list.refresh();
    }

    /** Selects the sweep `name` once it is listed. */
    public void select(String name) {
        list.select(name);
    }

    /** Selects the sweep `name` once listed, then its first run with a recorded epoch (the workbench's `ndsw.select`). */
    public void reveal(String name) {
        selected.revealRun();
        list.select(name);
    }

    /** Selects the sweep `name` once listed and starts training it with the form's worker count. */
    public void startWhenListed(String name) {
        list.startWhenListed(name);
        reveal(name);
    }

    /** True while this window's scheduler runs `name`. */
    public boolean isRunningHere(String name) {
        return watcher.isRunningHere(name);
    }

    /** The sweeps this window's schedulers run. */
    public List<String> runningHere() {
        return watcher.runningHere();
    }

    /** Starts (or resumes) the selected sweep with the form's worker count; `retryFailed` re-queues failed runs. */
    public void start(boolean retryFailed) {
        SweepItem item = selectedSweep.get();
        if (item == null) {
            message.set("Select a sweep to start.");
            return;
        }
        String name = item.name();
        SweepService service;
        RunOptions opts;
        try {
            service = service();
            opts = options.apply(form.workers()).withRetryFailed(retryFailed).withGpus(form.gpus());
        } catch (InvalidField e) {
            invalidField.set(e.field());
            formMessage.set(e.getMessage());
            return;
        } catch (NdswException e) {
            message.set(e.getMessage());
            return;
        }
        if (isRunningHere(name)) {
            if (retryFailed) {
                tasks.run("Retrying failed runs", p -> service.retryFailed(name))
                        .onSuccess(n -> message.set(n + " failed runs of " + name + " back in the queue"))
                        .onFailure(t -> message.set("Retrying the failed runs of " + name + ": " + t.getMessage()));
            }
            return;
        }
        watcher.start(service, name, opts);
        message.set("Training " + name + " with " + opts.workers() + " worker" + (opts.workers() == 1 ? "" : "s")
                + (opts.gpus().isEmpty() ? "" : " on GPUs " + opts.gpus()) + "…");
        list.updateItem(name);
    }

    /** Asks the selected sweep to stop: in-flight epochs finish and checkpoint, workers exit, runs go back in queue. */
    public void stop() {
        SweepItem item = selectedSweep.get();
        if (item == null) {
            return;
        }
        stop(item.name());
    }

    /** Asks the sweep `name` to stop, whichever process runs it. */
    public void stop(String name) {
        if (watcher.stopHere(name)) {
            message.set("Stopping " + name + ": workers finish their epoch, checkpoint and exit…");
            return;
        }
        try {
            SweepService service = service();
            tasks.run("Stopping " + name, p -> {
                service.requestStop(name);
                return null;
            }).onSuccess(v -> message.set("Stop requested for " + name + "; its processes exit after their epoch"))
                    .onFailure(t -> message.set("Stopping " + name + ": " + t.getMessage()));
        } catch (NdswException e) {
            message.set(e.getMessage());
        }
    }

    /** Asks every sweep this window runs to stop. */
    public void stopAll() {
        runningHere().forEach(this::stop);
    }

    /**
     * Before the window closes: writes a stop request for every sweep this window runs (read by the workers within
     * seconds, and by their epoch's end at the latest), without waiting for them.
     */
    public void stopAllNow() {
        for (String name : runningHere()) {
            watcher.stopHere(name);
            service().requestStop(name);
        }
    }

    /**
     * Before the window closes: hands every sweep this window runs to a background scheduler process that outlives
     * it ({@link SweepService#handOver}). This window's workers stop after their epoch when it is gone; the new
     * scheduler resumes their runs from the checkpoints.
     */
    public void leaveRunning() {
        for (String name : runningHere()) {
            long pid = service().handOver(name, watcher.startedWith(name).withRetryFailed(false));
            message.set(name + " continues in scheduler process " + pid);
        }
    }

    /** Every two seconds (the panel's timer): re-reads the selected sweep when another process may be training it. */
    public void poll() {
        selected.poll();
    }

    /** Reads the selected sweep's runs from the catalogue in the background. */
    void loadRuns() {
        selected.load();
    }

    private void addLog(List<String> lines) {
        log.addAll(lines);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
        message.set(lines.get(lines.size() - 1));
    }

    private void ended(String name, SweepOutcome o, Throwable e) {
        if (e != null) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            message.set(name + ": the scheduler failed: " + cause.getMessage());
        } else {
            message.set(String.format(Locale.ROOT, "%s %s after %s: %d done, %d failed, %d pending", name,
                    o.stopped() ? "stopped" : "finished", duration(o.seconds()), o.done(), o.failed(), o.pending()));
        }
        list.updateItem(name);
        selected.loadNow();
        catalogChanged.run();
    }

    /** Seconds as h:mm:ss or m:ss. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The catalogue file in use, or null. */
    Path catalogFile() {
        return session.getValue() == null ? null : session.getValue().file();
    }
}
