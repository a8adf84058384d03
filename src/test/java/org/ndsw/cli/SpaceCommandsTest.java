package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** `ndsw spaces` and `ndsw space info`. */
class SpaceCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void spacesListsAllTenWithExactSizes() {
        CliRun r = CliRun.of("spaces");
        assertEquals(0, r.exit(), r.err());
        for (String name : new String[] {"Vanilla", "ResNet", "ResNeXt-A", "ResNeXt-B", "ResNet-B", "NASNet", "Amoeba",
            "PNAS", "ENAS", "DARTS"}) {
            assertTrue(r.out().contains(name), name);
        }
        assertTrue(r.out().contains("52,734,375"));
    }

    @Test
    void spaceInfoJsonHasIntegerSizeAndCells() throws Exception {
        CliRun r = CliRun.of("space", "info", "NASNet", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("NASNet", o.get("name").asText());
        assertTrue(o.get("size").isIntegralNumber());
        assertEquals(new BigInteger("71465842174521600"), o.get("cells").bigIntegerValue());
        assertEquals(new BigInteger("71465842174521600").pow(2).multiply(BigInteger.valueOf(15)),
                o.get("size").bigIntegerValue());
        assertEquals(13, o.get("definition").get("ops").size());
    }

    @Test
    void spaceInfoOfAStageSpaceHasNoCells() throws Exception {
        JsonNode o = JSON.readTree(CliRun.of("space", "info", "resnext-b", "--json").out());
        assertEquals(52_734_375L, o.get("size").longValue());
        assertTrue(!o.has("cells"));
    }

    @Test
    void anyNetXSpacesAreListedAndTheirDefinitionCarriesParentAndConstraints() throws Exception {
        CliRun r = CliRun.of("spaces");
        assertTrue(r.out().contains("AnyNetX_A  stage         1,846,757,322,198,614,016"), r.out());
        assertTrue(r.out().contains("817,446,539,520"), r.out());
        JsonNode o = JSON.readTree(CliRun.of("space", "info", "anynetx_e", "--json").out());
        assertEquals(new BigInteger("817446539520"), o.get("size").bigIntegerValue());
        JsonNode def = o.get("definition");
        assertEquals("ndsw-space/2", def.get("format").asText());
        assertEquals("AnyNetX_D", def.get("parent").asText());
        assertEquals(4, def.get("constraints").get("relations").size());
        assertEquals(224, def.get("pycls").get("im_size").asInt());
    }

    @Test
    void regNetSpacesAreListedWithAnUpperBoundAndSampleOn224() throws Exception {
        CliRun r = CliRun.of("spaces");
        assertTrue(r.out().contains("RegNetY    regnet                  <=9,457,095,648"), r.out());
        JsonNode o = JSON.readTree(CliRun.of("space", "info", "regnetx", "--json").out());
        assertEquals(9_457_095_648L, o.get("size").longValue());
        assertFalse(o.get("size_exact").asBoolean());
        assertEquals("ndsw-space/3", o.get("definition").get("format").asText());
        assertEquals(0.0, o.get("definition").get("regnet").get("se_ratio").asDouble());
        CliRun s = CliRun.of("sample", "RegNetY", "-n", "3", "--seed", "4", "--max-flops", "0.8B");
        assertEquals(0, s.exit(), s.err());
        String[] lines = s.out().split("\\R");
        assertEquals(3, lines.length);
        for (String line : lines) {
            JsonNode m = JSON.readTree(line);
            assertEquals(5, m.get("net").get("ds").size(), "stem and four stages: " + line);
            assertTrue(m.get("flops").longValue() <= 800_000_000L, line);
            assertEquals("macs", m.get("convention").asText());
        }
    }

    @Test
    void sampledRegNetLinesAreCountedOnTheirSpacesInputByComplexity() throws Exception {
        CliRun s = CliRun.of("sample", "RegNetY", "-n", "4", "--seed", "9");
        assertEquals(0, s.exit(), s.err());
        CliRun c = CliRun.withStdin(s.out(), "complexity", "--convention", "macs");
        assertEquals(0, c.exit(), c.err());
        String[] sampled = s.out().split("\\R");
        String[] counted = c.out().split("\\R");
        assertEquals(sampled.length, counted.length);
        for (int i = 0; i < sampled.length; i++) {
            JsonNode a = JSON.readTree(sampled[i]);
            JsonNode b = JSON.readTree(counted[i]);
            for (String k : new String[] {"flops", "params", "acts"}) {
                assertEquals(a.get(k).longValue(), b.get(k).longValue(), k + " of " + sampled[i]);
            }
        }
    }

    @Test
    void unknownSpaceIsAOneLineUserError() {
        CliRun r = CliRun.of("space", "info", "ResNet-9000");
        assertEquals(Main.EXIT_USER_ERROR, r.exit());
        assertTrue(r.err().startsWith("ndsw: \"ResNet-9000\" is neither a built-in space"), r.err());
        assertTrue(!r.err().contains("at org."), "no stack trace");
    }
}
