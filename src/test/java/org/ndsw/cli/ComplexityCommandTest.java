package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ndsw complexity`: records or bare nets in, one result line per input line out. */
class ComplexityCommandTest {
    private static final String R56 = "{\"block_type\":\"res_basic_block\",\"ds\":[1,9,9,9],\"ss\":[1,1,2,2],"
            + "\"ws\":[16,16,32,64]}";
    private static final String V56 = R56.replace("res_basic_block", "double_plain_block");

    @Test
    void readsRecordsAndBareNetsInOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nets.jsonl");
        Files.writeString(f, "{\"job_id\": 1, \"min_test_top1\": 6.5, \"train_ep_loss\": [NaN, 1.0], \"net\": " + R56
                + "}\n" + V56 + "\n\n");
        CliRun r = CliRun.of("complexity", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\"flops\":128471690,\"params\":855770,\"acts\":544778}\n"
                + "{\"flops\":128148106,\"params\":853018,\"acts\":532490}\n", r.out().replace("\r", ""));
    }

    @Test
    void readsStandardInputWithMacsConvention() {
        CliRun r = CliRun.withStdin(R56 + "\n", "complexity", "--convention", "macs");
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\"flops\":125747850,\"params\":855770,\"acts\":544778}", r.out().trim());
    }

    @Test
    void badLineNamesLineNumberAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, R56 + "\n" + R56.replace("[1,9,9,9]", "[1,9,\"x\",9]") + "\n");
        CliRun r = CliRun.of("complexity", f.toString());
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().startsWith("ndsw: " + f + ":2: net.ds[2] must be an integer, got \"x\""), r.err());
    }

    @Test
    void invalidJsonNamesTheLine() {
        CliRun r = CliRun.withStdin("[1, 2]\n", "complexity");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().startsWith("ndsw: <stdin>:1: expected a JSON object"), r.err());
        CliRun t = CliRun.withStdin("{\"net\": {\n", "complexity");
        assertTrue(t.err().startsWith("ndsw: <stdin>:1: not valid JSON"), t.err());
    }

    @Test
    void missingFileIsNamed() {
        CliRun r = CliRun.of("complexity", "/no/such/file.jsonl");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertEquals("ndsw: /no/such/file.jsonl: no such file", r.err().trim());
    }

    @Test
    void countsPyclsConfigsAtTheirImageSize() {
        String x200 = "{\"MODEL\": {\"TYPE\": \"regnet\", \"NUM_CLASSES\": 1000}, \"REGNET\": {\"DEPTH\": 13,"
                + " \"W0\": 24, \"WA\": 36.44, \"WM\": 2.49, \"GROUP_W\": 8}, \"TRAIN\": {\"IM_SIZE\": 224}}";
        String r56 = "{\"MODEL\": {\"TYPE\": \"anynet\"}, \"ANYNET\": {\"STEM_TYPE\": \"res_stem_cifar\","
                + " \"STEM_W\": 16, \"BLOCK_TYPE\": \"res_basic_block\", \"DEPTHS\": [9, 9, 9],"
                + " \"WIDTHS\": [16, 32, 64], \"STRIDES\": [1, 2, 2]}, \"TRAIN\": {\"IM_SIZE\": 32}}";
        CliRun r = CliRun.withStdin(x200 + "\n" + r56 + "\n", "complexity", "--convention", "macs");
        assertEquals(0, r.exit(), r.err());
        // pycls dev/model_complexity.json: RegNetX-200MF and R-56
        assertEquals("{\"flops\":199040872,\"params\":2684792,\"acts\":2164056}\n"
                + "{\"flops\":125747850,\"params\":855770,\"acts\":544778}\n", r.out().replace("\r", ""));
    }

    @Test
    void badPyclsKeyIsNamedWithItsLine() {
        CliRun r = CliRun.withStdin("\n{\"MODEL\": {\"TYPE\": \"regnet\"}, \"REGNET\": {\"WM\": 0.5}}\n",
                "complexity", "--convention", "macs");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().startsWith("ndsw: <stdin>:2: REGNET.WM, the RegNet width multiplier wm, must be above 1"), r.err());
        CliRun t = CliRun.withStdin("{\"MODEL\": {\"TYPE\": \"regnet\"}, \"REGNET\": {\"GROUP_W\": \"8\"}}\n",
                "complexity");
        assertTrue(t.err().startsWith("ndsw: <stdin>:1: REGNET.GROUP_W must be an integer, got "), t.err());
    }
}
