package org.ndsw.app.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.catalog.nds.NdsLimits;

/**
 * Reads a CSV with a header naming an {@code error} column (% top-1 error) and optionally {@code params} and
 * {@code flops} (raw counts); other columns are ignored, header names are matched case-insensitively. Fields may be
 * double-quoted and hold commas, quotes and line breaks (RFC 4180, read by jackson-dataformat-csv); a UTF-8 byte
 * order mark is skipped. An empty cell or "nan" is a missing value; a missing error counts as a skipped model. Values
 * must lie in their {@link Domains} domain (error in [0, 100], counts finite and non-negative). The {@code --error}
 * choice does not apply: the {@code error} column is taken as is. A cell longer than
 * {@link NdsLimits#MAX_STRING_CHARS} is refused, as import refuses such a string.
 */
final class CsvReader {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .streamReadConstraints(NdsLimits.constraints())
            .build();

    private CsvReader() {}

    static RecordSet read(SourceSpec spec, Complexity required) {
        String file = spec.path().toString();
        try (Reader in = open(spec.path()); CsvParser p = FACTORY.createParser(in)) {
            try {
                return read(p, spec.label(), file, required);
            } catch (StreamConstraintsException e) {
                throw new NdswException(file + ": " + NdsLimits.describe(e) + " at line "
                        + p.currentLocation().getLineNr(), e);
            }
        } catch (NoSuchFileException e) {
            throw new NdswException("cannot read source " + file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new NdswException(file + ": not valid CSV" + at(e.getLocation()) + ": "
                    + Quote.cut(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new NdswException("cannot read source " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every row of the CSV in {@code p}. */
    static RecordSet read(CsvParser p, String label, String file, Complexity required) throws IOException {
        Row headerRow = Row.next(p);
        if (headerRow == null) {
            throw new NdswException(file + ": empty CSV, expected a header with an 'error' column");
        }
        List<String> header = headerRow.cells();
        int errorCol = column(header, "error");
        int paramsCol = column(header, "params");
        int flopsCol = column(header, "flops");
        if (errorCol < 0) {
            throw new NdswException(file + ": the CSV header " + Quote.cut(header.toString())
                    + " has no 'error' column");
        }
        int requiredCol = required == null ? -2 : required == Complexity.PARAMS ? paramsCol : flopsCol;
        if (requiredCol == -1) {
            throw new NdswException(file + ": the CSV header has no '" + required.field()
                    + "' column (needed to normalize by " + required.field() + ")");
        }
        Columns columns = new Columns();
        for (Row row = Row.next(p); row != null; row = Row.next(p)) {
            List<String> cells = row.cells();
            if (cells.size() != header.size()) {
                throw new NdswException(file + ": line " + row.line() + " has " + cells.size()
                        + " fields, the header " + header.size());
            }
            Cell at = new Cell(file, row.line(), header);
            double pv = Domains.count(at.value(cells, paramsCol), at.where(paramsCol));
            double fv = Domains.count(at.value(cells, flopsCol), at.where(flopsCol));
            if (requiredCol >= 0 && Double.isNaN(requiredCol == paramsCol ? pv : fv)) {
                throw new NdswException(file + ": line " + row.line() + " has no value in column '"
                        + required.field() + "' (needed to normalize by " + required.field() + ")");
            }
            columns.add(Domains.error(at.value(cells, errorCol), at.where(errorCol)), pv, fv);
        }
        return columns.toRecordSet(label, file);
    }

    private static Reader open(Path path) throws IOException {
        BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static String at(JsonLocation where) {
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** One record: its cells and the line it starts on. */
    private record Row(List<String> cells, long line) {
        static Row next(CsvParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            long line = -1;
            List<String> cells = new ArrayList<>();
            while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                if (line < 0) {
                    line = p.currentTokenLocation().getLineNr();
                }
                cells.add(p.getText());
            }
            return new Row(cells, line);
        }
    }

    /** Where a cell is, for messages, and how its text becomes a number. */
    private record Cell(String file, long line, List<String> header) {
        String where(int col) {
            return file + ": line " + line + ", column '" + (col < 0 ? "" : Quote.cut(header.get(col).trim())) + "'";
        }

        double value(List<String> cells, int col) {
            if (col < 0) {
                return Double.NaN;
            }
            String text = cells.get(col).trim();
            if (text.isEmpty() || text.toLowerCase(Locale.ROOT).equals("nan")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new NdswException(where(col) + ": not a number: " + Quote.of(text));
            }
        }
    }
}
