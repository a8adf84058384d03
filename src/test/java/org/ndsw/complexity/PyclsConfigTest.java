package org.ndsw.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** pycls configs in JSON form: pycls's defaults for missing keys, errors naming the key. */
class PyclsConfigTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static PyclsConfig parse(String json) throws Exception {
        return PyclsConfig.parse(MAPPER.readTree(json));
    }

    private static String error(String json) {
        return assertThrows(NdswException.class, () -> parse(json)).getMessage();
    }

    @Test
    void missingKeysTakePyclsDefaults() throws Exception {
        PyclsConfig c = parse("{\"MODEL\": {\"TYPE\": \"regnet\"}}");
        assertEquals(224, c.imageSize());
        assertEquals(10, c.net().classes());
        assertEquals(AnyNet.Stem.SIMPLE_STEM_IN, c.net().stem());
        assertEquals(32, c.net().stemWidth());
        assertEquals(AnyNet.Block.RES_BOTTLENECK_BLOCK, c.net().block());
        assertEquals(0.0, c.net().seRatio());
        assertEquals(new RegNet(10, 32, 5.0, 2.5, 16, 1.0).stages(2), c.net().stages());
    }

    @Test
    void seRatioAppliesOnlyWhenSeIsOn() throws Exception {
        assertEquals(0.25, parse("{\"MODEL\": {\"TYPE\": \"regnet\"}, \"REGNET\": {\"SE_ON\": true}}").net().seRatio());
        assertEquals(0.0, parse("{\"MODEL\": {\"TYPE\": \"regnet\"}, \"REGNET\": {\"SE_R\": 0.5}}").net().seRatio());
    }

    @Test
    void errorsNameTheKey() {
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"resnet\"}}").contains("MODEL.TYPE"));
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"regnet\"}, \"REGNET\": {\"DEPHT\": 3}}").contains("REGNET.DEPHT"));
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"regnet\"}, \"REGNET\": {\"W0\": 24.5}}").contains("REGNET.W0"));
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"regnet\"}, \"REGNET\": {\"WA\": \"x\"}}").contains("REGNET.WA"));
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"anynet\"}, \"ANYNET\": {\"STEM_TYPE\": \"big\"}}")
                .contains("ANYNET.STEM_TYPE"));
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"anynet\"}, \"ANYNET\": {\"DEPTHS\": [1, 2], \"WIDTHS\": [8, 16],"
                + " \"STRIDES\": [2, 2], \"BOT_MULS\": [1.0, 1.0]}}").contains("ANYNET.GROUP_WS"));
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"anynet\"}, \"ANYNET\": {\"DEPTHS\": [1], \"WIDTHS\": [8],"
                + " \"STRIDES\": [\"2\"], \"BLOCK_TYPE\": \"res_basic_block\"}}").contains("ANYNET.STRIDES[0]"));
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"regnet\"}, \"TRAIN\": {\"IM_SIZE\": 0}}").contains("TRAIN.IM_SIZE"));
        assertTrue(error("[1]").contains("JSON object"));
        assertTrue(error("{\"MODEL\": {\"TYPE\": \"anynet\"}, \"ANYNET\": {\"DEPTHS\": [1], \"WIDTHS\": [10],"
                + " \"STRIDES\": [2], \"BOT_MULS\": [1.0], \"GROUP_WS\": [3]}}").startsWith("ANYNET: stage 1: "));
    }

    @Test
    void otherSectionsAreIgnored() throws Exception {
        assertEquals(1000, parse("{\"MODEL\": {\"TYPE\": \"regnet\", \"NUM_CLASSES\": 1000, \"LOSS_FUN\": \"x\"},"
                + " \"OPTIM\": {\"BASE_LR\": 0.1}}").net().classes());
    }
}
