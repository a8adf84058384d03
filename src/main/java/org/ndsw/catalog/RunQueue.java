package org.ndsw.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * The runs of sweeps ndsw trains, as a queue shared by processes: claims, heartbeats, per-epoch progress, outcomes.
 *
 * <p>Every method is one short IMMEDIATE transaction, so schedulers and workers in several processes take turns on the
 * write lock (waiting up to {@link Catalog#BUSY_TIMEOUT_MS}) and readers never wait (WAL). A run moves
 * queued → running (claimed: owner token, host, pid, heartbeat) → done or failed, or back to queued when its worker
 * stops or dies. Every write of a worker names its claim token and changes nothing once the claim has passed to
 * another process, so a run is recorded by at most one worker.
 */
public final class RunQueue {
    private static final String RUN_COLUMNS = "r.id, r.seq, m.hash, r.seed, r.status, coalesce(r.epochs, 0) AS epochs,"
            + " r.max_ep, r.error, r.final_error, r.attempts, r.failure, r.owner_host, r.owner_pid, r.heartbeat,"
            + " r.checkpoint_dir, r.base_lr, r.wd, CASE WHEN json_valid(d.extra) THEN json_extract(d.extra,"
            + " '$.train_ep_img_per_s[#-1]') END AS img_per_s";
    private static final String OWNED = " WHERE id = ? AND owner = ? AND status = 'running'";

    private final Connection conn;
    private final Path file;

    RunQueue(Connection conn, Path file) {
        this.conn = conn;
        this.file = file;
    }

    /** Claims the queued run of the sweep with the lowest seq, if any. */
    public Optional<RunClaim> claimNext(String sweep, Owner owner) {
        return tx("claim a run of " + sweep, () -> {
            long sweepId = sweepId(sweep);
            Long id = null;
            int seq = 0;
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, seq FROM runs WHERE sweep_id = ?"
                    + " AND status = 'queued' AND run_key IS NOT NULL ORDER BY seq LIMIT 1")) {
                ps.setLong(1, sweepId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                        seq = rs.getInt(2);
                    }
                }
            }
            if (id == null) {
                return Optional.empty();
            }
            update("UPDATE runs SET status = 'running', owner = ?, owner_host = ?, owner_pid = ?, heartbeat = ?,"
                    + " attempts = attempts + 1, failure = NULL, log_tail = NULL, started = coalesce(started, ?)"
                    + " WHERE id = ?", owner.token(), owner.host(), owner.pid(), now(),
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), id);
            return Optional.of(new RunClaim(id, seq, owner.token()));
        });
    }

    /**
     * Puts running runs whose claim is dead back in the queue: on this host a pid that is not alive, on any host a
     * heartbeat older than `staleMillis`. A run interrupted `maxAttempts` times is marked failed instead.
     *
     * @return the seqs of the runs released
     */
    public List<Integer> releaseStale(String sweep, String host, LongPredicate alive, long staleMillis,
            int maxAttempts) {
        return tx("release stale runs of " + sweep, () -> {
            long limit = now() - staleMillis;
            List<Integer> released = new ArrayList<>();
            for (SweepRun r : runs(sweepId(sweep))) {
                boolean dead = r.status() == RunStatus.RUNNING && (r.heartbeat() == null || r.heartbeat() < limit
                        || host.equals(r.ownerHost()) && (r.ownerPid() == null || !alive.test(r.ownerPid())));
                if (!dead) {
                    continue;
                }
                if (r.attempts() >= maxAttempts) {
                    update("UPDATE runs SET status = 'failed', owner = NULL, owner_pid = NULL, failure = ? WHERE id = ?",
                            "interrupted " + r.attempts() + " times (worker or scheduler died); not resumed again",
                            r.id());
                } else {
                    update("UPDATE runs SET status = 'queued', owner = NULL, owner_pid = NULL WHERE id = ?", r.id());
                }
                released.add(r.seq());
            }
            return released;
        });
    }

    /** A worker takes over a claim: records its pid; false if the claim is no longer held by this token. */
    public boolean attach(long runId, String token, long pid) {
        return tx("attach to run " + runId, () -> update("UPDATE runs SET owner_pid = ?, heartbeat = ?" + OWNED,
                pid, now(), runId, token) == 1);
    }

    /** Renews a claim; false if it is no longer held by this token. */
    public boolean heartbeat(long runId, String token) {
        return tx("renew the claim of run " + runId, () -> update("UPDATE runs SET heartbeat = ?" + OWNED, now(),
                runId, token) == 1);
    }

    /** Records the finished epochs of a running run (whole curves, so a repeated epoch replaces, never appends). */
    public boolean recordEpochs(long runId, String token, int epochs, Double error, Double finalError,
            RunData.Curves curves) {
        return tx("record epochs of run " + runId, () -> {
            if (update("UPDATE runs SET epochs = ?, error = ?, final_error = ?, heartbeat = ?" + OWNED, epochs, error,
                    finalError, now(), runId, token) != 1) {
                return false;
            }
            writeCurves(runId, curves, null);
            return true;
        });
    }

    /**
     * Records how a run ended (status done or failed) with its fields, data, failure reason and log tail, and drops
     * the claim; false (and nothing written) if the claim is no longer held by this token.
     */
    public boolean finish(long runId, String token, RunEntry e, String failure, String logTail) {
        if (e.status() != RunStatus.DONE && e.status() != RunStatus.FAILED) {
            throw new NdswException("a run finishes as done or failed, got " + e.status().label());
        }
        return tx("record the outcome of run " + runId, () -> {
            int n = update("UPDATE runs SET status = ?, error = ?, final_error = ?, epochs = ?, flops = ?, params = ?,"
                    + " base_lr = ?, wd = ?, max_ep = ?, engine = ?, host = ?, started = coalesce(started, ?),"
                    + " finished = ?, train_seconds = ?, provenance = ?, failure = ?, log_tail = ?, owner = NULL,"
                    + " owner_pid = NULL" + OWNED, e.status().label(), e.error(), e.finalError(), e.epochs(), e.flops(),
                    e.params(), e.baseLr(), e.wd(), e.maxEp(), e.engine(), e.host(), e.started(), e.finished(),
                    e.trainSeconds(), e.provenance(), failure, logTail, runId, token);
            if (n != 1) {
                return false;
            }
            writeCurves(runId, e.data().curves(), e.data());
            return true;
        });
    }

    /**
     * Records the progress of a run trained elsewhere (a cluster task, docs/cluster.md): a queued or running run gets
     * its epochs and whole curves and shows as running. False (nothing written) if the run is done or failed, or
     * already has these epochs, so collecting the same progress twice writes it once.
     */
    public boolean collectEpochs(long runId, int epochs, Double error, Double finalError, RunData.Curves curves) {
        return tx("collect epochs of run " + runId, () -> {
            if (update("UPDATE runs SET status = 'running', epochs = ?, error = ?, final_error = ?,"
                    + " started = coalesce(started, ?) WHERE id = ? AND (status = 'queued' OR status = 'running'"
                    + " AND coalesce(epochs, 0) <> ?)", epochs, error, finalError,
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), runId,
                    epochs) != 1) {
                return false;
            }
            writeCurves(runId, curves, null);
            return true;
        });
    }

    /**
     * Records how a run trained elsewhere ended (done or failed). A done run is never written again, and a failed run
     * only by a result that finished at another time, so collecting the same result twice records it once; false if
     * nothing was written.
     */
    public boolean collectOutcome(long runId, RunEntry e, String failure, String logTail) {
        if (e.status() != RunStatus.DONE && e.status() != RunStatus.FAILED) {
            throw new NdswException("a run finishes as done or failed, got " + e.status().label());
        }
        return tx("collect the outcome of run " + runId, () -> {
            int n = update("UPDATE runs SET status = ?, error = ?, final_error = ?, epochs = ?, flops = ?, params = ?,"
                    + " base_lr = ?, wd = ?, max_ep = ?, engine = ?, host = ?, started = coalesce(?, started),"
                    + " finished = ?, train_seconds = ?, provenance = ?, failure = ?, log_tail = ?, owner = NULL,"
                    + " owner_pid = NULL, attempts = attempts + 1 WHERE id = ? AND (status = 'queued'"
                    + " OR status = 'running' OR status = 'failed' AND coalesce(finished, '') <> coalesce(?, ''))",
                    e.status().label(), e.error(), e.finalError(), e.epochs(), e.flops(), e.params(), e.baseLr(),
                    e.wd(), e.maxEp(), e.engine(), e.host(), e.started(), e.finished(), e.trainSeconds(),
                    e.provenance(), failure, logTail, runId, e.finished());
            if (n != 1) {
                return false;
            }
            if (e.data().optim() != null || e.data().curves().testEpTop1() != null) {
                writeCurves(runId, e.data().curves(), e.data());
            }
            return true;
        });
    }

    /** Puts a running run whose cluster task was lost back in the queue (its curves stay); false if not running. */
    public boolean requeueLost(long runId) {
        return tx("requeue run " + runId, () -> update("UPDATE runs SET status = 'queued', owner = NULL,"
                + " owner_pid = NULL WHERE id = ? AND status = 'running'", runId) == 1);
    }

    /** Marks a claimed run failed without data (its worker died): false if the claim is no longer this token's. */
    public boolean fail(long runId, String token, String failure, String logTail) {
        return tx("record the failure of run " + runId, () -> update("UPDATE runs SET status = 'failed', failure = ?,"
                + " log_tail = ?, owner = NULL, owner_pid = NULL" + OWNED, failure, logTail, runId, token) == 1);
    }

    /**
     * Puts a claimed run back in the queue; false if the claim is not held. A worker that stopped on request
     * (`crashed` false) does not count as an attempt, so stopping a sweep often never fails its runs; a worker that
     * died does.
     */
    public boolean release(long runId, String token, boolean crashed) {
        return tx("release run " + runId, () -> update("UPDATE runs SET status = 'queued', owner = NULL,"
                + " owner_pid = NULL, attempts = attempts - ?" + OWNED, crashed ? 0 : 1, runId, token) == 1);
    }

    /** Puts the failed runs of a sweep back in the queue; returns how many. */
    public int retryFailed(String sweep) {
        return tx("retry failed runs of " + sweep, () -> update("UPDATE runs SET status = 'queued', failure = NULL,"
                + " attempts = 0 WHERE sweep_id = ? AND status = 'failed' AND run_key IS NOT NULL", sweepId(sweep)));
    }

    /** Asks every process running the sweep to stop (true) or clears the request (false). */
    public void requestStop(String sweep, boolean stop) {
        tx("set the stop request of " + sweep, () -> update("UPDATE sweeps SET stop_requested = ? WHERE id = ?",
                stop ? 1 : 0, sweepId(sweep)));
    }

    /** True if a stop of the sweep was requested and not cleared. */
    public boolean stopRequested(String sweep) {
        return read("read the stop request of " + sweep, () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT stop_requested FROM sweeps WHERE name = ?")) {
                ps.setString(1, sweep);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) != 0;
                }
            }
        });
    }

    /** The scheduling state of every run of the sweep, by seq. */
    public List<SweepRun> runs(String sweep) {
        return read("read the runs of " + sweep, () -> runs(sweepId(sweep)));
    }

    /** The run with its model and its sweep's definition. */
    public RunTicket ticket(long runId) {
        String sql = "SELECT s.name, r.seq, r.seed, m.net, s.space, s.source, r.checkpoint_dir, r.status, r.owner"
                + " FROM runs r JOIN sweeps s ON s.id = r.sweep_id JOIN models m ON m.id = r.model_id WHERE r.id = ?";
        return read("read run " + runId, () -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NdswException("catalogue " + file + " has no run with id " + runId);
                    }
                    return new RunTicket(runId, rs.getString(1), rs.getInt(2), Sql.getLong(rs, "seed"),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            RunStatus.parse(rs.getString(8)), rs.getString(9));
                }
            }
        });
    }

    private List<SweepRun> runs(long sweepId) throws SQLException {
        String sql = "SELECT " + RUN_COLUMNS + " FROM runs r JOIN models m ON m.id = r.model_id"
                + " LEFT JOIN run_data d ON d.run_id = r.id WHERE r.sweep_id = ? ORDER BY r.seq";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, sweepId);
            List<SweepRun> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SweepRun(rs.getLong("id"), rs.getInt("seq"), rs.getString("hash"),
                            Sql.getLong(rs, "seed"), RunStatus.parse(rs.getString("status")), rs.getInt("epochs"),
                            Sql.getInt(rs, "max_ep"), Sql.getDouble(rs, "error"), Sql.getDouble(rs, "final_error"),
                            rs.getInt("attempts"), rs.getString("failure"), rs.getString("owner_host"),
                            Sql.getLong(rs, "owner_pid"), Sql.getLong(rs, "heartbeat"),
                            rs.getString("checkpoint_dir"), Sql.getDouble(rs, "img_per_s"),
                            Sql.getDouble(rs, "base_lr"), Sql.getDouble(rs, "wd")));
                }
            }
            return out;
        }
    }

    private void writeCurves(long runId, RunData.Curves c, RunData data) throws SQLException {
        String sql = "INSERT INTO run_data (run_id, optim, test_ep_top1, train_ep_top1, train_ep_loss, test_ep_loss,"
                + " extra) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET"
                + " optim = coalesce(excluded.optim, optim), test_ep_top1 = excluded.test_ep_top1,"
                + " train_ep_top1 = excluded.train_ep_top1, train_ep_loss = excluded.train_ep_loss,"
                + " test_ep_loss = excluded.test_ep_loss, extra = coalesce(excluded.extra, extra)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setString(2, data == null ? null : data.optim());
            ps.setBytes(3, CurveCodec.encode(c.testEpTop1()));
            ps.setBytes(4, CurveCodec.encode(c.trainEpTop1()));
            ps.setBytes(5, CurveCodec.encode(c.trainEpLoss()));
            ps.setBytes(6, CurveCodec.encode(c.testEpLoss()));
            ps.setString(7, data == null ? null : data.extra());
            ps.executeUpdate();
        }
    }

    private long sweepId(String sweep) {
        return new SweepReads(conn, file).id(sweep).orElseThrow(() -> new NdswException("catalogue " + file
                + " has no sweep named " + Quote.of(sweep) + " (list them with `ndsw sweeps`)"));
    }

    private int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    /** The body of a transaction or read. */
    private interface Body<T> {
        T run() throws SQLException;
    }

    private <T> T tx(String doing, Body<T> body) {
        try {
            Sql.exec(conn, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot " + doing, e);
        }
        try {
            T result = body.run();
            Sql.exec(conn, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw Sql.fail(file, "cannot " + doing, e);
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
    }

    private <T> T read(String doing, Body<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot " + doing, e);
        }
    }

    private void rollback(Throwable cause) {
        try {
            Sql.exec(conn, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
