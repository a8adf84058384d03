package org.ndsw.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * Writes inside one transaction of {@link Catalog#write}: sweeps, models (deduplicated by hash) and runs.
 *
 * <p>Rows are sent in batches with ids chosen here (the transaction holds the write lock, so max(id) + 1 is free);
 * models are flushed before the runs that reference them, so foreign keys hold at every statement.
 */
public final class CatalogWriter {
    private static final int BATCH = 512;

    private final Connection conn;
    private final Path file;
    private final Map<String, Long> modelIds = new HashMap<>();
    private final PreparedStatement insertModel;
    private final PreparedStatement insertRun;
    private final PreparedStatement insertData;
    private final PreparedStatement findModel;
    /** False while the catalogue had no model when the transaction began: the hash map then knows them all. */
    private boolean lookUp;
    private long nextModelId;
    private long nextRunId;
    private int pending;

    CatalogWriter(Connection conn, Path file) throws SQLException {
        this.conn = conn;
        this.file = file;
        nextModelId = Sql.queryLong(conn, "SELECT coalesce(max(id), 0) + 1 FROM models");
        lookUp = nextModelId > 1;
        nextRunId = Sql.queryLong(conn, "SELECT coalesce(max(id), 0) + 1 FROM runs");
        insertModel = conn.prepareStatement("INSERT INTO models (id, hash, family, net, net_b, flops, params, acts,"
                + " block_type, ops_normal, ops_reduce) VALUES (?, ?, ?, ?, jsonb(?), ?, ?, ?, ?, ?, ?)");
        insertRun = conn.prepareStatement("INSERT INTO runs (id, sweep_id, model_id, seq, seed, status, error,"
                + " final_error, epochs, flops, params, base_lr, wd, max_ep, engine, host, started, finished,"
                + " train_seconds, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertData = conn.prepareStatement("INSERT INTO run_data (run_id, optim, test_ep_top1, train_ep_top1,"
                + " train_ep_loss, test_ep_loss, train_it_loss, train_it_top1, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        findModel = conn.prepareStatement("SELECT id FROM models WHERE hash = ?");
    }

    /** Creates a sweep and returns its id; fails if a sweep of that name exists. */
    public long createSweep(NewSweep s) {
        if (sweep(s.name()).isPresent()) {
            throw new NdswException("catalogue " + file + " already has a sweep named " + Quote.of(s.name()));
        }
        String sql = "INSERT INTO sweeps (name, space, dataset, source_kind, source, source_name, source_sha256,"
                + " source_group, recipe, verification, provenance, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            String[] values = {s.name(), s.space(), s.dataset(), s.sourceKind(), s.source(), s.sourceName(),
                s.sourceSha256(), s.sourceGroup(), s.recipe(), s.verification(), s.provenance(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()};
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
            return Sql.queryLong(conn, "SELECT last_insert_rowid()");
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot create sweep " + s.name(), e);
        }
    }

    /** Sets what is known only once a sweep's source is read to the end: its checksum, recipe and verification. */
    public void describeSweep(long sweepId, String sha256, String recipe, String verification) {
        String sql = "UPDATE sweeps SET source_sha256 = ?, recipe = ?, verification = ? WHERE id = ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, sha256);
            ps.setString(2, recipe);
            ps.setString(3, verification);
            ps.setLong(4, sweepId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot describe sweep " + sweepId, e);
        }
    }

    /** The sweep of this name, if any (as committed plus this transaction's changes). */
    public Optional<SweepSummary> sweep(String name) {
        return new SweepReads(conn, file).summary(name);
    }

    /** The sweeps imported from a file of this name (one, or one per group of a grouped file). */
    public List<SweepSummary> sweepsFromSource(String sourceName) {
        return new SweepReads(conn, file).fromSource(sourceName);
    }

    /** Deletes a sweep with its runs, then every model no run refers to any more. */
    public void deleteSweep(long sweepId) {
        flush();
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sweeps WHERE id = ?")) {
            ps.setLong(1, sweepId);
            ps.executeUpdate();
            Sql.exec(conn, "DELETE FROM models WHERE id NOT IN (SELECT model_id FROM runs)");
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot delete sweep " + sweepId, e);
        }
        modelIds.clear();
        lookUp = true;
    }

    /** The id of the model with this hash, adding the model if the catalogue does not have it yet. */
    public long model(ModelEntry m) {
        Long id = modelIds.get(m.hash());
        if (id != null) {
            return id;
        }
        try {
            if (lookUp) {
                findModel.setString(1, m.hash());
                try (ResultSet rs = findModel.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                        modelIds.put(m.hash(), id);
                        return id;
                    }
                }
            }
            id = nextModelId++;
            bindModel(id, m);
            insertModel.addBatch();
            modelIds.put(m.hash(), id);
            countPending();
            return id;
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot add model " + m.hash(), e);
        }
    }

    /** Adds a run of a model to a sweep and returns its id. */
    public long addRun(long sweepId, long modelId, RunEntry r) {
        long id = nextRunId++;
        try {
            bindRun(id, sweepId, modelId, r);
            insertRun.addBatch();
            bindData(id, r.data());
            insertData.addBatch();
            countPending();
            return id;
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot add run " + r.seq() + " to sweep " + sweepId, e);
        }
    }

    /**
     * Adds a run of a sweep ndsw trains, queued, with its identity in the sweep ("model hash/seed", unique per sweep)
     * and its checkpoint folder; returns its id.
     */
    public long addQueuedRun(long sweepId, long modelId, RunEntry r, String runKey, String checkpointDir) {
        if (r.status() != RunStatus.QUEUED) {
            throw new NdswException("a run to train starts queued, got " + r.status().label());
        }
        long id = addRun(sweepId, modelId, r);
        flush();
        try (PreparedStatement ps = conn.prepareStatement("UPDATE runs SET run_key = ?, checkpoint_dir = ? WHERE id = ?")) {
            ps.setString(1, runKey);
            ps.setString(2, checkpointDir);
            ps.setLong(3, id);
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot queue run " + runKey + " (each model and seed once per sweep)", e);
        }
    }

    /** Sends the pending batches (models first, so runs find them). */
    public void flush() {
        try {
            insertModel.executeBatch();
            insertRun.executeBatch();
            insertData.executeBatch();
            pending = 0;
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot write runs", e);
        }
    }

    /** Releases the statements; {@link Catalog#write} calls it after commit or rollback. */
    void close() {
        for (PreparedStatement ps : List.of(insertModel, insertRun, insertData, findModel)) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // Closing a statement of a finished transaction cannot lose data.
            }
        }
    }

    private void countPending() {
        if (++pending >= BATCH) {
            flush();
        }
    }

    private void bindModel(long id, ModelEntry m) throws SQLException {
        insertModel.setLong(1, id);
        insertModel.setString(2, m.hash());
        insertModel.setString(3, m.family());
        insertModel.setString(4, m.net());
        insertModel.setString(5, m.net());
        insertModel.setLong(6, m.complexity().flops());
        insertModel.setLong(7, m.complexity().params());
        insertModel.setLong(8, m.complexity().acts());
        insertModel.setString(9, m.blockType());
        insertModel.setString(10, m.opsNormal());
        insertModel.setString(11, m.opsReduce());
    }

    private void bindRun(long id, long sweepId, long modelId, RunEntry r) throws SQLException {
        PreparedStatement ps = insertRun;
        ps.setLong(1, id);
        ps.setLong(2, sweepId);
        ps.setLong(3, modelId);
        ps.setInt(4, r.seq());
        Sql.setLong(ps, 5, r.seed());
        ps.setString(6, r.status().label());
        Sql.setDouble(ps, 7, r.error());
        Sql.setDouble(ps, 8, r.finalError());
        Sql.setInt(ps, 9, r.epochs());
        Sql.setLong(ps, 10, r.flops());
        Sql.setLong(ps, 11, r.params());
        Sql.setDouble(ps, 12, r.baseLr());
        Sql.setDouble(ps, 13, r.wd());
        Sql.setInt(ps, 14, r.maxEp());
        ps.setString(15, r.engine());
        ps.setString(16, r.host());
        ps.setString(17, r.started());
        ps.setString(18, r.finished());
        Sql.setDouble(ps, 19, r.trainSeconds());
        ps.setString(20, r.provenance());
    }

    private void bindData(long id, RunData d) throws SQLException {
        PreparedStatement ps = insertData;
        RunData.Curves c = d.curves();
        ps.setLong(1, id);
        ps.setString(2, d.optim());
        ps.setBytes(3, CurveCodec.encode(c.testEpTop1()));
        ps.setBytes(4, CurveCodec.encode(c.trainEpTop1()));
        ps.setBytes(5, CurveCodec.encode(c.trainEpLoss()));
        ps.setBytes(6, CurveCodec.encode(c.testEpLoss()));
        ps.setBytes(7, CurveCodec.encode(c.trainItLoss()));
        ps.setBytes(8, CurveCodec.encode(c.trainItTop1()));
        ps.setString(9, d.extra());
    }
}
