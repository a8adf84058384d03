package org.ndsw.ui.catalog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableListBase;
import org.ndsw.catalog.ModelQuery;
import org.ndsw.catalog.RunRow;
import org.ndsw.ui.task.TaskRunner;

/**
 * The rows of the current query as a read-only list for a virtualized table. A query is read as the ids of every
 * matching run in order (one statement, 8 bytes a run); the rows themselves are read by id a page at a time, in the
 * background, when the table first asks for them, so a jump anywhere costs one small read and no sort. A row not read yet is null until
 * its page arrives, then the list reports the page's rows as updated so the table redraws them. At most
 * {@link #MAX_PAGES} pages of rows are kept, so 10^5 rows never sit in memory at once.
 *
 * <p>A new query {@link #reset}s the same list rather than replacing it: a TableView clears its sort order whenever
 * its items list is replaced, which would undo the click on a header that asked for the new query.
 */
public final class PagedRows extends ObservableListBase<RunRow> {
    /** Rows per page read. */
    public static final int PAGE = 200;
    /** Pages kept; the least recently used one is dropped beyond that. */
    static final int MAX_PAGES = 40;

    private final TaskRunner tasks;
    private final Consumer<Throwable> readFailed;
    private Function<List<Long>, List<RunRow>> fetch;
    private ModelQuery query;
    private long[] ids = new long[0];
    private int size;
    private long generation;
    private final Map<Integer, List<RunRow>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<RunRow>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Set<Integer> pending = new HashSet<>();
    private boolean inGet;

    /** No rows until the first {@link #reset}; pages are read on `tasks`, and a failed read goes to `readFailed`. */
    public PagedRows(TaskRunner tasks, Consumer<Throwable> readFailed) {
        this.tasks = tasks;
        this.readFailed = readFailed;
    }

    /**
     * Shows the runs `matching` of query `q`, in order, starting from the rows of its first page already read; later
     * pages are read by id with `read`. Pages of the previous query still being read are dropped when they arrive.
     */
    public void reset(ModelQuery q, long[] matching, List<RunRow> first, Function<List<Long>, List<RunRow>> read) {
        int old = size;
        generation++;
        pages.clear();
        pending.clear();
        fetch = read;
        query = q;
        ids = matching;
        size = matching.length;
        pages.put(0, first);
        beginChange();
        if (old > 0) {
            nextRemove(0, java.util.Collections.nCopies(old, (RunRow) null));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }

    /** The query these rows answer, or null before the first reset. */
    public ModelQuery query() {
        return query;
    }

    /** The ids of page `p` of `all`. */
    public static List<Long> page(long[] all, int p) {
        int from = Math.min(all.length, p * PAGE);
        int to = Math.min(all.length, from + PAGE);
        List<Long> out = new java.util.ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(all[i]);
        }
        return out;
    }

    @Override
    public RunRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int p = index / PAGE;
        List<RunRow> rows = pages.get(p);
        if (rows == null) {
            inGet = true;
            try {
                request(p);
            } finally {
                inGet = false;
            }
            rows = pages.get(p);
        }
        int i = index % PAGE;
        return rows == null || i >= rows.size() ? null : rows.get(i);
    }

    /** The row at `index` if its page is in memory, without reading anything. */
    public RunRow peek(int index) {
        List<RunRow> rows = index < 0 || index >= size ? null : pages.get(index / PAGE);
        int i = index % PAGE;
        return rows == null || i >= rows.size() ? null : rows.get(i);
    }

    @Override
    public int size() {
        return size;
    }

    /** Pages now in memory. */
    int pagesInMemory() {
        return pages.size();
    }

    private void request(int p) {
        if (!pending.add(p)) {
            return;
        }
        List<Long> pageIds = page(ids, p);
        long gen = generation;
        Function<List<Long>, List<RunRow>> read = fetch;
        tasks.run("Reading models", progress -> read.apply(pageIds)).onSuccess(rows -> {
            if (gen != generation) {
                return;
            }
            pending.remove(p);
            pages.put(p, rows);
            if (!inGet) {
                announce(p);
            }
        }).onFailure(t -> {
            if (gen == generation) {
                readFailed.accept(t);
            }
        });
        // After a failed read the page stays pending, so it is not retried on every redraw.
    }

    /** Tells listeners (the table) that a page's rows changed from "not read" to their values. */
    private void announce(int p) {
        int from = p * PAGE;
        int to = Math.min(size, from + PAGE);
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }
}
