package org.ndsw.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.complexity.ClosedFormComplexity;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.space.BlockType;
import org.ndsw.space.StageSpec;
import org.junit.jupiter.api.Test;

/** Complexity is exact or refused: no count ever wraps around a 64-bit integer. */
class ComplexityOverflowTest {

    @Test
    void aWidthOfIntMaxIsRefusedNotWrapped() {
        Cli r = Cli.withStdin("{\"block_type\":\"res_basic_block\",\"ds\":[1,9,9,9],\"ss\":[1,1,2,2],"
                + "\"ws\":[16,16,32,2147483647]}\n", "complexity");
        assertTrue(r.refused(), r.err());
        assertTrue(r.err().contains("<stdin>:1: net.ws[3] must be an integer in [1, 16,384]"), r.err());
        assertTrue(r.err().contains("got 2147483647"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void theLargestNetOfTheDomainsCountsExactlyOnBothPaths() {
        StageSpec wide = new StageSpec(BlockType.RES_BASIC, List.of(new StageSpec.Stage(1, 16_384, 1, 1.0, 1),
                new StageSpec.Stage(64, 16_384, 1, 1.0, 1), new StageSpec.Stage(64, 16_384, 2, 1.0, 1)));
        Complexity closed = Complexities.cifar(wide, Convention.NDS);
        assertEquals(Complexities.cifarFromGraph(wide, Convention.NDS), closed);
        long conv = 9L * 16_384 * 16_384;
        assertTrue(closed.params() > 127 * 2 * conv, "params " + closed.params());
    }

    @Test
    void aCountBeyondLongIsRefusedWithAClearMessage() {
        StageSpec wide = new StageSpec(BlockType.RES_BASIC, List.of(new StageSpec.Stage(1, 16_384, 1, 1.0, 1),
                new StageSpec.Stage(1_024, 16_384, 1, 1.0, 1)));
        NdswException e = assertThrows(NdswException.class,
                () -> ClosedFormComplexity.of(wide, Convention.NDS, 1 << 20, 10));
        assertTrue(e.getMessage().contains("do not fit in a 64-bit count"), e.getMessage());
    }

    @Test
    void complexityArithmeticIsExact() {
        Complexity big = new Complexity(Long.MAX_VALUE / 2 + 1, 1, 1);
        assertThrows(ArithmeticException.class, () -> big.times(2));
        assertThrows(ArithmeticException.class, () -> big.plus(big));
    }
}
