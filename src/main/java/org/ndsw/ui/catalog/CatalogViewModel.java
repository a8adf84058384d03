package org.ndsw.ui.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.NdswException;
import org.ndsw.app.ingest.Download;
import org.ndsw.app.catalog.ExportService;
import org.ndsw.app.ingest.ImportReport;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Column;
import org.ndsw.catalog.Condition;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SortKey;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.ui.task.TaskHandle;
import org.ndsw.ui.task.TaskRunner;

/**
 * The catalogue panel: the open catalogue, its sweeps, the models table of the current query (filters, ranges, sort)
 * read page by page, the selected run's details, and imports with progress. Every catalogue read runs off the FX
 * thread; results that a newer request overtook are dropped ("latest wins").
 */
public final class CatalogViewModel {
    /** The catalogue in use, or null before one is opened. */
    final ObjectProperty<CatalogSession> session = new SimpleObjectProperty<>();
    final ObservableList<SweepSummary> sweeps = FXCollections.observableArrayList();
    /** The sweeps selected in the list: the models table shows their runs (all runs when none is selected). */
    final ObservableList<SweepSummary> selectedSweeps = FXCollections.observableArrayList();
    /** A `--where` expression over any column or net path (docs/catalog.md, "Queries"). */
    final StringProperty where = new SimpleStringProperty("");
    final RangeFilter error = new RangeFilter(Column.ERROR);
    final RangeFilter params = new RangeFilter(Column.PARAMS);
    final RangeFilter flops = new RangeFilter(Column.FLOPS);
    final ObjectProperty<List<SortKey>> sort = new SimpleObjectProperty<>(List.of());
    final ObjectProperty<RunRow> selectedRow = new SimpleObjectProperty<>();

    final BooleanProperty importing = new SimpleBooleanProperty(false);
    final DoubleProperty importProgress = new SimpleDoubleProperty(-1);
    final StringProperty importStatus = new SimpleStringProperty("");

    private final PagedRows rows;
    private final ReadOnlyObjectWrapper<ModelDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("No catalogue open.");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final TaskRunner tasks;
    private long queryGeneration;
    private long detailsGeneration;
    private TaskHandle<Imported> runningImport;
    private String revealSweep;

    /** A panel reading on `tasks`. */
    public CatalogViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        this.rows = new PagedRows(tasks, t -> message.set("Reading models: " + t.getMessage()));
        selectedSweeps.addListener((javafx.collections.ListChangeListener<SweepSummary>) c -> query());
        sort.addListener((o, a, b) -> query());
        selectedRow.addListener((o, a, b) -> loadDetails(b));
    }

    /** Opens (or, with `create`, creates) the catalogue at `file` in the background, closing the previous one. */
    public TaskHandle<CatalogSession> open(Path file, boolean create) {
        message.set("Opening " + file + "…");
        return tasks.run("Opening catalogue", p -> CatalogSession.open(file, create)).onSuccess(s -> {
            CatalogSession old = session.get();
            session.set(s);
            if (old != null) {
                tasks.run("Closing catalogue", p -> {
                    old.close();
                    return null;
                }).onFailure(t -> message.set("Closing " + old.file() + ": " + t.getMessage()));
            }
            refresh();
        }).onFailure(t -> message.set(t.getMessage()));
    }

    /** Sets the catalogue in use (tests and the workbench's start-up open it directly). */
    public void use(CatalogSession s) {
        session.set(s);
        refresh();
    }

    /** Reads the sweeps again and re-runs the current query. */
    public void refresh() {
        CatalogSession s = session.get();
        if (s == null) {
            return;
        }
        tasks.run("Reading sweeps", p -> s.read(c -> c.sweeps())).onSuccess(list -> {
            List<String> keep = revealSweep != null ? List.of(revealSweep)
                    : selectedSweeps.stream().map(SweepSummary::name).toList();
            sweeps.setAll(list);
            // Keep the selection by name; the list view re-selects from selectedSweeps.
            selectedSweeps.setAll(list.stream().filter(w -> keep.contains(w.name())).toList());
            query();
        }).onFailure(t -> message.set(t.getMessage()));
    }

    /** The query of the current sweeps, filters and sort; throws with a message on a bad filter. */
    ModelQuery currentQuery() {
        List<Condition> conditions = new ArrayList<>();
        if (where.get() != null && !where.get().isBlank()) {
            conditions.addAll(org.ndsw.catalog.QueryText.where(where.get().trim()));
        }
        error.addTo(conditions);
        params.addTo(conditions);
        flops.addTo(conditions);
        List<String> names = selectedSweeps.stream().map(SweepSummary::name).toList();
        return new ModelQuery(names, conditions, sort.get(), 0, 0);
    }

    /** Runs the current query: the models table gets a new list whose pages are read as it scrolls. */
    public void query() {
        CatalogSession s = session.get();
        if (s == null) {
            return;
        }
        ModelQuery q;
        try {
            q = currentQuery();
            filterError.set("");
        } catch (NdswException e) {
            filterError.set(e.getMessage());
            return;
        }
        long gen = ++queryGeneration;
        message.set("Querying…");
        tasks.run("Querying models", p -> s.read(c -> {
            long[] ids = c.modelIds(q);
            return new Matches(ids, c.rows(PagedRows.page(ids, 0)));
        })).onSuccess(r -> {
            if (gen == queryGeneration) {
                rows.reset(q, r.ids(), r.first(), page -> s.read(c -> c.rows(page)));
                if (revealSweep != null && q.sweeps().equals(List.of(revealSweep)) && !rows.isEmpty()) {
                    revealSweep = null;
                    selectedRow.set(rows.get(0));
                }
                message.set(describe(r.ids().length));
            }
        }).onFailure(t -> {
            if (gen == queryGeneration) {
                message.set(t.getMessage());
            }
        });
    }

    /** A query's matching run ids and the rows of its first page. */
    private record Matches(long[] ids, List<RunRow> first) {}

    private String describe(long total) {
        long all = sweeps.stream().filter(w -> selectedSweeps.isEmpty() || selectedSweeps.contains(w))
                .mapToLong(SweepSummary::runs).sum();
        String of = selectedSweeps.isEmpty() ? sweeps.size() + " sweeps" : selectedSweeps.size() == 1
                ? "sweep " + selectedSweeps.get(0).name() : selectedSweeps.size() + " sweeps";
        return String.format(java.util.Locale.ROOT, "%,d of %,d runs in %s", total, all, of);
    }

    /** Once the catalogue is read, selects the sweep `name` and its first run (the workbench's `ndsw.select`). */
    public void reveal(String name) {
        revealSweep = name;
        refresh();
    }

    /** Clears the filter text and every range, then re-runs the query. */
    public void clearFilters() {
        where.set("");
        for (RangeFilter r : List.of(error, params, flops)) {
            r.min.set("");
            r.max.set("");
        }
        query();
    }

    private void loadDetails(RunRow row) {
        long gen = ++detailsGeneration;
        CatalogSession s = session.get();
        if (row == null || s == null) {
            details.set(null);
            return;
        }
        ModelQuery sameModel = new ModelQuery(List.of(), List.of(new Condition(Column.MODEL, Condition.Op.EQ,
                List.of(row.model()))), List.of(new SortKey(Column.ERROR, false)), 0, 0);
        tasks.run("Reading run details", p -> s.read(c -> ModelDetails.of(row, c.runData(row.run()),
                c.models(sameModel).rows()))).onSuccess(d -> {
                    if (gen == detailsGeneration) {
                        details.set(d);
                    }
                }).onFailure(t -> {
                    if (gen == detailsGeneration) {
                        details.set(null);
                        message.set("Reading the details of run " + row.run() + ": " + t.getMessage());
                    }
                });
    }

    /** What an import did, and the catalogue it went into. */
    public record Imported(CatalogSession session, ImportReport report) {}

    /**
     * Imports files, folders or zips into the open catalogue (creating `fallback` first if none is open), with
     * progress; the handle delivers the report. Each file is one transaction, so a bad file leaves nothing behind.
     */
    public TaskHandle<Imported> importPaths(List<Path> paths, Path fallback) {
        return runImport("Importing " + paths.size() + (paths.size() == 1 ? " item…" : " items…"), fallback,
                (s, p) -> s.importPaths(paths, p));
    }

    /**
     * Imports again the inputs of `paths` refused for the name of an earlier import, as `choices` says (input to new
     * file name, or "" to replace the earlier sweeps); see {@link CatalogSession#importAgain}.
     */
    public TaskHandle<Imported> importAgain(List<Path> paths, java.util.Map<String, String> choices, Path fallback) {
        return runImport("Importing " + choices.size() + (choices.size() == 1 ? " item…" : " items…"), fallback,
                (s, p) -> s.importAgain(paths, choices, p));
    }

    /**
     * Downloads `url` into the `downloads/` folder next to the catalogue (reusing a complete earlier download unless
     * `refetch`) and imports it as {@link #importPaths} does; a failed download fails the handle.
     */
    public TaskHandle<Imported> importUrl(String url, boolean refetch, Path fallback) {
        return runImport("Downloading " + url + "…", fallback, (s, p) -> s.importUrl(url,
                new Download(new Download.Options(Download.defaultDir(s.file()), refetch)), p));
    }

    /**
     * Imports again the inputs of earlier downloads refused for the name of an earlier import, as `choices` says; see
     * {@link CatalogSession#importDownloadedAgain}.
     */
    public TaskHandle<Imported> importDownloadedAgain(List<Download.Result> downloads,
            java.util.Map<String, String> choices, Path fallback) {
        return runImport("Importing " + choices.size() + (choices.size() == 1 ? " item…" : " items…"), fallback,
                (s, p) -> s.importDownloadedAgain(downloads, choices, p));
    }

    private TaskHandle<Imported> runImport(String status, Path fallback,
            BiFunction<CatalogSession, ProgressSink, ImportReport> work) {
        CatalogSession open = session.get();
        importing.set(true);
        importProgress.set(-1);
        importStatus.set(status);
        TaskHandle<Imported> h = tasks.run("Importing", p -> {
            CatalogSession s = open != null ? open : CatalogSession.open(fallback, true);
            try {
                return new Imported(s, work.apply(s, p));
            } catch (RuntimeException e) {
                if (s != open) {
                    s.close();
                }
                throw e;
            }
        });
        runningImport = h;
        return h.onProgress((m, f) -> {
            importStatus.set(m);
            importProgress.set(f);
        }).onSuccess(i -> {
            if (session.get() != i.session()) {
                session.set(i.session());
            }
            refresh();
        }).andFinally(() -> {
            importing.set(false);
            importStatus.set("");
            runningImport = null;
        });
    }

    /** Asks the running import to stop; the file being imported is rolled back, earlier files stay. */
    public void cancelImport() {
        if (runningImport != null) {
            runningImport.cancel();
        }
    }

    /** Deletes sweeps in the background, then refreshes. */
    public TaskHandle<Void> delete(List<String> names) {
        CatalogSession s = requireSession();
        return tasks.<Void>run("Deleting " + String.join(", ", names), p -> {
            for (String n : names) {
                s.deleteSweep(n);
            }
            return null;
        }).andFinally(this::refresh);
    }

    /** Exports a sweep as NDS JSON in the background. */
    public TaskHandle<ExportService.Result> export(String sweep, Path out) {
        CatalogSession s = requireSession();
        return tasks.run("Exporting " + sweep, p -> s.export(sweep, ExportService.Format.NDS, out));
    }

    private CatalogSession requireSession() {
        CatalogSession s = session.get();
        if (s == null) {
            throw new NdswException("no catalogue is open; open one with File > Open catalogue");
        }
        return s;
    }

    /** The names of the selected sweeps, in list order. */
    public List<String> selectedNames() {
        return selectedSweeps.stream().map(SweepSummary::name).toList();
    }

    /** The names of every sweep in the open catalogue, as last read. */
    public List<String> sweepNames() {
        return sweeps.stream().map(SweepSummary::name).toList();
    }

    /** The open catalogue, or null. */
    public ReadOnlyObjectProperty<CatalogSession> sessionProperty() {
        return session;
    }

    /** The rows of the current query (empty before the first query); one list for the panel's lifetime. */
    public PagedRows rows() {
        return rows;
    }

    /** The selected run's details, or null. */
    public ReadOnlyObjectProperty<ModelDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The row count of the current query, or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the filter cannot be applied, or "". */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** Cancels a running import (it rolls back its current file) and closes the open catalogue. */
    public void close() {
        cancelImport();
        CatalogSession s = session.get();
        if (s != null) {
            session.set(null);
            s.close();
        }
    }
}
