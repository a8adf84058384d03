package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Net JSON given to `ndsw complexity` obeys the same domains as design space files. */
class NetJsonDomainsTest {
    private static final String DARTS_CELL = "[[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",1],[\"skip_connect\",0],"
            + "[\"sep_conv_3x3\",1],[\"skip_connect\",0],[\"sep_conv_3x3\",1],[\"sep_conv_3x3\",0],[\"skip_connect\",2]]";

    static String cellNet(String width, String depth, String extra) {
        return "{\"genotype\":{\"normal\":" + DARTS_CELL + ",\"normal_concat\":[2,3,4,5],\"reduce\":" + DARTS_CELL
                + ",\"reduce_concat\":[2,3,4,5]},\"width\":" + width + ",\"depth\":" + depth + extra + "}";
    }

    private static Cli complexity(String line) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.withStdin(line + "\n", "complexity"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "\"ds\":[1,1025],\"ss\":[1,1],\"ws\":[16,16];            net.ds[1] must be an integer in [1, 1,024]",
        "\"ds\":[1,1],\"ss\":[1,9],\"ws\":[16,16];               net.ss[1] must be an integer in [1, 8]",
        "\"ds\":[1,1],\"ss\":[1,1],\"ws\":[16,0];                net.ws[1] must be an integer in [1, 16,384]",
        "\"ds\":[1,1],\"ss\":[1,1],\"ws\":[16,1e10];             net.ws[1] must be an integer, got 1.0E10",
        "\"ds\":[2,1],\"ss\":[1,1],\"ws\":[16,16];               net.ds[0] (the stem) must be 1",
    })
    void stageNetsAreBounded(String fields, String message) {
        Cli r = complexity("{\"block_type\":\"res_basic_block\"," + fields + "}");
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void tooManyStagesAreRefused() {
        String ones = String.join(",", Collections.nCopies(40, "1"));
        String ws = String.join(",", Collections.nCopies(40, "16"));
        Cli r = complexity("{\"block_type\":\"res_basic_block\",\"ds\":[" + ones + "],\"ss\":[" + ones + "],\"ws\":["
                + ws + "]}");
        assertTrue(r.err().contains("number of stages after the stem"), r.err());
    }

    @Test
    void bottleneckMultipliersAreBounded() {
        String base = "{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,1],\"ss\":[1,1],\"ws\":[16,64],"
                + "\"num_gs\":[1,1],\"bot_muls\":[0,%s]}";
        for (String bad : new String[] {"NaN", "Infinity", "-0.25", "0", "1e300"}) {
            Cli r = complexity(String.format(base, bad));
            assertTrue(r.refused(), bad + ": " + r.err());
            assertTrue(r.err().contains("net.bot_muls[1] must be a finite number in (0, 64]"), r.err());
        }
        Cli r = complexity(String.format(base, "64").replace("[16,64]", "[16,1024]"));
        assertTrue(r.err().contains("above the largest width 16384"), r.err());
        assertEquals(0, complexity(String.format(base, "0.25")).exit());
    }

    @Test
    void cellNetsAreBounded() {
        assertEquals(0, complexity(cellNet("16", "8", "")).exit());
        Cli r = complexity(cellNet("16", "1000000000", ""));
        assertTrue(r.err().contains("net.depth must be an integer in [1, 1,000]"), r.err());
        r = complexity(cellNet("1073741824", "8", ""));
        assertTrue(r.err().contains("net.width must be an integer in [1, 16,384]"), r.err());
        r = complexity(cellNet("16", "8", ",\"drop_prob\":NaN"));
        assertTrue(r.err().contains("net.drop_prob must be a finite number in [0, 1)"), r.err());
    }

    @Test
    void hugeGenotypesAreRefused() {
        StringBuilder edges = new StringBuilder("[");
        for (int node = 0; node < 40; node++) {
            edges.append(node == 0 ? "" : ",").append("[\"skip_connect\",0],[\"skip_connect\",1]");
        }
        String cell = edges + "]";
        Cli r = complexity("{\"genotype\":{\"normal\":" + cell + ",\"normal_concat\":[2],\"reduce\":" + cell
                + ",\"reduce_concat\":[2]},\"width\":16,\"depth\":8}");
        assertTrue(r.err().contains("node count must be an integer in [1, 32]"), r.err());
        r = complexity(cellNet("16", "8", "").replace("\"normal_concat\":[2,3,4,5]",
                "\"normal_concat\":[" + String.join(",", Collections.nCopies(5_000, "2")) + "]"));
        assertTrue(r.err().contains("normal_concat must list at most one state per node (4), got 5000"), r.err());
    }

    @Test
    void deepNestingIsRefused() {
        Cli r = complexity("{\"net\":" + "[".repeat(50_000));
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("<stdin>:1: not valid JSON"), r.err());
    }
}
