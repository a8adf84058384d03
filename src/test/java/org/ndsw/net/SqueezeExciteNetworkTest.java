package org.ndsw.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ndsw.complexity.AnyNet;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.GraphComplexity;
import org.ndsw.complexity.PyclsConfig;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.RegNetSpace;
import org.ndsw.space.StageSpec;
import org.ndsw.train.ParameterLayout;

/**
 * Squeeze-and-excitation in built graphs: placed and sized as pycls places it, and every pinned pycls AnyNet and
 * RegNet (RegNetY with SE included) counts, on the built graph, pycls's own params, flops and acts.
 */
class SqueezeExciteNetworkTest {
    private static final String DIR = "/org/ndsw/complexity/pycls/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = SqueezeExciteNetworkTest.class.getResourceAsStream(DIR + file)) {
            return MAPPER.readTree(in);
        }
    }

    private static List<JsonNode> configs() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = SqueezeExciteNetworkTest.class.getResourceAsStream(DIR + "configs.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(MAPPER.readTree(line));
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyPinnedNetsGraphCountsPyclsNumbers() throws IOException {
        JsonNode pinned = read("model_complexity.json");
        return configs().stream().map(c -> DynamicTest.dynamicTest(c.get("config").textValue(), () -> {
            JsonNode want = pinned.get(c.get("config").textValue());
            PyclsConfig cfg = PyclsConfig.parse(c);
            Graph g = AnyNetNetwork.build(cfg.net(), cfg.imageSize());
            Complexity got = GraphComplexity.of(g, Convention.MACS);
            assertEquals(want.get("params").longValue(), got.params(), "params");
            assertEquals(want.get("params").longValue(), ParameterLayout.trainableCount(g), "trained params");
            assertEquals(want.get("flops").longValue(), got.flops(), "flops");
            // acts too: the graph count takes res_stem_in's max-pool outputs, as pycls does
            assertEquals(want.get("acts").longValue(), got.acts(), "acts");
        }));
    }

    @Test
    void regNetY200MfHasPyclsParamsAndSeAfterTheGroupedConv() throws IOException {
        JsonNode line = configs().stream()
                .filter(c -> c.get("config").textValue().endsWith("RegNetY-200MF_dds_8gpu.yaml")).findFirst()
                .orElseThrow();
        AnyNet net = PyclsConfig.parse(line).net();
        Graph g = AnyNetNetwork.build(net, 224);
        assertEquals(3_162_996L, ParameterLayout.trainableCount(g));
        Node relu = find(g, "s1.b1.f.b_relu");
        Node pool = find(g, "s1.b1.f.se.pool");
        Node squeeze = find(g, "s1.b1.f.se.f_ex.0");
        Node mul = find(g, "s1.b1.f.se.mul");
        assertEquals(List.of(relu.id()), pool.inputs());
        int wIn = net.stemWidth();
        assertEquals((int) Math.rint(0.25 * wIn), squeeze.shape().channels(), "w_se = round(se_r x w_in)");
        assertEquals(relu.shape(), mul.shape());
        assertEquals(List.of(mul.id()), find(g, "s1.b1.f.c").inputs());
        assertTrue(((Layer.Linear) squeeze.layer()).pointwise() && ((Layer.Linear) squeeze.layer()).bias());
    }

    @Test
    void regNetYSamplesBuildWithTheSpacesSeAndCountAsItsComplexity() {
        RegNetSpace y = (RegNetSpace) BuiltinSpaces.find("RegNetY").orElseThrow();
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 5; i++) {
            StageSpec spec = y.sample(rng);
            assertEquals(y.seRatio(), spec.seRatio());
            Graph g = Networks.build(spec, new Shape(3, 224, 224), 1000);
            assertTrue(g.nodes().stream().anyMatch(n -> n.layer() instanceof Layer.ChannelScale));
            assertEquals(Complexities.of(y, spec, Convention.NDS).params(), ParameterLayout.trainableCount(g));
        }
    }

    private static Node find(Graph g, String name) {
        return g.nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name));
    }
}
