package org.ndsw.app.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;

/**
 * Reads a CSV with a header naming an {@code error} column (% top-1 error) and optionally {@code params} and
 * {@code flops} (raw counts); other columns are ignored, header names are matched case-insensitively. Fields may be
 * double-quoted (RFC 4180). An empty cell or "nan" is a missing value; a missing error counts as a skipped model.
 * The {@code --error} choice does not apply: the {@code error} column is taken as is.
 */
final class CsvReader {
    private CsvReader() {}

    static RecordSet read(SourceSpec spec, Complexity required) {
        String file = spec.path().toString();
        Columns columns = new Columns();
        try (BufferedReader in = Files.newBufferedReader(spec.path(), StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new NdswException(file + ": empty CSV, expected a header with an 'error' column");
            }
            List<String> header = split(stripBom(headerLine), file, 1);
            int errorCol = column(header, "error");
            int paramsCol = column(header, "params");
            int flopsCol = column(header, "flops");
            if (errorCol < 0) {
                throw new NdswException(file + ": the CSV header " + header + " has no 'error' column");
            }
            int requiredCol = required == null ? -2 : required == Complexity.PARAMS ? paramsCol : flopsCol;
            if (requiredCol == -1) {
                throw new NdswException(file + ": the CSV header has no '" + required.field()
                        + "' column (needed to normalize by " + required.field() + ")");
            }
            String line;
            int lineNr = 1;
            while ((line = in.readLine()) != null) {
                lineNr++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line, file, lineNr);
                if (cells.size() != header.size()) {
                    throw new NdswException(file + ": line " + lineNr + " has " + cells.size() + " fields, the header "
                            + header.size());
                }
                double p = value(cells, paramsCol, header, file, lineNr);
                double f = value(cells, flopsCol, header, file, lineNr);
                if (requiredCol >= 0 && Double.isNaN(requiredCol == paramsCol ? p : f)) {
                    throw new NdswException(file + ": line " + lineNr + " has no value in column '" + required.field()
                            + "' (needed to normalize by " + required.field() + ")");
                }
                columns.add(value(cells, errorCol, header, file, lineNr), p, f);
            }
        } catch (NoSuchFileException e) {
            throw new NdswException("cannot read source " + file + ": no such file", e);
        } catch (IOException e) {
            throw new NdswException("cannot read source " + file + ": " + e.getMessage(), e);
        }
        return columns.toRecordSet(spec.label(), file);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static double value(List<String> cells, int col, List<String> header, String file, int lineNr) {
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
            throw new NdswException(file + ": line " + lineNr + ", column '" + header.get(col).trim()
                    + "': not a number: '" + text + "'");
        }
    }

    /** Splits one CSV line at commas outside double quotes; "" inside quotes is a quote. */
    static List<String> split(String line, String file, int lineNr) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new NdswException(file + ": line " + lineNr + " ends inside a quoted field");
        }
        cells.add(cell.toString());
        return cells;
    }
}
