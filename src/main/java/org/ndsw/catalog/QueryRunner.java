package org.ndsw.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * Compiles a {@link ModelQuery} to SQL and runs it.
 *
 * <p>A page is found in two steps: the ids of the page and the total count in one statement that joins only the
 * tables the filters and sort keys need (`count(*) OVER ()`), then the full rows of just those ids. Sorting ids
 * instead of whole rows keeps 10^5-run queries far below 200 ms. Every value is a bound parameter; field SQL comes
 * from {@link Column} or a validated {@link NetField} path. Sweep names become ids so the (sweep_id, ...) indexes apply.
 */
final class QueryRunner {
    /** Pages larger than this are read in one statement instead (no id list). */
    private static final int MAX_ID_PAGE = 5_000;
    private static final String COLUMNS = "r.id, s.name AS sweep, r.seq, m.hash, r.seed, r.status, r.error,"
            + " r.final_error, r.epochs, r.flops, r.params, m.acts, r.base_lr, r.wd, r.max_ep, s.space, s.dataset,"
            + " m.family, m.net";
    private static final String ALL_TABLES = " FROM runs r JOIN sweeps s ON s.id = r.sweep_id"
            + " JOIN models m ON m.id = r.model_id";

    private final Connection conn;
    private final Path file;

    QueryRunner(Connection conn, Path file) {
        this.conn = conn;
        this.file = file;
    }

    QueryResult run(ModelQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        String order = order(q.sort());
        try {
            if (q.limit() == 0 || q.limit() > MAX_ID_PAGE) {
                String page = q.limit() > 0 ? " LIMIT " + q.limit() + " OFFSET " + q.offset()
                        : q.offset() > 0 ? " LIMIT -1 OFFSET " + q.offset() : "";
                List<RunRow> rows = rows("SELECT " + COLUMNS + ALL_TABLES + where + order + page, params);
                long total = q.limit() > 0 ? count(from(q) + where, params) : rows.size() + q.offset();
                return new QueryResult(rows, Math.max(total, rows.size() + q.offset()));
            }
            List<Long> ids = new ArrayList<>();
            long total = ids("SELECT r.id, count(*) OVER ()" + from(q) + where + order + " LIMIT " + q.limit()
                    + " OFFSET " + q.offset(), params, ids);
            if (total < 0) {
                total = count(from(q) + where, params);
            }
            return new QueryResult(byIds(ids), total);
        } catch (SQLException e) {
            throw Sql.fail(file, "query failed", e);
        }
    }

    /**
     * The ids of every run the query matches, in its order (its limit and offset are ignored): one statement over the
     * same joins and filters as {@link #run}, for a view that then reads rows by id as they are shown.
     */
    long[] ids(ModelQuery q) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT r.id" + from(q) + where(q, params) + order(q.sort());
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            long[] out = new long[1024];
            int n = 0;
            while (rs.next()) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = rs.getLong(1);
            }
            return java.util.Arrays.copyOf(out, n);
        } catch (SQLException e) {
            throw Sql.fail(file, "query failed", e);
        }
    }

    /** The full rows of runs by id, in the order of `ids`; null where no run has the id (any more). */
    List<RunRow> rows(List<Long> ids) {
        try {
            List<RunRow> out = new ArrayList<>(ids.size());
            for (int from = 0; from < ids.size(); from += MAX_ID_PAGE) {
                out.addAll(byIds(ids.subList(from, Math.min(ids.size(), from + MAX_ID_PAGE))));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail(file, "query failed", e);
        }
    }

    /** FROM runs plus only the tables some filter or sort key reads. */
    private static String from(ModelQuery q) {
        boolean sweeps = false;
        boolean models = false;
        List<QueryField> fields = new ArrayList<>();
        q.where().stream().filter(c -> c.field().table() != 's').forEach(c -> fields.add(c.field()));
        q.sort().forEach(k -> fields.add(k.field()));
        for (QueryField f : fields) {
            sweeps |= f.table() == 's';
            models |= f.table() == 'm';
        }
        return " FROM runs r" + (sweeps ? " JOIN sweeps s ON s.id = r.sweep_id" : "")
                + (models ? " JOIN models m ON m.id = r.model_id" : "");
    }

    private String where(ModelQuery q, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (!q.sweeps().isEmpty()) {
            List<Long> ids = sweepIds(q.sweeps());
            parts.add("r.sweep_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")");
            params.addAll(ids);
        }
        for (Condition c : q.where()) {
            String cond = condition(c, params);
            // A sweep-level filter becomes a set of sweep ids, so the runs(sweep_id, seq) index narrows the scan.
            parts.add(c.field().table() == 's' ? "r.sweep_id IN (SELECT s.id FROM sweeps s WHERE " + cond + ")" : cond);
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static String condition(Condition c, List<Object> params) {
        QueryField f = c.field();
        switch (c.op()) {
            case HAS -> {
                if (f.kind() == QueryField.Kind.OPS) {
                    params.add(" " + c.values().get(0) + " ");
                    return "instr(" + f.sql() + ", ?) > 0";
                }
                Object v = sqlValue(c.values().get(0));
                params.add(v);
                params.add(v);
                String path = "'$." + ((NetField) f).path() + "'";
                return "EXISTS (SELECT 1 FROM json_each(m.net_b, " + path + ") j WHERE j.value = ?"
                        + " OR (j.type = 'array' AND json_extract(j.value, '$[0]') = ?))";
            }
            case IN -> {
                c.values().forEach(v -> params.add(sqlValue(v)));
                return f.sql() + " IN (" + String.join(", ", Collections.nCopies(c.values().size(), "?")) + ")";
            }
            default -> {
                if (f.kind() == QueryField.Kind.HASH && c.op() == Condition.Op.EQ) {
                    params.add(c.values().get(0) + "*");
                    return f.sql() + " GLOB ?";
                }
                params.add(sqlValue(c.values().get(0)));
                return f.sql() + " " + c.op().symbol() + " ?";
            }
        }
    }

    /** JSON true and false come out of json_extract as 1 and 0. */
    private static Object sqlValue(Object v) {
        return v instanceof Boolean b ? (b ? 1L : 0L) : v;
    }

    private static String order(List<SortKey> keys) {
        List<String> parts = new ArrayList<>();
        for (SortKey k : keys) {
            parts.add("(" + k.field().sql() + ") IS NULL");
            parts.add(k.field().sql() + (k.descending() ? " DESC" : " ASC"));
        }
        parts.add("r.sweep_id");
        parts.add("r.seq");
        return " ORDER BY " + String.join(", ", parts);
    }

    private List<Long> sweepIds(List<String> names) {
        List<Long> ids = new ArrayList<>();
        for (String n : names) {
            ids.add(new SweepReads(conn, file).id(n).orElseThrow(() -> new NdswException("catalogue " + file
                    + " has no sweep named " + Quote.of(n) + " (list them with `ndsw sweeps`)")));
        }
        return ids;
    }

    /** Reads a page of ids; returns the total from the window count, or -1 if the page is empty. */
    private long ids(String sql, List<Object> params, List<Long> out) throws SQLException {
        long total = -1;
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
                total = rs.getLong(2);
            }
        }
        return total;
    }

    /** The full rows of `ids`, in the order of `ids`. */
    private List<RunRow> byIds(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + COLUMNS + ALL_TABLES + " WHERE r.id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, RunRow> byId = new HashMap<>();
        for (RunRow r : rows(sql, new ArrayList<>(ids))) {
            byId.put(r.run(), r);
        }
        return ids.stream().map(byId::get).toList();
    }

    private List<RunRow> rows(String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<RunRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        }
    }

    private long count(String fromWhere, List<Object> params) throws SQLException {
        try (PreparedStatement ps = prepare("SELECT count(*)" + fromWhere, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    private static RunRow row(ResultSet rs) throws SQLException {
        return new RunRow(rs.getLong("id"), rs.getString("sweep"), rs.getInt("seq"), rs.getString("hash"),
                Sql.getLong(rs, "seed"), rs.getString("status"), Sql.getDouble(rs, "error"),
                Sql.getDouble(rs, "final_error"), Sql.getInt(rs, "epochs"), Sql.getLong(rs, "flops"),
                Sql.getLong(rs, "params"), rs.getLong("acts"), Sql.getDouble(rs, "base_lr"), Sql.getDouble(rs, "wd"),
                Sql.getInt(rs, "max_ep"), rs.getString("space"), rs.getString("dataset"), rs.getString("family"),
                rs.getString("net"));
    }
}
