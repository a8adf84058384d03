package org.ndsw.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** The RegNet parameterization: widths and depths as pycls generates them, rounding half to even. */
class RegNetTest {

    private static List<Integer> widths(List<AnyNet.Stage> stages) {
        return stages.stream().map(AnyNet.Stage::width).toList();
    }

    @Test
    void regNetY800mfRoundsHalfToEven() {
        RegNet y800 = new RegNet(14, 56, 38.84, 2.4, 16, 1.0);
        RegNet.Generated g = y800.generate();
        assertEquals(List.of(56, 136, 320, 776), g.widths());
        assertEquals(List.of(1, 3, 8, 2), g.depths());
        assertEquals(4, g.totalStages());
        // 136 / 16 = 8.5 rounds to 8 (Math.round would give 9, i.e. 144); 776 / 16 = 48.5 rounds to 48
        assertEquals(List.of(64, 128, 320, 768), widths(y800.stages(2)));
    }

    @Test
    void regNetX200mfMatchesThePaper() {
        RegNet x200 = new RegNet(13, 24, 36.44, 2.49, 8, 1.0);
        List<AnyNet.Stage> stages = x200.stages(2);
        assertEquals(List.of(24, 56, 152, 368), widths(stages));
        assertEquals(List.of(1, 1, 4, 7), stages.stream().map(AnyNet.Stage::depth).toList());
        assertTrue(stages.stream().allMatch(s -> s.stride() == 2 && s.groupWidth() == 8));
    }

    @Test
    void groupWidthIsClippedToTheBottleneckWidth() {
        // w0 = 8 with g = 16: the first stage's bottleneck is 8 channels wide, so its group width becomes 8
        List<AnyNet.Stage> stages = new RegNet(3, 8, 8, 2, 16, 1.0).stages(2);
        assertEquals(8, stages.get(0).groupWidth());
        assertEquals(8, stages.get(0).width());
    }

    @Test
    void bottleneckMultiplierBelowOneScalesBack() {
        // b = 0.25 on width 56: v = floor(14) = 14, g clipped to 14, v stays 14, width floor(14 / 0.25) = 56
        List<AnyNet.Stage> stages = new RegNet(1, 56, 0, 2.5, 16, 0.25).stages(1);
        assertEquals(56, stages.get(0).width());
        assertEquals(14, stages.get(0).groupWidth());
    }

    @Test
    void anyNumberOfStagesIsKept() {
        RegNet wide = new RegNet(20, 8, 40, 1.5, 8, 1.0);
        RegNet.Generated g = wide.generate();
        assertTrue(g.widths().size() > 4, "more than 4 stages: " + g.widths());
        assertEquals(g.widths().size(), wide.stages(2).size());
    }

    @Test
    void badParametersAreRefusedByName() {
        assertTrue(assertThrows(NdswException.class, () -> new RegNet(10, 20, 5, 2.5, 8, 1))
                .getMessage().contains("REGNET.W0"));
        assertTrue(assertThrows(NdswException.class, () -> new RegNet(10, 24, 5, 1.0, 8, 1))
                .getMessage().contains("wm"));
        assertTrue(assertThrows(NdswException.class, () -> new RegNet(10, 24, -1, 2.5, 8, 1))
                .getMessage().contains("wa"));
        assertTrue(assertThrows(NdswException.class, () -> new RegNet(0, 24, 5, 2.5, 8, 1))
                .getMessage().contains("depth"));
        assertTrue(assertThrows(NdswException.class, () -> new RegNet(10, 24, 5, 2.5, 8, 1.5))
                .getMessage().contains("bottleneck"));
        assertTrue(assertThrows(NdswException.class, () -> new RegNet(1000, 8, 1e300, 1.0001, 8, 1).generate())
                .getMessage().contains("too large"));
    }
}
