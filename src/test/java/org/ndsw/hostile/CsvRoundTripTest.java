package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ndsw.app.catalog.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV written by {@link Csv} reads back through `ndsw compare`: newlines, quotes, commas and a byte order mark. */
class CsvRoundTripTest {
    @TempDir Path dir;

    @Test
    void cellsWithNewlinesQuotesAndCommasRoundTrip() throws IOException {
        List<String> labels = List.of("plain", "two\nlines", "say \"hi\"", "a, b", "crlf\r\nend", " spaced ", "");
        StringBuilder text = new StringBuilder("\uFEFF");
        text.append(Csv.line(List.of("label", "error", "params"), "\r\n"));
        for (int i = 0; i < labels.size(); i++) {
            text.append(Csv.line(Arrays.asList(labels.get(i), 10.0 + i, i == 3 ? Double.NaN : 1000.0 * i), "\r\n"));
        }
        Path f = dir.resolve("round.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Cli r = Cli.run("compare", f.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode set = new ObjectMapper().readTree(r.out()).get("sets").get(0);
        assertEquals(labels.size(), set.get("n").intValue(), set.toString());
        assertEquals(10.0, set.get("min").doubleValue(), 1e-12);
        assertEquals(13.0, set.get("mean").doubleValue(), 1e-12);
    }

    @Test
    void writtenCellsAreQuotedOnlyWhenNeeded() {
        assertEquals("a,1,2.5,\r\n", Csv.line(Arrays.asList("a", 1L, 2.5, null), "\r\n"));
        assertEquals("\"x,y\",\"q\"\"q\",\"l\nl\",\n", Csv.line(Arrays.asList("x,y", "q\"q", "l\nl", Double.NaN), "\n"));
    }

    @Test
    void aBomDoesNotHideTheErrorColumn() throws IOException {
        Path f = dir.resolve("bom.csv");
        Files.writeString(f, "\uFEFFerror\n5\n6\n", StandardCharsets.UTF_8);
        Cli r = Cli.run("compare", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("bom"), r.out());
    }
}
