package org.ndsw.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every AnyNet and RegNet number pycls pins in its dev/model_complexity.json, reproduced exactly under the macs
 * convention (fixtures and their source in src/test/resources/org/ndsw/complexity/pycls/README.md).
 */
class PyclsGoldenTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DIR = "/org/ndsw/complexity/pycls/";

    private static JsonNode pinned() {
        try (InputStream in = PyclsGoldenTest.class.getResourceAsStream(DIR + "model_complexity.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> configs() {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = PyclsGoldenTest.class.getResourceAsStream(DIR + "configs.jsonl")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(MAPPER.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyPinnedAnyNetAndRegNetMatches() {
        JsonNode pinned = pinned();
        return configs().stream().map(c -> DynamicTest.dynamicTest(c.get("config").textValue(), () -> {
            JsonNode want = pinned.get(c.get("config").textValue());
            PyclsConfig cfg = PyclsConfig.parse(c);
            Complexity got = AnyNetComplexity.of(cfg.net(), cfg.imageSize(), Convention.MACS);
            assertEquals(want.get("flops").longValue(), got.flops(), "flops");
            assertEquals(want.get("params").longValue(), got.params(), "params");
            assertEquals(want.get("acts").longValue(), got.acts(), "acts");
        }));
    }

    /**
     * The pinned nets the workbench's net form holds (any stem, net.stem_type for res_stem_in; no head conv), among
     * them every RegNetX and RegNetY and the ResNets and ResNeXts, counted as a stage-wise spec with net.se_r after a trip through its canonical JSON: closed
     * form, the pycls AnyNet of the spec and the built graph all give pycls's numbers.
     */
    @TestFactory
    Stream<DynamicTest> theStageSpecPathMatchesThePinsWithSe() {
        JsonNode pinned = pinned();
        List<JsonNode> held = configs().stream().filter(c -> fits(PyclsConfig.parse(c).net())).toList();
        assertTrue(held.stream().filter(c -> c.get("config").textValue().contains("RegNetY-")).count() >= 12,
                "every RegNetY pin is held");
        assertTrue(held.stream().filter(c -> c.get("config").textValue().matches(".*/[RX]-(50|101|152)-.*")).count()
                >= 6, "every R-50/101/152-1x64d and X-50/101/152-32x4d pin (res_stem_in) is held");
        return held.stream().map(c -> DynamicTest.dynamicTest(c.get("config").textValue(), () -> {
            JsonNode want = pinned.get(c.get("config").textValue());
            PyclsConfig cfg = PyclsConfig.parse(c);
            org.ndsw.space.StageSpec spec = (org.ndsw.space.StageSpec) org.ndsw.space.SpecJson.parseNet(
                    org.ndsw.space.SpecJson.canonical(org.ndsw.pycls.PyclsConfigs.spec(cfg.net())));
            assertEquals(cfg.net().seRatio(), spec.seRatio());
            assertEquals(cfg.net().stem() == AnyNet.Stem.RES_STEM_IN,
                    spec.stemType() == org.ndsw.space.StemType.RES_STEM_IN);
            int size = cfg.imageSize();
            int classes = cfg.net().classes();
            List<Complexity> got = List.of(ClosedFormComplexity.of(spec, Convention.MACS, size, classes),
                    AnyNetComplexity.of(org.ndsw.pycls.PyclsConfigs.anyNet(spec, classes), size, Convention.MACS),
                    GraphComplexity.of(org.ndsw.net.Networks.build(spec, new org.ndsw.net.Shape(3, size, size),
                            classes), Convention.MACS));
            for (Complexity g : got) {
                assertEquals(new Complexity(want.get("flops").longValue(), want.get("params").longValue(),
                        want.get("acts").longValue()), g);
            }
        }));
    }

    private static boolean fits(AnyNet net) {
        try {
            org.ndsw.pycls.PyclsConfigs.spec(net);
            return true;
        } catch (org.ndsw.NdswException e) {
            return false;
        }
    }

    @Test
    void theFixturesCoverEveryModelTheIssueNames() {
        List<String> names = configs().stream().map(c -> c.get("config").textValue()).toList();
        for (String size : List.of("200MF", "400MF", "600MF", "800MF", "1.6GF", "3.2GF", "4.0GF", "6.4GF", "8.0GF",
                "12GF", "16GF", "32GF")) {
            assertTrue(names.contains("configs/dds_baselines/regnetx/RegNetX-" + size + "_dds_8gpu.yaml"), size);
            assertTrue(names.contains("configs/dds_baselines/regnety/RegNetY-" + size + "_dds_8gpu.yaml"), size);
        }
        for (String depth : List.of("50", "101", "152")) {
            assertTrue(names.contains("configs/dds_baselines/resnet/R-" + depth + "-1x64d_dds_8gpu.yaml"), depth);
            assertTrue(names.contains("configs/dds_baselines/resnext/X-" + depth + "-32x4d_dds_8gpu.yaml"), depth);
        }
        for (String cifar : List.of("R-56", "R-110", "V-56")) {
            assertTrue(names.contains("configs/archive/cifar/anynet/" + cifar + "_nds_1gpu.yaml"), cifar);
        }
    }
}
