package org.ndsw.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.NdswException;
import org.ndsw.app.catalog.RunFigures;
import org.ndsw.app.sweep.RunOptions;
import org.ndsw.app.sweep.RunProgress;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.app.sweep.SweepHandle;
import org.ndsw.app.sweep.SweepListener;
import org.ndsw.app.sweep.SweepOutcome;
import org.ndsw.app.sweep.SweepProgress;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.app.sweep.SweepStatus;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.figure.Figure;
import org.ndsw.train.Device;
import org.ndsw.train.RecipeOptions;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.spaces.SpaceEntry;
import org.ndsw.ui.task.TaskRunner;

/**
 * The training panel: the new-sweep form, the open catalogue's trainable sweeps, and the selected sweep's runs, live.
 * Sweeps run through {@link SweepService#start} on the scheduler's own thread; its events are gathered off the UI
 * thread and handed over by a {@link Coalescer}, so however fast they come the UI thread does one update at a time.
 * Stored state (statuses, best errors, curves) is read from the catalogue in the background, at most about once a
 * second while a sweep runs, and every two seconds ({@link #poll}) while another process trains the selected sweep.
 */
public final class TrainingViewModel {
    /** Milliseconds between two status reads of a running sweep. */
    private static final long STATUS_EVERY_MS = 1000;
    /** Lines of sweep messages kept. */
    private static final int LOG_LINES = 500;

    final SweepForm form = new SweepForm();
    final ObservableList<SpaceEntry> spaces;
    final ObservableList<String> engines = FXCollections.observableArrayList();
    final ObservableList<String> devices = FXCollections.observableArrayList(
            java.util.Arrays.stream(Device.values()).map(Device::cliName).toList());
    final ObservableList<String> recipes = FXCollections.observableArrayList(RecipeOptions.PLAIN,
            RecipeOptions.ENHANCED);
    final ObservableList<SweepItem> sweeps = FXCollections.observableArrayList();
    final ObjectProperty<SweepItem> selectedSweep = new SimpleObjectProperty<>();
    final ObservableList<RunItem> runs = FXCollections.observableArrayList();
    final ObjectProperty<RunItem> selectedRun = new SimpleObjectProperty<>();
    final ObjectProperty<Figure> curves = new SimpleObjectProperty<>();
    final DoubleProperty fraction = new SimpleDoubleProperty(0);
    final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper invalidField = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper overall = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final TaskRunner tasks;
    private final ObservableValue<CatalogSession> session;
    private final Runnable catalogChanged;
    private final Map<String, SweepHandle> handles = new HashMap<>();
    private final Map<String, RunOptions> startedWith = new HashMap<>();
    private final Map<String, SweepProgress> latest = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean runEnded = new AtomicBoolean();
    private final Coalescer coalescer;
    private final LongPredicate alive = pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    private IntFunction<RunOptions> options = RunOptions::of;
    private long lastStatusRead;
    private boolean statusInFlight;
    private long runsGeneration;
    private long curvesGeneration;
    private String curvesKey = "";

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
        this.coalescer = new Coalescer(ui, this::flush);
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
        selectedSweep.addListener((o, a, b) -> {
            if (a == null || b == null || !a.name().equals(b.name())) {
                runs.clear();
                selectedRun.set(null);
                overall.set("");
                fraction.set(0);
                loadRuns();
            }
        });
        selectedRun.addListener((o, a, b) -> showRun(b));
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
        return overall.getReadOnlyProperty();
    }

    /** The selected run's failure reason and log tail, or "". */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
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
        CatalogSession s = session.getValue();
        if (s == null) {
            sweeps.clear();
            message.set("No catalogue open: open or create one in the Catalogue panel.");
            return;
        }
        SweepService service = new SweepService(s.file());
        tasks.run("Reading sweeps", p -> {
            List<SweepStatus> out = new ArrayList<>();
            for (SweepSummary w : s.read(c -> c.sweeps())) {
                if ("sampled".equals(w.sourceKind())) {
                    out.add(service.status(w.name()));
                }
            }
            return out;
        }).onSuccess(list -> {
            String keep = selectedSweep.get() == null ? pendingSelect : selectedSweep.get().name();
            sweeps.setAll(list.stream().map(st -> SweepItem.of(st, isRunningHere(st.name()), alive)).toList());
            sweeps.stream().filter(i -> i.name().equals(keep)).findFirst().ifPresent(selectedSweep::set);
            if (selectedSweep.get() == null) {
                // On start: show a sweep that another process trains or that waits to be resumed.
                sweeps.stream().filter(i -> i.elsewhere() > 0).findFirst()
                        .or(() -> sweeps.stream().filter(SweepItem::interrupted).findFirst())
                        .ifPresent(selectedSweep::set);
            }
            pendingSelect = null;
            if (pendingStart != null && selectedSweep.get() != null && selectedSweep.get().name().equals(pendingStart)) {
                pendingStart = null;
                start(false);
            }
            long waiting = sweeps.stream().filter(i -> i.interrupted() || i.elsewhere() > 0).count();
            message.set(sweeps.size() + " trainable sweeps in " + s.file().getFileName()
                    + (waiting > 0 ? "; " + waiting + " with interrupted or running runs: select one and Resume" : ""));
        }).onFailure(t -> message.set(t.getMessage()));
    }

    private String pendingSelect;

    /** Selects the sweep `name` once it is listed. */
    public void select(String name) {
        pendingSelect = name;
        refresh();
    }

    /** Selects the sweep `name` once listed, then its first run with a recorded epoch (the workbench's `ndsw.select`). */
    public void reveal(String name) {
        revealRun = true;
        select(name);
    }

    private boolean revealRun;
    private String pendingStart;

    /** Selects the sweep `name` once listed and starts training it with the form's worker count. */
    public void startWhenListed(String name) {
        pendingStart = name;
        reveal(name);
    }

    /** True while this window's scheduler runs `name`. */
    public boolean isRunningHere(String name) {
        SweepHandle h = handles.get(name);
        return h != null && h.isRunning();
    }

    /** The sweeps this window's schedulers run. */
    public List<String> runningHere() {
        return handles.entrySet().stream().filter(e -> e.getValue().isRunning()).map(Map.Entry::getKey).sorted()
                .toList();
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
            opts = options.apply(form.workers()).withRetryFailed(retryFailed);
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
                        .onSuccess(n -> message.set(n + " failed runs of " + name + " back in the queue"));
            }
            return;
        }
        SweepHandle h = service.start(name, opts, listener(name));
        handles.put(name, h);
        startedWith.put(name, opts);
        message.set("Training " + name + " with " + opts.workers() + " worker" + (opts.workers() == 1 ? "" : "s")
                + "…");
        h.outcome().whenComplete((o, e) -> coalescerUi(() -> ended(name, o, e)));
        updateItem(name);
    }

    private void coalescerUi(Runnable r) {
        finished.add(r);
        coalescer.poke();
    }

    private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();

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
        SweepHandle h = handles.get(name);
        if (h != null && h.isRunning()) {
            h.stop();
            message.set("Stopping " + name + ": workers finish their epoch, checkpoint and exit…");
            return;
        }
        try {
            SweepService service = service();
            tasks.run("Stopping " + name, p -> {
                service.requestStop(name);
                return null;
            }).onSuccess(v -> message.set("Stop requested for " + name + "; its processes exit after their epoch"));
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
            handles.get(name).stop();
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
            long pid = service().handOver(name, startedWith.get(name).withRetryFailed(false));
            message.set(name + " continues in scheduler process " + pid);
        }
    }

    private SweepListener listener(String name) {
        return new SweepListener() {
            @Override
            public void onProgress(SweepProgress p) {
                latest.put(name, p);
                coalescer.poke();
            }

            @Override
            public void onRunEnded(SweepRun r) {
                runEnded.set(true);
                coalescer.poke();
            }

            @Override
            public void onMessage(String line) {
                messages.add(name + ": " + line);
                coalescer.poke();
            }
        };
    }

    /** On the UI thread: takes in whatever the schedulers reported since the last flush. */
    private void flush() {
        for (Runnable r; (r = finished.poll()) != null;) {
            r.run();
        }
        List<String> lines = new ArrayList<>();
        for (String l; (l = messages.poll()) != null;) {
            lines.add(l);
        }
        if (!lines.isEmpty()) {
            log.addAll(lines);
            if (log.size() > LOG_LINES) {
                log.remove(0, log.size() - LOG_LINES);
            }
            message.set(lines.get(lines.size() - 1));
        }
        SweepItem item = selectedSweep.get();
        if (item == null) {
            return;
        }
        SweepProgress p = latest.get(item.name());
        if (p != null && isRunningHere(item.name())) {
            showProgress(p);
            mergeLive(p);
        }
        boolean ended = runEnded.getAndSet(false);
        if (ended || System.currentTimeMillis() - lastStatusRead >= STATUS_EVERY_MS) {
            loadRuns();
        }
    }

    private void showProgress(SweepProgress p) {
        fraction.set(p.fraction());
        overall.set(String.format(Locale.ROOT, "%d runs: %d done · %d running · %d failed · %d pending%s%s", p.total(),
                p.done(), p.running(), p.failed(), p.pending(),
                p.etaSeconds() >= 0 ? " · ETA " + duration(p.etaSeconds()) : "",
                p.stopping() ? " · stopping after the epochs in flight" : ""));
    }

    private void mergeLive(SweepProgress p) {
        Map<Integer, RunProgress> bySeq = new HashMap<>();
        p.models().forEach(m -> bySeq.put(m.seq(), m));
        for (int i = 0; i < runs.size(); i++) {
            RunItem r = runs.get(i);
            RunProgress live = r.run().status() == RunStatus.RUNNING ? bySeq.get(r.seq()) : null;
            if (!java.util.Objects.equals(live, r.live())) {
                replace(i, new RunItem(r.run(), live));
            }
        }
    }

    private void replace(int i, RunItem item) {
        boolean wasSelected = selectedRun.get() != null && selectedRun.get().run().id() == item.run().id();
        runs.set(i, item);
        if (wasSelected) {
            selectedRun.set(item);
        }
    }

    /** Every two seconds (the panel's timer): re-reads the selected sweep when another process may be training it. */
    public void poll() {
        SweepItem item = selectedSweep.get();
        if (item != null && !isRunningHere(item.name()) && item.queued() + item.running() > 0) {
            loadRuns();
        }
    }

    /** Reads the selected sweep's runs from the catalogue in the background. */
    void loadRuns() {
        SweepItem item = selectedSweep.get();
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
            if (selectedSweep.get() == null || !selectedSweep.get().name().equals(name) || gen != runsGeneration) {
                return;
            }
            showRuns(st);
        }).onFailure(t -> message.set(t.getMessage())).andFinally(() -> statusInFlight = false);
    }

    private void showRuns(SweepStatus st) {
        SweepProgress p = isRunningHere(st.name()) ? latest.get(st.name()) : null;
        Map<Integer, RunProgress> bySeq = new HashMap<>();
        if (p != null) {
            p.models().forEach(m -> bySeq.put(m.seq(), m));
        }
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
        SweepItem item = SweepItem.of(st, isRunningHere(st.name()), alive);
        updateItem(item);
        if (p == null || !isRunningHere(st.name())) {
            fraction.set(st.total() == 0 ? 0 : (double) (item.done() + item.failed()) / st.total());
            overall.set(String.format(Locale.ROOT, "%d runs: %d done · %d running · %d failed · %d pending · %s",
                    item.total(), item.done(), item.running(), item.failed(), item.queued(), item.state()));
        }
    }

    private void updateItem(String name) {
        sweeps.stream().filter(i -> i.name().equals(name)).findFirst().ifPresent(i -> updateItem(new SweepItem(
                i.name(), i.total(), i.done(), i.running(), i.failed(), i.queued(), i.started(), isRunningHere(name),
                i.elsewhere())));
    }

    private void updateItem(SweepItem item) {
        for (int i = 0; i < sweeps.size(); i++) {
            if (sweeps.get(i).name().equals(item.name()) && !sweeps.get(i).equals(item)) {
                boolean selected = selectedSweep.get() != null && selectedSweep.get().name().equals(item.name());
                sweeps.set(i, item);
                if (selected) {
                    selectedSweep.set(item);
                }
            }
        }
    }

    private void ended(String name, SweepOutcome o, Throwable e) {
        handles.remove(name);
        latest.remove(name);
        if (e != null) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            message.set(name + ": the scheduler failed: " + cause.getMessage());
        } else {
            message.set(String.format(Locale.ROOT, "%s %s after %s: %d done, %d failed, %d pending", name,
                    o.stopped() ? "stopped" : "finished", duration(o.seconds()), o.done(), o.failed(), o.pending()));
        }
        updateItem(name);
        loadRunsNow();
        catalogChanged.run();
    }

    private void loadRunsNow() {
        statusInFlight = false;
        loadRuns();
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
                if (selectedRun.get() != null && selectedRun.get().run().id() == run.id()) {
                    failure.set("Failed: " + run.failure() + "\n\nLast lines of " + run.checkpointDir()
                            + "/worker.log:\n" + tail);
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
        String title = (selectedSweep.get() == null ? "" : selectedSweep.get().name()) + " #" + run.seq();
        tasks.run("Reading curves", p -> s.read(c -> RunFigures.curves(title, c.runData(run.id()).curves())))
                .onSuccess(f -> {
                    if (gen == curvesGeneration) {
                        curves.set(f);
                    }
                });
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
