package org.ndsw.app.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.app.NdsFixtures;

class SourceReaderTest {
    @TempDir Path dir;

    private static RecordSet read(Path file, ErrorMetric metric, Complexity required) {
        return SourceReader.read(SourceSpec.parse(file.toString()), metric, required);
    }

    private static String messageOf(Runnable r) {
        return assertThrows(NdswException.class, r::run).getMessage();
    }

    @Test
    void ndsListKeepsErrorsAndRawCountsInFileOrder() {
        Path file = NdsFixtures.writeList(dir.resolve("ResNet.json"), 30, 0, 5, 4);
        RecordSet set = read(file, ErrorMetric.BEST, null);
        SplittableRandom rng = new SplittableRandom(5);
        assertEquals("ResNet", set.label());
        assertEquals(30, set.size());
        for (int i = 0; i < 30; i++) {
            NdsFixtures.Model m = NdsFixtures.model(rng, 0, 4);
            assertEquals(Double.parseDouble(NdsFixtures.num(m.best())), set.error()[i]);
            assertEquals(m.params(), set.params()[i]);
            assertEquals(m.flops(), set.flops()[i]);
            assertEquals(m.params() / 1e6, set.complexity(Complexity.PARAMS)[i], 0.0);
        }
    }

    @Test
    void finalErrorIsTheLastEpochOfTheTestCurve() throws IOException {
        Path file = dir.resolve("f.json");
        Files.writeString(file, "[{\"min_test_top1\": 5.0, \"test_ep_top1\": [50, 9.5, NaN, 7.25], \"params\": 1000},"
                + " {\"min_test_top1\": 6.0, \"test_ep_top1\": [40, 8.0], \"params\": 2000}]");
        assertArrayEquals(new double[] {7.25, 8.0}, read(file, ErrorMetric.FINAL, null).error());
        assertArrayEquals(new double[] {5.0, 6.0}, read(file, ErrorMetric.BEST, null).error());
    }

    @Test
    void nanErrorsAreSkippedAndCounted() throws IOException {
        Path file = dir.resolve("nan.json");
        Files.writeString(file, "[{\"min_test_top1\": NaN, \"params\": 1}, {\"min_test_top1\": 4.5, \"params\": 2}]");
        RecordSet set = read(file, ErrorMetric.BEST, null);
        assertEquals(1, set.size());
        assertEquals(1, set.skipped());
    }

    @Test
    void rerunsFormNeedsAGroupAndReadsOnlyThatGroup() {
        Path file = NdsFixtures.writeReruns(dir.resolve("ResNet_reruns.json"), 7, 5, 3);
        String msg = messageOf(() -> read(file, ErrorMetric.BEST, null));
        assertTrue(msg.contains("[top, mid]") && msg.contains("#top"), msg);
        RecordSet top = SourceReader.read(SourceSpec.parse(file + "#top"), ErrorMetric.BEST, null);
        RecordSet mid = SourceReader.read(SourceSpec.parse(file + "#mid"), ErrorMetric.BEST, null);
        assertEquals(7, top.size());
        assertEquals(5, mid.size());
        assertEquals("ResNet_reruns#top", top.label());
        String missing = messageOf(() -> SourceReader.read(SourceSpec.parse(file + "#low"), ErrorMetric.BEST, null));
        assertTrue(missing.contains("no group 'low'"), missing);
    }

    @Test
    void csvReadsNamedColumnsAndIgnoresOthers() throws IOException {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, "\uFEFFname,Error,params,extra\n\"a, quoted\",5.5,120000,x\nb,nan,1,y\n\nc,7.0,,z\n");
        RecordSet set = read(file, ErrorMetric.BEST, null);
        assertArrayEquals(new double[] {5.5, 7.0}, set.error());
        assertEquals(120000, set.params()[0]);
        assertTrue(Double.isNaN(set.params()[1]));
        assertTrue(Double.isNaN(set.flops()[0]));
        assertEquals(1, set.skipped());
        String msg = messageOf(() -> read(file, ErrorMetric.BEST, Complexity.PARAMS));
        assertTrue(msg.contains("line 5") && msg.contains("params"), msg);
        String noFlops = messageOf(() -> read(file, ErrorMetric.BEST, Complexity.FLOPS));
        assertTrue(noFlops.contains("no 'flops' column"), noFlops);
    }

    @Test
    void csvNamesLineAndColumnOfABadNumber() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "error,params\n5,10\nfive,10\n");
        String msg = messageOf(() -> read(file, ErrorMetric.BEST, null));
        assertTrue(msg.contains("bad.csv") && msg.contains("line 3") && msg.contains("'error'")
                && msg.contains("\"five\""), msg);
    }

    @Test
    void jsonLinesReadsOneRecordPerLine() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, "{\"min_test_top1\": 5.0, \"flops\": 3e7}\n\n{\"min_test_top1\": 6.0, \"flops\": 4e7}\n"
                + "{\"min_test_top1\": \"x\"}\n");
        String msg = messageOf(() -> read(file, ErrorMetric.BEST, null));
        assertTrue(msg.contains("line 4") && msg.contains("'min_test_top1'") && msg.contains("a string"), msg);
        Files.writeString(file, "{\"min_test_top1\": 5.0, \"flops\": 3e7}\n\n{\"min_test_top1\": 6.0, \"flops\": 4e7}\n");
        RecordSet set = read(file, ErrorMetric.BEST, Complexity.FLOPS);
        assertArrayEquals(new double[] {0.03, 0.04}, set.complexity(Complexity.FLOPS), 1e-15);
    }

    @Test
    void truncatedJsonNamesFileLineAndRecord() throws IOException {
        Path file = dir.resolve("cut.json");
        String full = Files.readString(NdsFixtures.writeList(dir.resolve("full.json"), 3, 0, 1, 3));
        Files.writeString(file, full.substring(0, full.length() - 40));
        String msg = messageOf(() -> read(file, ErrorMetric.BEST, null));
        assertTrue(msg.contains("cut.json") && msg.contains("truncated") && msg.contains("record index 2"), msg);
    }

    @Test
    void recordWithoutTheErrorFieldIsNamed() throws IOException {
        Path file = dir.resolve("noerr.json");
        Files.writeString(file, "[{\"min_test_top1\": 5.0}, {\"test_ep_top1\": [1, 2]}]");
        String msg = messageOf(() -> read(file, ErrorMetric.BEST, null));
        assertTrue(msg.contains("noerr.json") && msg.contains("record index 1") && msg.contains("min_test_top1"), msg);
    }

    @Test
    void wrongTypesAndMissingComplexityAreNamed() throws IOException {
        Path file = dir.resolve("types.json");
        Files.writeString(file, "[{\"min_test_top1\": 5.0, \"params\": \"many\"}]");
        String msg = messageOf(() -> read(file, ErrorMetric.BEST, null));
        assertTrue(msg.contains("record index 0") && msg.contains("'params'") && msg.contains("a string"), msg);
        Files.writeString(file, "[{\"min_test_top1\": 5.0, \"params\": 10}, {\"min_test_top1\": 5.0}]");
        String missing = messageOf(() -> read(file, ErrorMetric.BEST, Complexity.PARAMS));
        assertTrue(missing.contains("record index 1") && missing.contains("'params'"), missing);
        Files.writeString(file, "[{\"min_test_top1\": 5.0, \"test_ep_top1\": 7}]");
        String notList = messageOf(() -> read(file, ErrorMetric.FINAL, null));
        assertTrue(notList.contains("must be a list"), notList);
        Files.writeString(file, "[5.0]");
        assertTrue(messageOf(() -> read(file, ErrorMetric.BEST, null)).contains("not a JSON object"));
    }

    @Test
    void missingFileAndUnknownFormatAreUserErrors() throws IOException {
        assertTrue(messageOf(() -> read(dir.resolve("nope.json"), ErrorMetric.BEST, null)).contains("no such file"));
        Path txt = Files.writeString(dir.resolve("runs.txt"), "error\n5\n");
        assertTrue(messageOf(() -> read(txt, ErrorMetric.BEST, null)).contains("unknown format"));
    }

    @Test
    void sourceSpecParsesLabelPathAndGroup() {
        SourceSpec s = SourceSpec.parse("mine=data/ResNet_reruns.json#mid");
        assertEquals("mine", s.label());
        assertEquals(Path.of("data/ResNet_reruns.json"), s.path());
        assertEquals("mid", s.group());
        SourceSpec plain = SourceSpec.parse("data/ResNeXt-A.json");
        assertEquals("ResNeXt-A", plain.label());
        assertNull(plain.group());
        assertThrows(NdswException.class, () -> SourceSpec.parse("x="));
    }
}
