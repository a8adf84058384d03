package org.ndsw.catalog.nds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** Reading NDS files: both shapes, Python's tokens, kept extras, per-record problems and syntax errors. */
class NdsReaderTest {

    private static List<NdsRecord> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<NdsRecord> read(byte[] bytes) {
        List<NdsRecord> out = new ArrayList<>();
        NdsReader r = new NdsReader(new ByteArrayInputStream(bytes), "F.json");
        for (NdsRecord rec = r.next(); rec != null; rec = r.next()) {
            out.add(rec);
        }
        return out;
    }

    private static String fail(String text) {
        return assertThrows(NdswException.class, () -> read(text)).getMessage();
    }

    @Test
    void aListOfPythonFormattedRecordsReadsEveryField() {
        List<NdsRecord> recs = read(Records.list(Records.many(3)));
        assertEquals(3, recs.size());
        NdsRecord r = recs.get(1);
        assertNull(r.problem());
        assertNull(r.group());
        assertEquals(1, r.index());
        assertEquals(5.01, r.error());
        assertEquals(855_770L, r.params());
        assertEquals(128_471_690L, r.flops());
        assertEquals(1L, r.seed());
        assertEquals("res_basic_block", r.net().get("block_type").asText());
        assertEquals(0.0005, r.optim().get("wd").doubleValue());
        assertArrayEquals(new double[] {60.5, 30.25, 12.0, 5.51, 5.01}, r.curves().testEpTop1());
        assertArrayEquals(new double[] {2.1, Double.NaN, 0.5, 0.2, 0.1}, r.curves().trainEpLoss());
        assertArrayEquals(new double[] {2.3, 1e-5, 100.0}, r.curves().trainItLoss());
        assertEquals(5, r.epochs());
        assertEquals(5.01, r.lastTestError());
        assertEquals(5.01, r.minTestError());
        assertEquals(List.of("job_id", "iter_time", "prec_time", "act_mem", "exp_mem"),
                iterable(r.extra().fieldNames()));
        assertEquals(0.05, r.extra().get("prec_time").get("train_fw_bw_time").doubleValue());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void recordOffsetsPointAtTheirOpeningBrace() {
        String text = Records.list(Records.many(2));
        List<NdsRecord> recs = read(text);
        assertEquals('{', text.charAt((int) recs.get(0).offset()));
        assertEquals('{', text.charAt((int) recs.get(1).offset()));
        assertEquals("record 1 (byte " + recs.get(1).offset() + ")", recs.get(1).where());
    }

    @Test
    void aRerunsObjectGivesGroupsInFileOrder() {
        String text = "{\"top\": " + Records.list(Records.many(2)) + ",\n \"mid\": " + Records.list(Records.many(3)) + "}";
        NdsReader r = new NdsReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "F_reruns.json");
        List<NdsRecord> recs = new ArrayList<>();
        for (NdsRecord rec = r.next(); rec != null; rec = r.next()) {
            recs.add(rec);
        }
        assertTrue(r.grouped());
        assertEquals(List.of("top", "mid"), r.groups());
        assertEquals(List.of("top", "top", "mid", "mid", "mid"), recs.stream().map(NdsRecord::group).toList());
        assertEquals(2, recs.get(4).index());
        assertEquals("record 2 of group \"mid\" (byte " + recs.get(4).offset() + ")", recs.get(4).where());
    }

    @Test
    void emptyListAndEmptyGroupsAreFine() {
        assertEquals(0, read("[]").size());
        NdsReader r = new NdsReader(new ByteArrayInputStream("{\"top\": [], \"mid\": []}".getBytes()), "F");
        assertNull(r.next());
        assertEquals(List.of("top", "mid"), r.groups());
    }

    @Test
    void indentedMultiLineFilesAndAByteOrderMarkRead() {
        String pretty = "[\n  {\n    \"min_test_top1\": 7.25,\n    \"params\": 855770,\n    \"flops\": 128471690,\n"
                + "    \"net\": " + Records.R56_NET + ",\n    \"test_ep_top1\": [\n      9.5,\n      7.25\n    ]\n  }\n]\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] all = new byte[bom.length + pretty.length()];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(pretty.getBytes(StandardCharsets.UTF_8), 0, all, 3, pretty.length());
        NdsRecord r = read(all).get(0);
        assertNull(r.problem());
        assertArrayEquals(new double[] {9.5, 7.25}, r.curves().testEpTop1());
    }

    @Test
    void curvesOfAnotherShapeAreKeptWholeInExtra() {
        String rec = Records.resnet56(6.0, 1).replace("\"train_it_top1\": [90.0, 80.0, 70.0]",
                "\"train_it_top1\": [[90.0, 80.0], [70.0, null]]").replace("\"train_it_loss\": [2.3, 1.0e-05, 1E+2]",
                "\"train_it_loss\": [2.5, null, 1.5]");
        NdsRecord r = read("[" + rec + "]").get(0);
        assertNull(r.problem());
        assertNull(r.curves().trainItTop1());
        assertNull(r.curves().trainItLoss());
        assertEquals("[[90.0,80.0],[70.0,null]]", NdsJson.text(r.extra().get("train_it_top1")));
        assertEquals("[2.5,null,1.5]", NdsJson.text(r.extra().get("train_it_loss")));
    }

    @Test
    void unknownKeysKeepStringsEscapesAndUnicode() {
        String rec = Records.resnet56(6.0, 1).replace("\"iter_time\": 0.0312",
                "\"note\": \"caf\\u00e9 \\\"quoted\\\" \u4e2d\", \"weights\": {\"path\": \"/tmp/w.pkl\", \"n\": [1, 2]}");
        NdsRecord r = read("[" + rec + "]").get(0);
        assertEquals("café \"quoted\" \u4e2d", r.extra().get("note").asText());
        assertEquals(2, r.extra().get("weights").get("n").get(1).intValue());
    }

    @Test
    void eachContentProblemIsNamedPerRecordWhileReadingGoesOn() {
        String good = Records.resnet56(6.0, 1);
        String[][] cases = {
            {good.replace("\"min_test_top1\": 6.0, ", ""), "has no error: the key min_test_top1 (best-epoch top-1 error in %) is missing"},
            {good.replace("\"min_test_top1\": 6.0", "\"min_test_top1\": null"), "has no error: min_test_top1 is null"},
            {good.replace("\"min_test_top1\": 6.0", "\"min_test_top1\": \"6.0\""), "min_test_top1 must be a number (best-epoch top-1 error in %), got a string"},
            {good.replace("\"min_test_top1\": 6.0", "\"min_test_top1\": 106.0"), "min_test_top1 must be a finite number in [0, 100] (a top-1 error in %), got 106.0"},
            {good.replace("\"min_test_top1\": 6.0", "\"min_test_top1\": NaN"), "min_test_top1 must be a finite number in [0, 100] (a top-1 error in %), got NaN"},
            {good.replace("\"flops\": 128471690", "\"flops\": 1.28e8"), "flops must be a non-negative integer, got 1.28E8"},
            {good.replace("\"params\": 855770", "\"params\": -3"), "params must be a non-negative integer, got -3.0"},
            {good.replace("\"params\": 855770, ", ""), "the key params is missing"},
            {good.replace("\"net\": " + Records.R56_NET, "\"net\": [1, 2]"), "net must be a JSON object, got a list"},
            {good.replace("[60.5, 30.25,", "[60.5, \"x\","), "test_ep_top1[1] must be a number, got a string"},
            {good.replace("\"rng_seed\": 1, ", "\"rng_seed\": 1, \"rng_seed\": 2, "), "key \"rng_seed\" appears twice"},
            {"42", "must be a JSON object, got a number"}};
        StringBuilder file = new StringBuilder("[");
        for (String[] c : cases) {
            file.append(c[0]).append(", ");
        }
        file.append(good).append("]");
        List<NdsRecord> recs = read(file.toString());
        assertEquals(cases.length + 1, recs.size());
        for (int i = 0; i < cases.length; i++) {
            assertEquals(cases[i][1], recs.get(i).problem(), "case " + i);
        }
        assertNull(recs.get(cases.length).problem());
    }

    @Test
    void truncatedFileNamesTheRecordAndByte() {
        String text = Records.list(Records.many(3));
        String cut = text.substring(0, text.length() - 40);
        String m = fail(cut);
        assertTrue(m.startsWith("F.json: not valid JSON: "), m);
        assertTrue(m.contains("the end of the input at byte " + cut.length()), m);
        assertTrue(m.matches("(?s).*, in record 2(, field \"[^\"]+\")?"), m);
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithTheirPosition() {
        byte[] ok = Records.list(List.of(Records.resnet56(6.0, 1).replace("\"iter_time\"", "\"note\": \"ab\", \"iter_time\"")))
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = ok.clone();
        int at = new String(ok, StandardCharsets.ISO_8859_1).indexOf("\"ab\"") + 1;
        bad[at] = (byte) 0xFF;
        bad[at + 1] = (byte) 0xFE;
        String m = assertThrows(NdswException.class, () -> read(bad)).getMessage();
        assertTrue(m.startsWith("F.json: a string that is not valid UTF-8 starts at byte"), m);
        assertTrue(m.matches("(?s).*, in record 0(, field \"[^\"]+\")?"), m);
        byte[] outside = ok.clone();
        outside[0] = (byte) 0xC3;
        m = assertThrows(NdswException.class, () -> read(outside)).getMessage();
        assertTrue(m.startsWith("F.json: not valid JSON: expected a JSON list of records or an object of groups"), m);
        assertTrue(m.contains("got byte 0xc3 at byte 0 (line 1, column 1)"), m);
    }

    @Test
    void absurdNestingStopsAtTheLimit() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String rec = Records.resnet56(6.0, 1).replace("\"iter_time\": 0.0312", "\"deep\": " + deep);
        String m = fail("[" + rec + "]");
        assertTrue(m.startsWith("F.json: nesting deeper than 64 levels at byte"), m);
        assertTrue(m.matches("(?s).*, in record 0(, field \"[^\"]+\")?"), m);
    }

    @Test
    void wrongTopLevelAndTrailingContentAreSyntaxErrors() {
        assertTrue(fail("").startsWith("F.json: not valid JSON: expected a JSON list of records or an object of groups"));
        assertTrue(fail("").contains("got an empty file"));
        assertTrue(fail("3.5").contains("got \"3\""));
        assertTrue(fail("{\"top\": 5}").startsWith("F.json: group \"top\" must be a list of records, got \"5\""));
        String m = fail(Records.list(Records.many(1)) + " [");
        assertTrue(m.contains("unexpected \"[\" after the end of the top-level value"), m);
        m = fail("[" + Records.resnet56(6.0, 1) + " " + Records.resnet56(6.0, 2) + "]");
        assertTrue(m.contains("expected ',' or ']' after a record, got \"{\""), m);
        assertTrue(m.endsWith("after record 0"), m);
    }

    @Test
    void curveNumbersAreExactlyTheDecimalsWritten() {
        String[] texts = {"8.369999885559082", "0.1", "1e-05", "12.000000476837158", "99.99999999999999", "4.9e-324"};
        String rec = "{\"min_test_top1\": 1.0, \"params\": 1, \"flops\": 1, \"net\": " + Records.R56_NET
                + ", \"train_it_loss\": [" + String.join(", ", texts) + "]}";
        double[] got = read("[" + rec + "]").get(0).curves().trainItLoss();
        for (int i = 0; i < texts.length; i++) {
            assertEquals(Double.parseDouble(texts[i]), got[i], texts[i]);
        }
        assertFalse(Double.isNaN(got[0]));
    }
}
