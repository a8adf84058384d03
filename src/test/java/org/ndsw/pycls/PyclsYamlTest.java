package org.ndsw.pycls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.complexity.AnyNet;
import org.ndsw.complexity.AnyNetComplexity;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.PyclsConfig;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.StageSpec;

/** pycls YAML configs: read, written and read back unchanged, pycls's own configs included, and their errors. */
class PyclsYamlTest {
    private static final Path FIXTURES = Path.of("src/test/resources/org/ndsw/pycls/configs");
    private static final List<String> SHIPPED = List.of("RegNetX-200MF_dds_8gpu", "RegNetY-800MF_dds_8gpu",
            "R-50-1x64d_dds_8gpu", "X-50-32x4d_dds_8gpu");
    private static final List<String> DIRS = List.of("regnetx", "regnety", "resnet", "resnext");

    @TempDir Path dir;

    @Test
    void pyclsShippedConfigsRoundTripAndCountAsPyclsPinsThem() throws Exception {
        JsonNode pinned;
        try (InputStream in = getClass().getResourceAsStream("/org/ndsw/complexity/pycls/model_complexity.json")) {
            pinned = new ObjectMapper().readTree(in);
        }
        for (int i = 0; i < SHIPPED.size(); i++) {
            Path f = FIXTURES.resolve(SHIPPED.get(i) + ".yaml");
            ObjectNode cfg = PyclsYaml.read(f).get(0).config();
            assertEquals(cfg, PyclsYaml.parseYaml(PyclsYaml.write(cfg), "written"), f.toString());
            assertEquals(PyclsYaml.write(cfg), PyclsYaml.write(PyclsYaml.parseYaml(PyclsYaml.write(cfg), "w")));
            PyclsConfig parsed = PyclsConfig.parse(cfg);
            Complexity c = AnyNetComplexity.of(parsed.net(), parsed.imageSize(), Convention.MACS);
            JsonNode want = pinned.get("configs/dds_baselines/" + DIRS.get(i) + "/" + SHIPPED.get(i) + ".yaml");
            assertEquals(want.get("flops").longValue(), c.flops(), f.toString());
            assertEquals(want.get("params").longValue(), c.params(), f.toString());
            assertEquals(want.get("acts").longValue(), c.acts(), f.toString());
        }
    }

    @Test
    void yamlScalarsKeepTheirTypes() {
        ObjectNode cfg = PyclsYaml.read(FIXTURES.resolve("RegNetY-800MF_dds_8gpu.yaml")).get(0).config();
        assertTrue(cfg.get("REGNET").get("SE_ON").isBoolean(), "True is a boolean");
        assertTrue(cfg.get("REGNET").get("WA").isFloatingPointNumber());
        assertTrue(cfg.get("REGNET").get("DEPTH").isIntegralNumber());
        assertEquals("cos", cfg.get("OPTIM").get("LR_POLICY").textValue());
    }

    @Test
    void writtenConfigsOfSampledNetsRoundTripToTheSameNet() {
        for (DesignSpace space : List.of(BuiltinSpaces.resolve("ResNeXt-B"), BuiltinSpaces.resolve("Vanilla"),
                BuiltinSpaces.resolve("AnyNetX_A"), BuiltinSpaces.resolve("AnyNetX_E"), BuiltinSpaces.resolve("RegNetX"),
                BuiltinSpaces.resolve("RegNetY"))) {
            SplittableRandom rng = new SplittableRandom(7);
            for (int i = 0; i < 50; i++) {
                StageSpec spec = (StageSpec) space.sample(rng);
                ObjectNode cfg = PyclsConfigs.ofSample(space, spec);
                ObjectNode back = PyclsYaml.parseYaml(PyclsYaml.write(cfg), "written");
                assertEquals(cfg, back);
                assertEquals(spec.seRatio() > 0, cfg.at("/ANYNET/SE_ON").booleanValue(), space.name());
                PyclsConfig parsed = PyclsConfig.parse(back);
                assertEquals(spec, PyclsConfigs.spec(parsed.net()), space.name());
                assertEquals(Complexities.of(space, spec, Convention.MACS).params(),
                        AnyNetComplexity.of(parsed.net(), parsed.imageSize(), Convention.MACS).params());
            }
        }
    }

    @Test
    void seOnBecomesNetSeRAndBack() {
        PyclsConfig y = PyclsConfig.parse(PyclsYaml.read(FIXTURES.resolve("RegNetY-800MF_dds_8gpu.yaml")).get(0)
                .config());
        StageSpec spec = PyclsConfigs.spec(y.net());
        assertEquals(0.25, spec.seRatio());
        assertEquals(AnyNetComplexity.of(y.net(), y.imageSize(), Convention.MACS),
                AnyNetComplexity.of(PyclsConfigs.anyNet(spec, y.net().classes()), y.imageSize(), Convention.MACS));
        StageSpec resnext = ((StageSpec) BuiltinSpaces.resolve("ResNeXt-A").sample(new SplittableRandom(1)))
                .withSeRatio(0.5);
        ObjectNode cfg = PyclsConfigs.ofSample(BuiltinSpaces.resolve("ResNeXt-A"), resnext);
        assertTrue(cfg.at("/ANYNET/SE_ON").booleanValue());
        assertEquals(0.5, cfg.at("/ANYNET/SE_R").doubleValue());
        assertEquals(resnext, PyclsConfigs.spec(PyclsConfig.parse(cfg).net()));
        // pycls's basic block has no SE, so SE_ON does not change a ResNet
        StageSpec resnet = (StageSpec) BuiltinSpaces.resolve("ResNet").sample(new SplittableRandom(1));
        ObjectNode on = PyclsConfigs.ofSample(BuiltinSpaces.resolve("ResNet"), resnet);
        ((ObjectNode) on.get("ANYNET")).put("SE_ON", true).put("SE_R", 0.25);
        assertEquals(resnet, PyclsConfigs.spec(PyclsConfig.parse(on).net()));
    }

    @Test
    void cifarSpacesCountTheSameAsTheirPyclsConfigs() {
        for (String name : List.of("Vanilla", "ResNet", "ResNeXt-A", "ResNeXt-B")) {
            DesignSpace space = BuiltinSpaces.resolve(name);
            SplittableRandom rng = new SplittableRandom(3);
            for (int i = 0; i < 100; i++) {
                StageSpec spec = (StageSpec) space.sample(rng);
                PyclsConfig cfg = PyclsConfig.parse(PyclsConfigs.ofSample(space, spec));
                assertEquals(32, cfg.imageSize());
                assertEquals(Complexities.cifar(spec, Convention.MACS),
                        AnyNetComplexity.of(cfg.net(), cfg.imageSize(), Convention.MACS), name);
            }
        }
    }

    @Test
    void trainableConfigsCarryTheRecipe() {
        ObjectNode cfg = PyclsYaml.read(FIXTURES.resolve("R-50-1x64d_dds_8gpu.yaml")).get(0).config();
        ObjectNode t = PyclsConfigs.trainable(cfg, new PyclsConfigs.Optim(0.2, 5e-5, 100, 0.9, true), "imagenet");
        assertEquals("cos", t.at("/OPTIM/LR_POLICY").textValue());
        assertEquals(0.2, t.at("/OPTIM/BASE_LR").doubleValue());
        assertEquals(5e-5, t.at("/OPTIM/WEIGHT_DECAY").doubleValue());
        assertEquals(100, t.at("/OPTIM/MAX_EPOCH").intValue());
        assertTrue(t.at("/OPTIM/NESTEROV").booleanValue());
        assertEquals(224, t.at("/TRAIN/IM_SIZE").intValue());
        assertEquals(256, t.at("/TEST/IM_SIZE").intValue());
        assertEquals(t, PyclsYaml.parseYaml(PyclsYaml.write(t), "written"));
        assertEquals(PyclsConfig.parse(cfg), PyclsConfig.parse(t), "the net is unchanged");
    }

    @Test
    void errorsNameTheFileTheKeyAndTheValue() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "MODEL:\n  TYPE: regnet\nREGNET:\n  WA: lots\n");
        ObjectNode cfg = PyclsYaml.read(bad).get(0).config();
        NdswException e = assertThrows(NdswException.class, () -> PyclsConfig.parse(cfg));
        assertTrue(e.getMessage().contains("REGNET.WA") && e.getMessage().contains("lots"), e.getMessage());
        Path broken = Files.writeString(dir.resolve("broken.yml"), "MODEL: [\n");
        e = assertThrows(NdswException.class, () -> PyclsYaml.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": not valid YAML"), e.getMessage());
        Path list = Files.writeString(dir.resolve("list.yaml"), "- 1\n- 2\n");
        e = assertThrows(NdswException.class, () -> PyclsYaml.read(list));
        assertEquals(list + ": a pycls config must be a mapping of sections (MODEL, REGNET, ...), got array",
                e.getMessage());
        Path lines = Files.writeString(dir.resolve("c.jsonl"), "{\"MODEL\": {}}\n\n{nope\n");
        e = assertThrows(NdswException.class, () -> PyclsYaml.read(lines));
        assertTrue(e.getMessage().startsWith(lines + ":3: not valid JSON"), e.getMessage());
    }

    @Test
    void cellSpacesAndUnfitNetsAreRefusedAndResStemInIsHeld() {
        NdswException e = assertThrows(NdswException.class,
                () -> PyclsConfigs.requireStageWise(BuiltinSpaces.resolve("DARTS")));
        assertTrue(e.getMessage().startsWith("space DARTS is a cell space"), e.getMessage());
        AnyNet r50 = PyclsConfig.parse(PyclsYaml.read(FIXTURES.resolve("R-50-1x64d_dds_8gpu.yaml")).get(0).config())
                .net();
        StageSpec spec = PyclsConfigs.spec(r50);
        assertEquals(org.ndsw.space.StemType.RES_STEM_IN, spec.stemType());
        assertEquals(2, spec.stages().get(0).stride());
        assertEquals(r50, PyclsConfigs.anyNet(spec, r50.classes()), "res_stem_in round-trips");
        assertEquals("res_stem_in", PyclsConfigs.of(PyclsConfigs.anyNet(spec, 1000), 224).get("ANYNET")
                .get("STEM_TYPE").asText());
        AnyNet head = new AnyNet(r50.stem(), r50.stemWidth(), r50.block(), r50.stages(), 1280, 0, r50.classes());
        e = assertThrows(NdswException.class, () -> PyclsConfigs.spec(head));
        assertTrue(e.getMessage().contains("HEAD_W 1280 (a head conv)"), e.getMessage());
    }

    @Test
    void aRegNetXConfigIsAWorkbenchNetAndBack() {
        PyclsConfig cfg = PyclsConfig.parse(
                PyclsYaml.read(FIXTURES.resolve("RegNetX-200MF_dds_8gpu.yaml")).get(0).config());
        StageSpec spec = PyclsConfigs.spec(cfg.net());
        assertEquals(2, spec.stages().get(0).stride(), "simple_stem_in");
        assertEquals(cfg.net(), PyclsConfigs.anyNet(spec, 1000));
        org.ndsw.catalog.ModelEntry.of(spec);
    }

    @Test
    void writeFilesWritesOneYamlPerConfig() {
        ObjectNode cfg = PyclsYaml.read(FIXTURES.resolve("RegNetX-200MF_dds_8gpu.yaml")).get(0).config();
        List<Path> files = PyclsYaml.writeFiles(dir.resolve("out"), List.of("a/b", "c"), List.of(cfg, cfg));
        assertEquals(List.of(dir.resolve("out/a_b.yaml"), dir.resolve("out/c.yaml")), files);
        assertEquals(cfg, PyclsYaml.read(files.get(0)).get(0).config());
    }
}
