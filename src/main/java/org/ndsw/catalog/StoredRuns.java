package org.ndsw.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/** Reads the runs of one sweep: all of them for export, or one error per model for the statistics. */
final class StoredRuns {
    private final Connection conn;
    private final Path file;

    StoredRuns(Connection conn, Path file) {
        this.conn = conn;
        this.file = file;
    }

    void forEach(String sweep, Consumer<StoredRun> action) {
        long id = sweepId(sweep);
        String sql = "SELECT r.seq, r.seed, r.status, r.error, r.final_error, r.epochs, r.flops, r.params, m.net,"
                + " d.optim, d.test_ep_top1, d.train_ep_top1, d.train_ep_loss, d.test_ep_loss, d.train_it_loss,"
                + " d.train_it_top1, d.extra FROM runs r JOIN models m ON m.id = r.model_id"
                + " LEFT JOIN run_data d ON d.run_id = r.id WHERE r.sweep_id = ? ORDER BY r.seq";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(stored(sweep, rs));
                }
            }
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot read the runs of sweep " + sweep, e);
        }
    }

    /** The optimizer settings, curves and other fields of one run; {@link RunData#EMPTY} if it has none. */
    RunData data(long runId) {
        String sql = "SELECT d.optim, d.test_ep_top1, d.train_ep_top1, d.train_ep_loss, d.test_ep_loss,"
                + " d.train_it_loss, d.train_it_top1, d.extra FROM run_data d WHERE d.run_id = ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? data(rs) : RunData.EMPTY;
            }
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot read the data of run " + runId, e);
        }
    }

    List<ModelError> errors(String sweep, ErrorKind kind) {
        long id = sweepId(sweep);
        // With exactly one min() aggregate, SQLite takes the bare columns r.params and r.flops from the row holding
        // that minimum: the model's first run in record order. avg() and count() do not change that rule.
        String sql = "SELECT m.hash, avg(" + kind.column() + ") AS e, count(*) AS n, min(r.seq), r.params, r.flops"
                + " FROM runs r JOIN models m ON m.id = r.model_id WHERE r.sweep_id = ? AND r.status = 'done'"
                + " AND " + kind.column() + " IS NOT NULL GROUP BY r.model_id ORDER BY min(r.seq)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, id);
            List<ModelError> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ModelError(rs.getString(1), rs.getDouble(2), rs.getLong(5), rs.getLong(6), rs.getInt(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail(file, "cannot read the errors of sweep " + sweep, e);
        }
    }

    private static double[] curve(ResultSet rs, String column) throws SQLException {
        return CurveCodec.decode(rs.getBytes(column));
    }

    private long sweepId(String sweep) {
        return new SweepReads(conn, file).id(sweep).orElseThrow(() -> new NdswException("catalogue " + file
                + " has no sweep named " + Quote.of(sweep) + " (list them with `ndsw sweeps`)"));
    }

    private static RunData data(ResultSet rs) throws SQLException {
        RunData.Curves curves = new RunData.Curves(curve(rs, "test_ep_top1"), curve(rs, "train_ep_top1"),
                curve(rs, "train_ep_loss"), curve(rs, "test_ep_loss"), curve(rs, "train_it_loss"),
                curve(rs, "train_it_top1"));
        return new RunData(rs.getString("optim"), curves, rs.getString("extra"));
    }

    private static StoredRun stored(String sweep, ResultSet rs) throws SQLException {
        RunData data = data(rs);
        return new StoredRun(sweep, rs.getInt("seq"), Sql.getLong(rs, "seed"), RunStatus.parse(rs.getString("status")),
                Sql.getDouble(rs, "error"), Sql.getDouble(rs, "final_error"), Sql.getInt(rs, "epochs"),
                Sql.getLong(rs, "flops"), Sql.getLong(rs, "params"), rs.getString("net"), data);
    }
}
