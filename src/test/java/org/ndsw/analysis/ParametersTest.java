package org.ndsw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private static final String RESNEXT = "{\"block_type\":\"res_bottleneck_block\",\"ds\":[1,2,5,3],"
            + "\"ws\":[16,32,64,128],\"ss\":[1,1,2,2],\"bot_muls\":[1.0,0.5,0.25,1.0],\"num_gs\":[1,2,4,8]}";
    private static final String DARTS = "{\"genotype\":{\"normal\":[[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",1],"
            + "[\"skip_connect\",0],[\"sep_conv_3x3\",1],[\"skip_connect\",0],[\"sep_conv_3x3\",1],"
            + "[\"skip_connect\",0],[\"dil_conv_3x3\",2]],\"normal_concat\":[2,3,4,5],\"reduce\":[[\"max_pool_3x3\",0],"
            + "[\"max_pool_3x3\",1],[\"skip_connect\",2],[\"max_pool_3x3\",1],[\"max_pool_3x3\",0],[\"skip_connect\",2],"
            + "[\"skip_connect\",2],[\"max_pool_3x3\",1]],\"reduce_concat\":[2,3,4,5]},\"width\":16,\"depth\":8}";

    @Test
    void stageNetsGiveTheCatalogueFilterPathsAndDerivedParameters() {
        ModelSpec net = SpecJson.parseNet(RESNEXT);
        ParameterTable t = ParameterTable.of(List.of(new AnalysisModel(5.0, net, Double.NaN, Double.NaN, 0.1, 5e-4)));
        assertEquals(List.of("net.ds[0]", "net.ds[1]", "net.ds[2]", "net.ds[3]", "net.ws[0]", "net.ws[1]",
                "net.ws[2]", "net.ws[3]", "net.bot_muls[0]", "net.bot_muls[1]", "net.bot_muls[2]", "net.bot_muls[3]",
                "net.num_gs[0]", "net.num_gs[1]", "net.num_gs[2]", "net.num_gs[3]", "d", "w", "params", "flops",
                "acts", "lr", "wd"), t.names());
        assertEquals(10.0, value(t, "d"));
        assertEquals(128.0, value(t, "w"));
        var c = Complexities.cifar(net, Convention.NDS);
        assertEquals(c.params() * 1e-6, value(t, "params"));
        assertEquals(c.acts() * 1e-6, value(t, "acts"));
        assertEquals(0.1, value(t, "lr"));
    }

    @Test
    void theSeRatioIsAParameterWhereItVaries() {
        org.ndsw.space.StageSpec plain = (org.ndsw.space.StageSpec) SpecJson.parseNet(RESNEXT);
        ModelSpec se = plain.withSeRatio(0.25);
        ParameterTable mixed = ParameterTable.of(List.of(
                new AnalysisModel(5.0, plain, Double.NaN, Double.NaN, 0.1, 5e-4),
                new AnalysisModel(4.0, se, Double.NaN, Double.NaN, 0.1, 5e-4)));
        assertArrayEquals(new double[] {0, 0.25}, mixed.columns().get(mixed.names().indexOf("net.se_r")));
        assertEquals(mixed.names().indexOf("net.num_gs[3]") + 1, mixed.names().indexOf("net.se_r"));
        ParameterTable same = ParameterTable.of(List.of(
                new AnalysisModel(5.0, se, Double.NaN, Double.NaN, 0.1, 5e-4),
                new AnalysisModel(4.0, se, Double.NaN, Double.NaN, 0.1, 5e-4)));
        assertTrue(!same.names().contains("net.se_r") && !same.omitted().contains("net.se_r"), same.names().toString());
    }

    @Test
    void cellNetsCountTheirOpsAndOutputs() {
        ModelSpec net = SpecJson.parseNet(DARTS);
        ParameterTable t = ParameterTable.of(List.of(new AnalysisModel(3.0, net, 1e6, 2e8, Double.NaN, Double.NaN)));
        assertEquals(4.0, value(t, "normal.sep_conv_3x3"));
        assertEquals(0.0, value(t, "reduce.sep_conv_3x3"));
        assertEquals(5.0, value(t, "reduce.max_pool_3x3"));
        assertEquals(3.0, value(t, "normal.skip_connect"));
        assertEquals(4.0, value(t, "normal.outputs"));
        assertEquals(16.0, value(t, "net.width"));
        assertEquals(1.0, value(t, "params"));
        assertTrue(!t.names().contains("normal.conv_7x1_1x7"), "ops absent from the set are not listed");
        assertTrue(!t.names().contains("acts"), "recorded params differ from CIFAR's: no acts");
        assertTrue(!t.names().contains("lr"));
    }

    @Test
    void parametersOnlySomeModelsHaveAreOmitted() {
        ModelSpec net = SpecJson.parseNet(RESNEXT);
        ParameterTable t = ParameterTable.of(List.of(new AnalysisModel(5.0, net, Double.NaN, Double.NaN, 0.1, 5e-4),
                new AnalysisModel(4.0, net, Double.NaN, Double.NaN, Double.NaN, 5e-4)));
        assertEquals(List.of("lr"), t.omitted());
        assertArrayEquals(new double[] {5e-4, 5e-4}, t.columns().get(t.names().indexOf("wd")));
    }

    private static double value(ParameterTable t, String name) {
        return t.columns().get(t.names().indexOf(name))[0];
    }
}
