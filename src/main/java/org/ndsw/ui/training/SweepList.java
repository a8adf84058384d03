package org.ndsw.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.app.sweep.SweepStatus;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.task.TaskRunner;

/**
 * The training panel's sweep list: the open catalogue's trainable (sampled) sweeps with their counts, the selected
 * one, and selections asked for before the sweep is listed ({@link #select}, {@link #startWhenListed}).
 *
 * <p>Thread confinement: FX thread only. Every method is called there and the catalogue is read in the background
 * through the {@link TaskRunner}, whose callbacks arrive on the FX thread, so plain fields suffice.
 */
final class SweepList {
    final ObservableList<SweepItem> sweeps = FXCollections.observableArrayList();
    final ObjectProperty<SweepItem> selected = new SimpleObjectProperty<>();

    private final TaskRunner tasks;
    private final ObservableValue<CatalogSession> session;
    private final Predicate<String> runningHere;
    private final Consumer<String> message;
    private Runnable startListed = () -> { };
    private String pendingSelect;
    private String pendingStart;

    /** A list over the catalogue `session`; `runningHere` tells this window's sweeps, `message` is the status line. */
    SweepList(TaskRunner tasks, ObservableValue<CatalogSession> session, Predicate<String> runningHere,
            Consumer<String> message) {
        this.tasks = tasks;
        this.session = session;
        this.runningHere = runningHere;
        this.message = message;
    }

    /** What to run once the sweep of {@link #startWhenListed} is listed and selected. */
    void onStartListed(Runnable r) {
        startListed = r;
    }

    /** Re-reads the trainable sweeps of the open catalogue and their counts. */
    void refresh() {
        CatalogSession s = session.getValue();
        if (s == null) {
            sweeps.clear();
            message.accept("No catalogue open: open or create one in the Catalogue panel.");
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
            show(list);
            long waiting = sweeps.stream().filter(i -> i.interrupted() || i.elsewhere() > 0).count();
            message.accept(sweeps.size() + " trainable sweeps in " + s.file().getFileName()
                    + (waiting > 0 ? "; " + waiting + " with interrupted or running runs: select one and Resume" : ""));
        }).onFailure(t -> message.accept(t.getMessage()));
    }

    private void show(List<SweepStatus> list) {
        String keep = selected.get() == null ? pendingSelect : selected.get().name();
        sweeps.setAll(list.stream().map(this::item).toList());
        sweeps.stream().filter(i -> i.name().equals(keep)).findFirst().ifPresent(selected::set);
        if (selected.get() == null) {
            // On start: show a sweep that another process trains or that waits to be resumed.
            sweeps.stream().filter(i -> i.elsewhere() > 0).findFirst()
                    .or(() -> sweeps.stream().filter(SweepItem::interrupted).findFirst())
                    .ifPresent(selected::set);
        }
        pendingSelect = null;
        if (pendingStart != null && selected.get() != null && selected.get().name().equals(pendingStart)) {
            pendingStart = null;
            startListed.run();
        }
    }

    /** Selects the sweep `name` once it is listed. */
    void select(String name) {
        pendingSelect = name;
        refresh();
    }

    /** Runs {@link #onStartListed}'s action once `name` is listed and selected (the caller then selects it). */
    void startWhenListed(String name) {
        pendingStart = name;
    }

    /** The list entry of a sweep's stored status. */
    SweepItem item(SweepStatus st) {
        return SweepItem.of(st, runningHere.test(st.name()), SweepWatcher.ALIVE);
    }

    /** Re-marks whether `name` runs here, keeping its counts. */
    void updateItem(String name) {
        sweeps.stream().filter(i -> i.name().equals(name)).findFirst().ifPresent(i -> updateItem(new SweepItem(
                i.name(), i.total(), i.done(), i.running(), i.failed(), i.queued(), i.started(),
                runningHere.test(name), i.elsewhere())));
    }

    /** Replaces the entry of `item`'s sweep, keeping it selected if it was. */
    void updateItem(SweepItem item) {
        for (int i = 0; i < sweeps.size(); i++) {
            if (sweeps.get(i).name().equals(item.name()) && !sweeps.get(i).equals(item)) {
                boolean isSelected = selected.get() != null && selected.get().name().equals(item.name());
                sweeps.set(i, item);
                if (isSelected) {
                    selected.set(item);
                }
            }
        }
    }
}
