package org.ndsw.app.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ndsw.catalog.RunRow;

/**
 * CSV (RFC 4180) written by jackson-dataformat-csv: query rows, one line per run, for spreadsheets and pandas, and
 * the lines of other CSV files ({@link #line}). A cell is quoted only when it holds a comma, a quote or a line break;
 * empty cells for missing values (null or NaN). The project's CSV reader reads every such file back unchanged.
 */
public final class Csv {
    /** The header, in column order. */
    public static final List<String> COLUMNS = List.of("sweep", "seq", "model", "seed", "status", "error",
            "final_error", "epochs", "flops", "params", "acts", "base_lr", "wd", "max_ep", "space", "dataset", "family",
            "net");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final ObjectWriter CRLF = MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));
    private static final ObjectWriter LF = MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\n"));

    private Csv() {}

    /** Writes the header line. */
    public static void header(Writer w) throws IOException {
        w.write(line(COLUMNS, "\r\n"));
    }

    /** Writes one row. */
    public static void row(Writer w, RunRow r) throws IOException {
        w.write(line(Arrays.asList(r.sweep(), r.seq(), r.model(), r.seed(), r.status(), r.error(), r.finalError(),
                r.epochs(), r.flops(), r.params(), r.acts(), r.baseLr(), r.wd(), r.maxEp(), r.space(), r.dataset(),
                r.family(), r.net()), "\r\n"));
    }

    /** One CSV line of these cells ending with `separator` ("\r\n" or "\n"); null and NaN are empty cells. */
    public static String line(List<?> cells, String separator) {
        List<Object> values = new ArrayList<>(cells.size());
        for (Object v : cells) {
            values.add(v == null || v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN() ? ""
                    : v instanceof Enum<?> || v instanceof CharSequence ? v.toString() : v);
        }
        try {
            return ("\n".equals(separator) ? LF : CRLF).writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of plain values always writes as CSV", e);
        }
    }
}
