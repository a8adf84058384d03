package org.ndsw.app.catalog;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.ndsw.catalog.RunRow;

/** CSV (RFC 4180) of query rows, one line per run, for spreadsheets and pandas; empty cells for missing values. */
public final class Csv {
    /** The header, in column order. */
    public static final List<String> COLUMNS = List.of("sweep", "seq", "model", "seed", "status", "error",
            "final_error", "epochs", "flops", "params", "acts", "base_lr", "wd", "max_ep", "space", "dataset", "family",
            "net");

    private Csv() {}

    /** Writes the header line. */
    public static void header(Writer w) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write("\r\n");
    }

    /** Writes one row. */
    public static void row(Writer w, RunRow r) throws IOException {
        Object[] cells = {r.sweep(), r.seq(), r.model(), r.seed(), r.status(), r.error(), r.finalError(), r.epochs(),
            r.flops(), r.params(), r.acts(), r.baseLr(), r.wd(), r.maxEp(), r.space(), r.dataset(), r.family(), r.net()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells[i]));
        }
        w.write("\r\n");
    }

    private static String cell(Object v) {
        if (v == null || v instanceof Double d && d.isNaN()) {
            return "";
        }
        String s = v.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
