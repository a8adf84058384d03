package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;

class WeightInitTest {
    private static final Graph RESNET_20 = Networks.cifar(SpecJson.parseNet(
            "{\"block_type\":\"res_basic_block\",\"ds\":[1,3,3,3],\"ws\":[16,16,32,64],\"ss\":[1,1,2,2]}"));

    @Test
    void layoutCountsTheComplexityParamsInEverySpace() {
        for (DesignSpace space : BuiltinSpaces.all()) {
            SplittableRandom rng = new SplittableRandom(11);
            for (int i = 0; i < 20; i++) {
                ModelSpec spec = space.sample(rng);
                assertEquals(Complexities.cifar(spec, Convention.NDS).params(),
                        ParameterLayout.trainableCount(Networks.cifar(spec)), space.name() + " " + spec);
            }
        }
    }

    @Test
    void squeezeExciteConvsArePyclsConvsWithPyTorchsDefaultBias() {
        org.ndsw.complexity.AnyNet net = new org.ndsw.complexity.AnyNet(
                org.ndsw.complexity.AnyNet.Stem.SIMPLE_STEM_IN, 32, org.ndsw.complexity.AnyNet.Block.RES_BOTTLENECK_BLOCK,
                java.util.List.of(new org.ndsw.complexity.AnyNet.Stage(1, 256, 1, 1.0, 8)), 0, 0.25, 10);
        Weights w = WeightInit.initial(org.ndsw.net.AnyNetNetwork.build(net, 16), 3);
        Tensor squeeze = w.get("s1.b1.f.se.f_ex.0.weight"); // 256 -> round(0.25 x 32) = 8
        assertArrayEquals(new int[] {8, 256}, squeeze.shape());
        assertEquals(Math.sqrt(2.0 / 8), std(squeeze.data()), 0.05 * Math.sqrt(2.0 / 8), "N(0, sqrt(2 / fan_out))");
        Tensor excite = w.get("s1.b1.f.se.f_ex.2.weight");
        assertEquals(Math.sqrt(2.0 / 256), std(excite.data()), 0.05 * Math.sqrt(2.0 / 256));
        float[] bias = w.get("s1.b1.f.se.f_ex.2.bias").data(); // U(-1/sqrt(8), 1/sqrt(8))
        double max = 0;
        for (float b : bias) {
            max = Math.max(max, Math.abs(b));
        }
        assertEquals(1 / Math.sqrt(8), max, 0.02);
    }

    private static double std(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum / v.length);
    }

    @Test
    void namesAreNodeNamesWithPyTorchSuffixes() {
        Weights w = WeightInit.initial(RESNET_20, 1);
        assertArrayEquals(new int[] {16, 3, 3, 3}, w.get("stem.conv.weight").shape());
        assertArrayEquals(new int[] {16}, w.get("stem.bn.running_var").shape());
        assertArrayEquals(new int[] {32, 16, 1, 1}, w.get("s2.b1.proj.weight").shape());
        assertArrayEquals(new int[] {10, 64}, w.get("head.fc.weight").shape());
        assertArrayEquals(new int[] {10}, w.get("head.fc.bias").shape());
    }

    @Test
    void convWeightsHaveThePyclsStandardDeviation() {
        Tensor t = WeightInit.initial(RESNET_20, 2).get("s3.b2.f.b.weight");
        double sd = Math.sqrt(java.util.stream.IntStream.range(0, t.data().length)
                .mapToDouble(i -> t.data()[i] * (double) t.data()[i]).sum() / t.data().length);
        assertEquals(Math.sqrt(2.0 / (3 * 3 * 64)), sd, 0.002);
        Tensor fc = WeightInit.initial(RESNET_20, 2).get("head.fc.weight");
        double fcSd = Math.sqrt(java.util.stream.IntStream.range(0, fc.data().length)
                .mapToDouble(i -> fc.data()[i] * (double) fc.data()[i]).sum() / fc.data().length);
        assertEquals(0.01, fcSd, 0.001);
    }

    @Test
    void batchNormStartsAsIdentityAndBiasAtZero() {
        Weights w = WeightInit.initial(RESNET_20, 3);
        for (float v : w.get("s1.b1.f.a_bn.weight").data()) {
            assertEquals(1f, v);
        }
        for (String k : new String[] {"s1.b1.f.a_bn.bias", "s1.b1.f.a_bn.running_mean", "head.fc.bias"}) {
            for (float v : w.get(k).data()) {
                assertEquals(0f, v, k);
            }
        }
    }

    @Test
    void sameSeedSameWeights() {
        assertArrayEquals(WeightInit.initial(RESNET_20, 4).get("s2.b3.f.a.weight").data(),
                WeightInit.initial(RESNET_20, 4).get("s2.b3.f.a.weight").data());
        assertFalse(java.util.Arrays.equals(WeightInit.initial(RESNET_20, 4).get("s2.b3.f.a.weight").data(),
                WeightInit.initial(RESNET_20, 5).get("s2.b3.f.a.weight").data()));
    }
}
