package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.space.SpecJson;

/** `ndsw sample`: JSON Lines contract, windows, seeds and bad input. */
class SampleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                nodes.add(JSON.readTree(l));
            }
        }
        return nodes;
    }

    @Test
    void recordsCarrySpaceNetAndComplexity() throws Exception {
        CliRun r = CliRun.of("sample", "DARTS", "-n", "5", "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> recs = lines(r.out());
        assertEquals(5, recs.size());
        for (JsonNode rec : recs) {
            assertEquals("DARTS", rec.get("space").asText());
            Complexity c = Complexities.cifar(SpecJson.parseNet(rec.get("net")), Convention.NDS);
            assertEquals(c.flops(), rec.get("flops").longValue());
            assertEquals(c.params(), rec.get("params").longValue());
            assertEquals(c.acts(), rec.get("acts").longValue());
        }
        assertTrue(r.err().contains("sampled 5 models from DARTS (5 candidates drawn)"), r.err());
    }

    @Test
    void anyNetXSamplesAreCountedUnderMacsOn224() throws Exception {
        CliRun r = CliRun.of("sample", "AnyNetX_D", "-n", "4", "--seed", "3", "--max-flops", "4B");
        assertEquals(0, r.exit(), r.err());
        for (JsonNode rec : lines(r.out())) {
            assertEquals(224, rec.get("im_size").asInt());
            assertEquals("macs", rec.get("convention").asText());
            org.ndsw.space.StageSpec spec = (org.ndsw.space.StageSpec) SpecJson.parseNet(rec.get("net"));
            Complexity c = org.ndsw.complexity.AnyNetComplexity.of(Complexities.anyNet(spec, 1000), 224,
                    Convention.MACS);
            assertEquals(c.flops(), rec.get("flops").longValue());
            assertEquals(c.params(), rec.get("params").longValue());
            assertTrue(c.flops() <= 4_000_000_000L);
            for (int i = 2; i < spec.stages().size(); i++) {
                assertEquals(spec.stages().get(1).botMul(), spec.stages().get(i).botMul());
            }
        }
    }

    @Test
    void sameSeedSameOutput() {
        assertEquals(CliRun.of("sample", "ResNet", "-n", "20", "--seed", "9").out(),
                CliRun.of("sample", "ResNet", "-n", "20", "--seed", "9").out());
    }

    @Test
    void windowTakesSuffixedBoundsAndIsRespected() throws Exception {
        CliRun r = CliRun.of("sample", "ResNet", "-n", "30", "--seed", "1", "--min-params", "0.2M",
                "--max-params", "0.856M", "--max-flops", "0.129B", "--unique");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> recs = lines(r.out());
        assertEquals(30, recs.size());
        for (JsonNode rec : recs) {
            long p = rec.get("params").longValue();
            assertTrue(p >= 200_000 && p <= 856_000, "params " + p);
            assertTrue(rec.get("flops").longValue() <= 129_000_000L);
        }
        assertEquals(30, recs.stream().map(n -> n.get("net").toString()).distinct().count());
    }

    @Test
    void macsConventionChangesFlopsNotParams() throws Exception {
        JsonNode nds = lines(CliRun.of("sample", "ResNet", "-n", "1", "--seed", "4").out()).get(0);
        JsonNode macs = lines(CliRun.of("sample", "ResNet", "-n", "1", "--seed", "4", "--convention", "macs").out()).get(0);
        assertEquals(nds.get("params"), macs.get("params"));
        assertTrue(nds.get("flops").longValue() > macs.get("flops").longValue());
    }

    @Test
    void impossibleWindowIsAClearErrorNotAHang() {
        CliRun r = CliRun.of("sample", "ResNet", "-n", "2", "--seed", "1", "--max-params", "100", "--max-draws", "2000");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().startsWith("ndsw: drew 2000 candidates from ResNet and kept only 0 of the 2 requested"),
                r.err());
    }

    @Test
    void badCountIsAUsageError() {
        CliRun r = CliRun.of("sample", "ResNet", "-n", "2", "--seed", "1", "--max-params", "0.5X");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("expected a count such as 855770, 0.856M or 0.129B, got \"0.5X\""), r.err());
    }

    @Test
    void countsAcceptTheSuffixesOfTheIssue() {
        assertEquals(856_000L, CountConverter.parse("0.856M"));
        assertEquals(129_000_000L, CountConverter.parse("0.129B"));
        assertEquals(20_000_000L, CountConverter.parse("20M"));
        assertEquals(855_770L, CountConverter.parse("855770"));
        assertEquals(1_500L, CountConverter.parse("1.5k"));
    }
}
