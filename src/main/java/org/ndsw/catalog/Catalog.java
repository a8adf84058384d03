package org.ndsw.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.ndsw.NdswException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A catalogue file: one SQLite database (WAL mode, foreign keys on) holding sweeps, models and runs.
 *
 * <p>Writes go through {@link #write}, one IMMEDIATE transaction each: either all of it lands or none. Readers in
 * other processes keep reading the last committed state meanwhile (WAL), and a second writer waits up to
 * {@link #BUSY_TIMEOUT_MS} for the lock instead of failing. An instance is not thread-safe: use it from one thread.
 */
public final class Catalog implements AutoCloseable {
    /** How long a statement waits for another process's write lock before giving up. */
    public static final int BUSY_TIMEOUT_MS = 30_000;
    /** Page cache of a connection: large transactions spill dirty pages to the WAL less often (64 MB). */
    private static final int CACHE_KIB = 65_536;

    private final Path file;
    private final Connection conn;

    private Catalog(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** Opens an existing catalogue, migrating it to the latest schema; fails if the file does not exist. */
    public static Catalog open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NdswException("no catalogue at " + file + "; create one with `ndsw catalog init` or `ndsw import`");
        }
        return connect(file, false, Schema.MIGRATIONS);
    }

    /** Opens a catalogue, creating the file and its folder first if needed. */
    public static Catalog openOrCreate(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new NdswException("cannot create the folder of catalogue " + file + ": " + e.getMessage(), e);
        }
        return connect(file, true, Schema.MIGRATIONS);
    }

    /** Opens a catalogue with a given list of migrations (tests of the migration mechanism). */
    static Catalog openWith(Path file, List<Migration> steps) {
        return connect(file, false, steps);
    }

    private static Catalog connect(Path file, boolean create, List<Migration> steps) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        cfg.setCacheSize(-CACHE_KIB);
        if (!create) {
            cfg.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        Connection c = null;
        try {
            c = cfg.createConnection("jdbc:sqlite:" + file);
            new Migrator(c, file).migrate(steps);
            return new Catalog(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw Sql.fail(file, "cannot open", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The catalogue file. */
    public Path file() {
        return file;
    }

    /** Runs `work` in one write transaction: committed if it returns, rolled back if it throws. */
    public <T> T write(Work<T> work) {
        try {
            Sql.exec(conn, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot start a write", e);
        }
        CatalogWriter w = null;
        try {
            w = new CatalogWriter(conn, file);
            T result = work.run(w);
            w.flush();
            Sql.exec(conn, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw Sql.fail(file, "cannot write", e);
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        } finally {
            if (w != null) {
                w.close();
            }
        }
    }

    /** The work of one write transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work; throwing rolls the whole transaction back. */
        T run(CatalogWriter writer);
    }

    /** Every sweep with its counts, by name. */
    public List<SweepSummary> sweeps() {
        return new SweepReads(conn, file).summaries();
    }

    /** The sweep of this name, if any. */
    public Optional<SweepSummary> sweep(String name) {
        return new SweepReads(conn, file).summary(name);
    }

    /** The sweeps imported from a file of this name (one, or one per group of a grouped file). */
    public List<SweepSummary> sweepsFromSource(String sourceName) {
        return new SweepReads(conn, file).fromSource(sourceName);
    }

    /** The queue of runs of sweeps ndsw trains: claims, progress and outcomes, one short transaction each. */
    public RunQueue runQueue() {
        return new RunQueue(conn, file);
    }

    /** Sizes and versions of the catalogue. */
    public CatalogInfo info() {
        return new SweepReads(conn, file).info();
    }

    /** Runs a query of runs joined with their models and sweeps. */
    public QueryResult query(ModelQuery q) {
        return new QueryRunner(conn, file).run(q);
    }

    /** The ids of every run a query matches, in its order (limit and offset ignored). */
    public long[] queryIds(ModelQuery q) {
        return new QueryRunner(conn, file).ids(q);
    }

    /** Query rows of runs by id, in the order of `ids`; null where no run has the id. */
    public List<RunRow> rows(List<Long> ids) {
        return new QueryRunner(conn, file).rows(ids);
    }

    /** The runs of a sweep in record order, each with its model and data, for export. */
    public void forEachStoredRun(String sweep, java.util.function.Consumer<StoredRun> action) {
        new StoredRuns(conn, file).forEach(sweep, action);
    }

    /** The optimizer settings, curves and other recorded fields of one run ({@link RunData#EMPTY} if none). */
    public RunData runData(long runId) {
        return new StoredRuns(conn, file).data(runId);
    }

    /** Per-model errors of a sweep (mean over the model's runs in it), with the recorded params and flops. */
    public List<ModelError> errors(String sweep, ErrorKind kind) {
        return new StoredRuns(conn, file).errors(sweep, kind);
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot close", e);
        }
    }

    Connection connection() {
        return conn;
    }

    private void rollback(Throwable cause) {
        try {
            Sql.exec(conn, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The open already failed; that error is the one to report.
            }
        }
    }
}
