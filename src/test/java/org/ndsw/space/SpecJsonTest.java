package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndsw.NdswException;

/** Round trips of the NDS record form, canonical text and hashes, and errors on bad nets. */
class SpecJsonTest {

    @Test
    void everySpaceRoundTripsByteForByte() {
        for (DesignSpace space : BuiltinSpaces.all()) {
            SplittableRandom rng = new SplittableRandom(7);
            for (int i = 0; i < 200; i++) {
                ModelSpec spec = space.sample(rng);
                String text = SpecJson.canonical(spec);
                ModelSpec back = SpecJson.parseNet(text);
                assertEquals(spec, back, space.name());
                assertEquals(text, SpecJson.canonical(back), space.name());
                assertEquals(SpecJson.hash(spec), SpecJson.hash(back));
            }
        }
    }

    @Test
    void canonicalTextSortsKeysAndIgnoresInputOrder() {
        ModelSpec a = SpecJson.parseNet("{\"ws\": [16, 16, 32, 64], \"ss\": [1, 1, 2, 2], \"ds\": [1, 9, 9, 9],"
                + " \"block_type\": \"res_basic_block\"}");
        assertEquals("{\"block_type\":\"res_basic_block\",\"ds\":[1,9,9,9],\"ss\":[1,1,2,2],\"ws\":[16,16,32,64]}",
                SpecJson.canonical(a));
    }

    @Test
    void bottleneckRecordKeepsStemPlaceholders() {
        String net = "{\"block_type\":\"res_bottleneck_block\",\"bot_muls\":[0.0,1.0,0.5,0.25],\"ds\":[1,2,4,8],"
                + "\"num_gs\":[1,2,4,16],\"ss\":[1,1,2,2],\"ws\":[16,64,128,256]}";
        assertEquals(net, SpecJson.canonical(SpecJson.parseNet(net)));
    }

    @Test
    void seRatioIsWrittenOnlyAboveZeroSoOlderNetsKeepTheirHash() {
        String plain = "{\"block_type\":\"res_bottleneck_block\",\"bot_muls\":[0.0,1.0],\"ds\":[1,2],"
                + "\"num_gs\":[1,2],\"ss\":[2,2],\"ws\":[16,32]}";
        StageSpec none = (StageSpec) SpecJson.parseNet(plain);
        assertEquals(0.0, none.seRatio());
        assertEquals(plain, SpecJson.canonical(none));
        StageSpec zero = (StageSpec) SpecJson.parseNet(plain.replace("\"ds\"", "\"se_r\":0,\"ds\""));
        assertEquals(none, zero);
        assertEquals(SpecJson.hash(none), SpecJson.hash(zero));
        String withSe = plain.replace("\"ss\"", "\"se_r\":0.25,\"ss\"");
        StageSpec se = (StageSpec) SpecJson.parseNet(withSe);
        assertEquals(0.25, se.seRatio());
        assertEquals(withSe, SpecJson.canonical(se), "se_r sorts between num_gs and ss");
        assertEquals(se, none.withSeRatio(0.25));
        assertNotEquals(SpecJson.hash(none), SpecJson.hash(se));
        assertEquals(se, new StageSpec(BlockType.RES_BOTTLENECK, none.stages(), 0.25));
        assertEquals(none, new StageSpec(BlockType.RES_BOTTLENECK, none.stages(), -0.0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5|net.se_r must be in [0, 1] (0: no squeeze-and-excitation), got 1.5",
        "-0.25|net.se_r must be in [0, 1] (0: no squeeze-and-excitation), got -0.25",
        "\"a\"|net.se_r must be a number, got \"a\"",
    })
    void badSeRatiosNameTheFieldAndValue(String value, String message) {
        String net = "{\"block_type\":\"res_bottleneck_block\",\"bot_muls\":[0.0,1.0],\"ds\":[1,2],"
                + "\"num_gs\":[1,2],\"se_r\":" + value + ",\"ss\":[2,2],\"ws\":[16,32]}";
        NdswException e = assertThrows(NdswException.class, () -> SpecJson.parseNet(net));
        assertEquals(message, e.getMessage());
    }

    @Test
    void seNeedsTheBottleneckBlock() {
        NdswException e = assertThrows(NdswException.class, () -> SpecJson.parseNet("{\"block_type\":"
                + "\"res_basic_block\",\"ds\":[1,2],\"se_r\":0.25,\"ss\":[1,2],\"ws\":[16,32]}"));
        assertEquals("net.se_r = 0.25 needs block_type res_bottleneck_block (squeeze-and-excitation sits in the"
                + " bottleneck), got res_basic_block", e.getMessage());
        assertEquals(0.0, ((StageSpec) SpecJson.parseNet("{\"block_type\":\"res_basic_block\",\"ds\":[1,2],"
                + "\"se_r\":0,\"ss\":[1,2],\"ws\":[16,32]}")).seRatio());
    }

    @Test
    void stemTypeIsWrittenOnlyForResStemInSoOlderNetsKeepTheirHash() {
        String plain = "{\"block_type\":\"res_basic_block\",\"ds\":[1,2],\"ss\":[2,2],\"ws\":[16,32]}";
        StageSpec conv = (StageSpec) SpecJson.parseNet(plain);
        assertEquals(StemType.CONV_3X3, conv.stemType());
        assertEquals(plain, SpecJson.canonical(conv));
        String in = plain.replace("\"ws\"", "\"stem_type\":\"res_stem_in\",\"ws\"");
        StageSpec res = (StageSpec) SpecJson.parseNet(in);
        assertEquals(StemType.RES_STEM_IN, res.stemType());
        assertEquals(in, SpecJson.canonical(res), "stem_type sorts between ss and ws");
        assertEquals(res, conv.withStemType(StemType.RES_STEM_IN));
        assertEquals(res, res.withSeRatio(0));
        assertNotEquals(SpecJson.hash(conv), SpecJson.hash(res));
        // pycls's names of the 3x3 conv stem are read as the default and not written
        StageSpec simple = (StageSpec) SpecJson.parseNet(in.replace("res_stem_in", "simple_stem_in"));
        assertEquals(conv, simple);
        assertEquals(SpecJson.hash(conv), SpecJson.hash(simple));
        String cifar = plain.replace("\"ss\":[2,2]", "\"ss\":[1,2]");
        assertEquals(SpecJson.parseNet(cifar), SpecJson.parseNet(cifar.replace("\"ws\"",
                "\"stem_type\":\"res_stem_cifar\",\"ws\"")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2]|\"res_stem_in\"|net.stem_type res_stem_in needs net.ss[0] = 2 (the 7x7 conv's stride; its max-pool"
            + " halves the map again), got 1",
        "[1,2]|\"simple_stem_in\"|net.stem_type = \"simple_stem_in\" has stride 2, but net.ss[0] is 1",
        "[2,2]|\"res_stem_cifar\"|net.stem_type = \"res_stem_cifar\" has stride 1, but net.ss[0] is 2",
        "[2,2]|\"stem7\"|net.stem_type must be one of [res_stem_cifar, simple_stem_in, res_stem_in], got \"stem7\"",
        "[2,2]|7|net.stem_type must be a string, got 7",
    })
    void badStemTypesNameTheFieldAndValue(String ss, String value, String message) {
        String net = "{\"block_type\":\"res_basic_block\",\"ds\":[1,2],\"ss\":" + ss + ",\"stem_type\":" + value
                + ",\"ws\":[16,32]}";
        NdswException e = assertThrows(NdswException.class, () -> SpecJson.parseNet(net));
        assertEquals(message, e.getMessage());
    }

    @Test
    void cellRecordRoundTrips() {
        String net = "{\"aux\":false,\"depth\":8,\"drop_prob\":0.0,\"genotype\":{\"normal\":[[\"sep_conv_3x3\",0],"
                + "[\"skip_connect\",1],[\"none\",2],[\"dil_conv_5x5\",0]],\"normal_concat\":[2,3],"
                + "\"reduce\":[[\"max_pool_3x3\",1],[\"avg_pool_3x3\",0],[\"sep_conv_5x5\",2],[\"skip_connect\",1]],"
                + "\"reduce_concat\":[3]},\"width\":16}";
        assertEquals(net, SpecJson.canonical(SpecJson.parseNet(net)));
    }

    @Test
    void hashIsStableAcrossReleases() {
        ModelSpec r56 = SpecJson.parseNet(
                "{\"block_type\":\"res_basic_block\",\"ds\":[1,9,9,9],\"ss\":[1,1,2,2],\"ws\":[16,16,32,64]}");
        // The hash is the model identity in catalogues: changing the canonical form breaks existing files.
        // sha256sum of the canonical text printed by `printf '%s' TEXT | sha256sum`.
        assertEquals("6402b5d9721e3c45fc1b9a72ab67707969457f6525cf8479024f797179a40b21", SpecJson.hash(r56));
        assertEquals(SpecJson.hash(r56), SpecJson.hash(SpecJson.parseNet(SpecJson.canonical(r56))));
        assertNotEquals(SpecJson.hash(r56), SpecJson.hash(SpecJson.parseNet(
                "{\"block_type\":\"double_plain_block\",\"ds\":[1,9,9,9],\"ss\":[1,1,2,2],\"ws\":[16,16,32,64]}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"block_type\":\"res_basic\",\"ds\":[1,1,1,1],\"ss\":[1,1,2,2],\"ws\":[16,16,16,16]}|net.block_type must be one of",
        "{\"block_type\":\"res_basic_block\",\"ds\":[1,1,1],\"ss\":[1,1,2,2],\"ws\":[16,16,16,16]}|net.ws must have one entry per stage like net.ds (3), got 4",
        "{\"block_type\":\"res_basic_block\",\"ds\":[1,\"2\",1,1],\"ss\":[1,1,2,2],\"ws\":[16,16,16,16]}|net.ds[1] must be an integer, got \"2\"",
        "{\"block_type\":\"res_basic_block\",\"ds\":[1,0,1,1],\"ss\":[1,1,2,2],\"ws\":[16,16,16,16]}|net.ds[1] must be an integer in [1, 1,024] (ResNet-1202 has 200 blocks per stage), got 0",
        "{\"block_type\":\"res_basic_block\",\"ds\":[2,1,1,1],\"ss\":[1,1,2,2],\"ws\":[16,16,16,16]}|net.ds[0] (the stem) must be 1, got 2",
        "{\"block_type\":\"res_basic_block\",\"ds\":[1,1,1,1],\"ss\":[1,1,2,2]}|net.ws must be a JSON array, got nothing (the field is missing)",
        "{\"block_type\":\"res_basic_block\",\"ds\":[1,1,1,1],\"ss\":[1,1,2,2],\"ws\":[16,16,16,16],\"depth\":3}|net has unknown field \"depth\"",
        "{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,1,1,1],\"ss\":[1,1,2,2],\"ws\":[16,16,16,16],\"bot_muls\":[0,1,1,1],\"num_gs\":[1,3,1,1]}|net.num_gs[1] = 3 must divide the bottleneck width round(16 * 1.0) = 16",
        "{\"genotype\":{\"normal\":[[\"sep_conv_3x3\",0],[\"conv_9x9\",1]],\"normal_concat\":[2],\"reduce\":[[\"sep_conv_3x3\",0],[\"skip_connect\",1]],\"reduce_concat\":[2]},\"width\":16,\"depth\":8}|net.genotype.normal[1][0] must be one of",
        "{\"genotype\":{\"normal\":[[\"sep_conv_3x3\",0],[\"skip_connect\",2]],\"normal_concat\":[2],\"reduce\":[[\"sep_conv_3x3\",0],[\"skip_connect\",1]],\"reduce_concat\":[2]},\"width\":16,\"depth\":8}|net.genotype.normal[1] input of node 0 must be in [0, 1], got 2",
        "{\"genotype\":{\"normal\":[[\"sep_conv_3x3\",0],[\"skip_connect\",1]],\"normal_concat\":[2],\"reduce\":[[\"sep_conv_3x3\",0],[\"skip_connect\",1]],\"reduce_concat\":[2]},\"width\":15,\"depth\":8}|net.width must be a positive even integer (FactorizedReduce halves it), got 15",
        "{\"genotype\":{\"normal\":[[\"sep_conv_3x3\",0],[\"skip_connect\",1]],\"normal_concat\":[1],\"reduce\":[[\"sep_conv_3x3\",0],[\"skip_connect\",1]],\"reduce_concat\":[2]},\"width\":16,\"depth\":8}|net.genotype.normal_concat[0] must be an intermediate node in [2, 2], got 1",
        "{\"ds\":[1]}|net must have either block_type (stage-wise) or genotype (NAS cell), got keys [ds]",
    })
    void badNetsNameTheFieldAndValue(String json, String message) {
        NdswException e = assertThrows(NdswException.class, () -> SpecJson.parseNet(json));
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void malformedJsonIsAUserError() {
        NdswException e = assertThrows(NdswException.class, () -> SpecJson.parseNet("{\"block_type\": "));
        assertTrue(e.getMessage().startsWith("net is not valid JSON"), e.getMessage());
    }
}
